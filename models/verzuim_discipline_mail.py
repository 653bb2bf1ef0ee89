"""The weekly summary of registration discipline to each team's manager (a setting per
institution, off by default): last week's lessons per teacher of the team's programmes."""

from datetime import timedelta

from markupsafe import Markup

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools.misc import format_date

from .verzuim_dashboard import html_table


class VerzuimDisciplineMail(models.AbstractModel):
    _name = "verzuim.discipline.mail"
    _description = "Weekly Registration Summary"

    @api.model
    def _cron_send(self, today=None):
        """Monday: last week's summary for every team with a manager, in institutions that
        switched it on. Returns the mails created."""
        today = today or fields.Date.context_today(self)
        monday = today - timedelta(days=today.weekday() + 7)
        sunday = monday + timedelta(days=6)
        mails = self.env["mail.mail"]
        companies = self.env["res.company"].sudo().search([("verzuim_discipline_mail", "=", True)])
        teams = self.env["op.department"].sudo().search([("verzuim_manager_id", "!=", False)])
        for company in companies:
            for team in teams:
                mail = self._send_team(company, team, monday, sunday)
                if mail:
                    mails |= mail
        return mails

    def _team_rows(self, company, team, monday, sunday):
        return (
            self.env["verzuim.registration.report"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("department_id", "=", team.id),
                    ("lesson_date", ">=", monday),
                    ("lesson_date", "<=", sunday),
                ],
                ["teacher_id"],
                ["lessons:sum", "on_time:sum", "late:sum", "missing:sum"],
                order="missing:sum desc",
            )
        )

    def _send_team(self, company, team, monday, sunday):
        rows = self._team_rows(company, team, monday, sunday)
        if not rows:
            return None
        manager = team.verzuim_manager_id
        return self.with_context(lang=manager.lang or self.env.lang)._mail_team(
            company, team, manager, rows, monday, sunday
        )

    def _mail_team(self, company, team, manager, rows, monday, sunday):
        week = f"{format_date(self.env, monday)} – {format_date(self.env, sunday)}"
        table = html_table(
            [
                self.env._("Teacher"),
                self.env._("Lessons given"),
                self.env._("On time"),
                self.env._("Late"),
                self.env._("Not registered"),
            ],
            [
                ("", (teacher.name, lessons, on_time, late, missing))
                for teacher, lessons, on_time, late, missing in rows
            ],
            "",
        )
        body = Markup("<p>%s</p>%s") % (
            self.env._(
                "Registration of the lessons of team %(team)s in the week %(week)s.",
                team=team.name,
                week=week,
            ),
            table,
        )
        return (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": self.env._(
                        "Registration discipline %(team)s, %(week)s", team=team.name, week=week
                    ),
                    "body_html": body,
                    "email_to": manager.email_formatted,
                    "recipient_ids": [(4, manager.partner_id.id)],
                    "email_from": company.email_formatted or self.env.user.email_formatted,
                    "auto_delete": True,
                }
            )
        )
