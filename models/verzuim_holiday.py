from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine.school_calendar import SchoolCalendar


class VerzuimHoliday(models.Model):
    _name = "verzuim.holiday"
    _description = "School Calendar Day Off"
    _order = "date_from"

    name = fields.Char(required=True, translate=True)
    date_from = fields.Date(string="From", required=True, index=True)
    date_to = fields.Date(string="Until", required=True, index=True)
    kind = fields.Selection(
        [("vacation", "Vacation"), ("public_holiday", "Public holiday")],
        required=True,
        default="vacation",
    )
    company_id = fields.Many2one(
        "res.company", string="Institution", default=lambda self: self.env.company
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for holiday in self:
            if holiday.date_to < holiday.date_from:
                raise ValidationError(
                    self.env._("%(name)s: the last day is before the first day.", name=holiday.name)
                )

    @api.model
    def _school_calendar(self, date_from, date_to):
        """The engine's calendar for the days off that touch [date_from, date_to]."""
        rows = self.sudo().search_read(
            [
                ("date_from", "<=", date_to),
                ("date_to", ">=", date_from),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            ["date_from", "date_to", "kind"],
        )
        public, vacation = set(), set()
        for row in rows:
            target = public if row["kind"] == "public_holiday" else vacation
            day = row["date_from"]
            while day <= row["date_to"]:
                target.add(day)
                day += timedelta(days=1)
        return SchoolCalendar(public_holidays=public, vacation_days=vacation)

    @api.model
    def _lesweken_back(self, day: date, weeks: int) -> date:
        """First day of the span of ``weeks`` lesweken that ends on ``day``: 7-day blocks
        counted back from ``day``; a block without a school day does not count."""
        calendar = self._school_calendar(day - timedelta(days=7 * weeks * 3), day)
        counted, end = 0, day
        for _block in range(weeks * 8):
            start = end - timedelta(days=6)
            if any(calendar.is_school_day(start + timedelta(days=i)) for i in range(7)):
                counted += 1
                if counted == weeks:
                    return start
            end = start - timedelta(days=1)
        return end
