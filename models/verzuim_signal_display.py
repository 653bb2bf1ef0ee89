"""How a signal reads: its note rendered in the reader's language from the values the rules
stored, its hours with their unit, and how close its deadline is."""

from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools.misc import formatLang

NEAR_WORKING_DAYS = 2  # a deadline this many working days away or closer is "near"
DEADLINE_STATES = [("none", "No deadline"), ("ok", "In time"), ("near", "Near"), ("late", "Past")]


class VerzuimSignal(models.Model):
    _inherit = "verzuim.signal"

    note = fields.Text(compute="_compute_note", readonly=True)
    hours_display = fields.Char(string="Hours Missed", compute="_compute_hours_display")
    deadline_state = fields.Selection(
        DEADLINE_STATES, string="Deadline Status", compute="_compute_deadline_state"
    )

    @api.depends(
        "state",
        "hours",
        "count",
        "date_start",
        "date_end",
        "repeat_number",
        "rule_id.kind",
        "rule_id.streak_lesweken",
        "rule_id.sick_days",
        "rule_id.reason_id.name",
    )
    @api.depends_context("lang")
    def _compute_note(self):
        for signal in self:
            signal.note = signal._render_note()

    def _render_note(self):
        """Why the signal fired, in the reader's language (``self.env.lang``)."""
        self.ensure_one()
        if self.state == "obsolete":
            return self.env._(
                "Obsolete: the registrations behind this signal changed (a reason was "
                "corrected or a notice added), so the rule no longer fires."
            )
        if not (self.rule_id and self.date_start and self.date_end):
            return False
        rule = self.sudo().rule_id
        period = {
            "start": self.date_start.strftime("%d-%m-%Y"),
            "end": self.date_end.strftime("%d-%m-%Y"),
            "hours": formatLang(self.env, self.hours, digits=2),
            "count": self.count,
            "weeks": rule.streak_lesweken,
            "days": rule.sick_days,
        }
        if rule.kind == "window":
            note = self.env._("%(hours)s unauthorized hours from %(start)s to %(end)s.", **period)
        elif rule.kind == "streak":
            note = self.env._(
                "Unauthorized absence in %(weeks)s consecutive lesweken, from %(start)s to "
                "%(end)s (%(hours)s hours).",
                **period,
            )
        elif rule.kind == "sick_long":
            note = self.env._("Sick since %(start)s: %(days)s days or more on %(end)s.", **period)
        elif rule.kind == "reason":
            note = self.env._(
                "Absent with reason %(reason)s from %(start)s to %(end)s (%(hours)s hours).",
                reason=rule.reason_id.with_context(lang=self.env.lang).name,
                **period,
            )
        else:
            note = self.env._("%(count)s sick notices started from %(start)s to %(end)s.", **period)
        if self.repeat_number:
            note += " " + self.env._(
                "Repeat report %(number)s in one uninterrupted absence.",
                number=self.repeat_number,
            )
        return note

    @api.depends("hours")
    @api.depends_context("lang")
    def _compute_hours_display(self):
        for signal in self:
            signal.hours_display = self.env._(
                "%(hours)s hours", hours=formatLang(self.env, signal.hours, digits=1)
            )

    @api.depends("deadline", "state")
    def _compute_deadline_state(self):
        today = fields.Date.context_today(self)
        calendars = {}
        for signal in self:
            if not signal.deadline or signal.state not in ("new", "in_progress"):
                signal.deadline_state = "none"
            elif signal.deadline < today:
                signal.deadline_state = "late"
            else:
                company = signal.company_id or self.env.company
                if company not in calendars:
                    calendars[company] = self.env["verzuim.holiday"]._school_calendar(
                        today, today + timedelta(days=31), company=company
                    )
                left = self._working_days_between(calendars[company], today, signal.deadline)
                signal.deadline_state = "near" if left <= NEAR_WORKING_DAYS else "ok"

    @staticmethod
    def _working_days_between(calendar, today, deadline):
        """Working days after today up to and including the deadline (0 when due today)."""
        days, day = 0, today
        while day < deadline and days <= NEAR_WORKING_DAYS:
            day += timedelta(days=1)
            days += calendar.is_working_day(day)
        return days

    @api.model
    def _activity_lang(self, company):
        """The language of a school's to-dos: Dutch for a Dutch school, otherwise the
        language of the institution (its partner), so the nightly run does not write English."""
        langs = dict(self.env["res.lang"].get_installed())
        if company.country_id.code == "NL" and "nl_NL" in langs:
            return "nl_NL"
        lang = company.partner_id.lang
        return lang if lang in langs else self.env.lang
