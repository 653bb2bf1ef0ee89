import logging
from datetime import date
from datetime import timedelta

import holidays

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..engine.school_calendar import HORIZON_DAYS
from ..engine.school_calendar import SchoolCalendar

_logger = logging.getLogger(__name__)

# A day off lies in these years and lasts at most this many days (first and last day included).
# A summer vacation is six to seven weeks; 92 days (June, July and August) leaves room for any
# real vacation and keeps a typing error (31-12-9999) out of every evaluation.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
MAX_DAYS = 92


def _shift(day, days):
    """``day`` plus ``days`` days, kept within the dates Python can hold."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


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

    @api.model
    def _period_problem(self, date_from, date_to):
        """Why [date_from, date_to] cannot be a day off (a clause to put after a name or a
        row number), or None. Shared by the constraint and the CSV import."""
        if date_to < date_from:
            return self.env._("the last day is before the first day")
        if date_from < FIRST_DAY or date_to > LAST_DAY:
            return self.env._(
                "a day off must lie between %(first)s and %(last)s",
                first=format_date(self.env, FIRST_DAY),
                last=format_date(self.env, LAST_DAY),
            )
        days = (date_to - date_from).days + 1
        if days > MAX_DAYS:
            return self.env._(
                "a day off lasts at most %(max)s days (a summer vacation is six to seven weeks), "
                "this one %(days)s days: enter a longer period as separate days off",
                max=MAX_DAYS,
                days=days,
            )
        return None

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for holiday in self:
            problem = self._period_problem(holiday.date_from, holiday.date_to)
            if problem:
                raise ValidationError(
                    self.env._("%(name)s: %(problem)s.", name=holiday.name, problem=problem)
                )

    @api.model
    def _calendar_company_id(self, company=None):
        """The id of ``company`` (a record or an id), by default the current company."""
        if isinstance(company, models.BaseModel):
            company = company[:1].id
        return company or self.env.company.id

    @api.model
    def _school_calendar(self, date_from, date_to, company=None):
        """The engine's calendar for [date_from, date_to] of an institution (default: the
        current company): its own days off and those without institution. Days off are cut to
        the span asked for, so no stored day off (however long) makes it fail."""
        date_from, date_to = fields.Date.to_date(date_from), fields.Date.to_date(date_to)
        public, vacation = set(), set()
        if date_from <= date_to:
            rows = self.sudo().search_read(
                [
                    ("date_from", "<=", date_to),
                    ("date_to", ">=", date_from),
                    ("company_id", "in", [False, self._calendar_company_id(company)]),
                ],
                ["date_from", "date_to", "kind"],
            )
            for row in rows:
                target = public if row["kind"] == "public_holiday" else vacation
                first = max(row["date_from"], date_from)
                last = min(row["date_to"], date_to)
                target.update(first + timedelta(days=n) for n in range((last - first).days + 1))
        return SchoolCalendar(public_holidays=public, vacation_days=vacation)

    @api.model
    def _lesweken_back(self, day: date, weeks: int, company=None) -> date:
        """First day of the ``weeks`` lesweken (five school days each) that end on ``day``, in
        the calendar of an institution (default: the current company).

        The calendar is read for a span that widens until the lesweken fit in it. Should no
        such span exist (days off without end, the beginning of time), ``weeks`` calendar
        weeks are counted instead: reading a student's hours must not fail on the calendar.
        """
        if weeks < 1:
            raise ValueError(f"count at least one lesweek, got {weeks}")
        day = fields.Date.to_date(day)
        company_id = self._calendar_company_id(company)
        span = 7 * weeks * 3
        while True:
            first = _shift(day, -span)
            calendar = self._school_calendar(first, day, company_id)
            try:
                start = calendar.lesweek_start(day, weeks)
            except (ValueError, OverflowError):
                start = None
            # Before ``first`` every weekday counts as a school day: the answer holds when the
            # lesweken fit in the span read.
            if start is not None and start >= first:
                return start
            if first == date.min or span > 2 * HORIZON_DAYS:
                _logger.warning(
                    "No %s lesweken before %s in the school calendar of company %s: "
                    "counting calendar weeks",
                    weeks,
                    day,
                    company_id,
                )
                return _shift(day, -7 * weeks)
            span *= 4

    @api.model
    def _school_years(self, day, count=3):
        """(first, last) day of the school year of ``day`` and the next ``count - 1``."""
        first_year = day.year if day.month >= 8 else day.year - 1
        return [
            (date(year, 8, 1), date(year + 1, 7, 31))
            for year in range(first_year, first_year + count)
        ]

    @api.model
    def _generate_public_holidays(self, day=None, company=None):
        """Dutch public holidays (Algemene termijnenwet) of this and the next two school
        years for an institution (default: the current company), from the `holidays` library;
        5 May and Good Friday follow the institution's settings. Idempotent: a day that the
        institution, or every institution, already has off is skipped. Returns the number of
        days added."""
        day = day or fields.Date.context_today(self)
        company = self.env["res.company"].browse(self._calendar_company_id(company)).sudo()
        liberation = company.verzuim_liberation_day
        good_friday = company.verzuim_good_friday
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
        Holiday = self.sudo()
        existing = set(
            Holiday.search(
                [
                    ("kind", "=", "public_holiday"),
                    ("date_from", ">=", first),
                    ("date_to", "<=", last),
                    ("company_id", "in", [False, company.id]),
                ]
            ).mapped("date_from")
        )
        new = [d for d in sorted(wanted) if d not in existing]
        records = Holiday.create(
            [
                {
                    "name": wanted[d]["en_US"],
                    "date_from": d,
                    "date_to": d,
                    "kind": "public_holiday",
                    "company_id": company.id,
                }
                for d in new
            ]
        )
        if self.env["res.lang"]._lang_get("nl_NL"):
            for record in records:
                record.update_field_translations("name", {"nl_NL": wanted[record.date_from]["nl"]})
        return len(records)

    @api.model
    def _cron_generate_public_holidays(self):
        """Every institution its public holidays, each following its own settings; one
        institution's failure is logged and does not stop the others."""
        for company in self.env["res.company"].sudo().search([]):
            try:
                with self.env.cr.savepoint():
                    self._generate_public_holidays(company=company)
            except Exception:  # pylint: disable=broad-except
                _logger.exception(
                    "Public holidays for company %s (%s) failed", company.name, company.id
                )
