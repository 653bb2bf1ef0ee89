from datetime import date
from datetime import timedelta

import holidays

from odoo import api
from odoo import fields
from odoo import models
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
        """First day of the ``weeks`` lesweken (five school days each) that end on ``day``."""
        calendar = self._school_calendar(day - timedelta(days=7 * weeks * 3), day)
        return calendar.lesweek_start(day, weeks)

    @api.model
    def _school_years(self, day, count=3):
        """(first, last) day of the school year of ``day`` and the next ``count - 1``."""
        first_year = day.year if day.month >= 8 else day.year - 1
        return [
            (date(year, 8, 1), date(year + 1, 7, 31))
            for year in range(first_year, first_year + count)
        ]

    @api.model
    def _generate_public_holidays(self, day=None):
        """Dutch public holidays (Algemene termijnenwet) of this and the next two school
        years, from the `holidays` library; 5 May and Good Friday follow the settings.
        Idempotent: returns the number of days added."""
        day = day or fields.Date.context_today(self)
        params = self.env["ir.config_parameter"].sudo()
        liberation = params.get_param("mbo_verzuim.holiday_liberation_day", "True") == "True"
        good_friday = params.get_param("mbo_verzuim.holiday_good_friday", "False") == "True"
        years = self._school_years(day)
        first, last = years[0][0], years[-1][1]
        wanted = {}
        for lang in ("en_US", "nl"):
            calendar = holidays.country_holidays(
                "NL", years=range(first.year, last.year + 1), language=lang
            )
            for holiday_day, name in calendar.items():
                wanted.setdefault(holiday_day, {})[lang] = name
        for year in range(first.year, last.year + 1):
            may5 = date(year, 5, 5)
            if liberation:
                wanted.setdefault(may5, {"en_US": "Liberation Day", "nl": "Bevrijdingsdag"})
        wanted = {
            d: names
            for d, names in wanted.items()
            if first <= d <= last
            and (good_friday or names["en_US"] != "Good Friday")
            and (liberation or names["en_US"] != "Liberation Day")
        }
        existing = set(
            self.search(
                [
                    ("kind", "=", "public_holiday"),
                    ("date_from", ">=", first),
                    ("date_to", "<=", last),
                ]
            ).mapped("date_from")
        )
        new = [d for d in sorted(wanted) if d not in existing]
        records = self.create(
            [
                {"name": wanted[d]["en_US"], "date_from": d, "date_to": d, "kind": "public_holiday"}
                for d in new
            ]
        )
        if self.env["res.lang"]._lang_get("nl_NL"):
            for record in records:
                record.update_field_translations("name", {"nl_NL": wanted[record.date_from]["nl"]})
        return len(records)

    @api.model
    def _cron_generate_public_holidays(self):
        self._generate_public_holidays()
