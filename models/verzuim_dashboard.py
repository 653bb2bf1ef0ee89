"""Management's first screen: this month's attendance rate per programme, the teachers with
lessons still unregistered, the overdue legal reports and the classes below the urennorm.
Every figure comes from the analysis views, read as the user (small groups stay hidden from
management)."""

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools.misc import format_date
from odoo.tools.misc import formatLang

LEGAL_DOMAIN = [
    "|",
    ("rule_category", "in", ("legal", "student_finance")),
    ("signal_id", "=", False),
]


def html_table(headers, rows, empty):
    """A small Bootstrap table; ``rows`` hold already formatted cells."""
    if not rows:
        return Markup('<p class="text-muted mb-0">%s</p>') % empty
    head = Markup("").join(Markup("<th>%s</th>") % header for header in headers)
    body = Markup("").join(
        Markup('<tr class="%s">%s</tr>')
        % (css, Markup("").join(Markup("<td>%s</td>") % cell for cell in cells))
        for css, cells in rows
    )
    return Markup(
        '<table class="table table-sm table-hover mb-0"><thead><tr>%s</tr></thead>'
        "<tbody>%s</tbody></table>"
    ) % (head, body)


class VerzuimDashboard(models.TransientModel):
    _name = "verzuim.dashboard"
    _description = "Absence Dashboard"

    name = fields.Char(default=lambda self: self.env._("Dashboard"), readonly=True)
    month_label = fields.Char(string="Month", compute="_compute_figures")
    school_year = fields.Char(compute="_compute_figures")
    rate_html = fields.Html(
        string="Attendance Rate per Programme", compute="_compute_figures", sanitize=False
    )
    teachers_html = fields.Html(
        string="Teachers with Unregistered Lessons", compute="_compute_figures", sanitize=False
    )
    overdue_html = fields.Html(
        string="Overdue Legal Reports", compute="_compute_figures", sanitize=False
    )
    urennorm_html = fields.Html(
        string="Classes below the Urennorm", compute="_compute_figures", sanitize=False
    )

    @api.model
    def action_open(self):
        """The dashboard as a screen of its own (the menu's and management's home action)."""
        dashboard = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dashboard"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "views": [(self.env.ref("mbo_verzuim.verzuim_dashboard_view_form").id, "form")],
            "target": "current",
        }

    @api.model
    def _period(self):
        today = fields.Date.context_today(self)
        first = today.replace(day=1)
        year_start, year_end = self.env["verzuim.holiday"]._school_years(today, 1)[0]
        return today, first, first + relativedelta(months=1, days=-1), year_start, year_end

    def _compute_figures(self):
        today, month_start, month_end, year_start, year_end = self._period()
        month = format_date(self.env, month_start, date_format="MMMM y")
        year = f"{year_start.year}-{year_end.year}"
        rate, teachers, overdue, urennorm = (
            self._rate_html(month_start, month_end),
            self._teachers_html(year_start, today),
            self._overdue_html(),
            self._urennorm_html(year),
        )
        for dashboard in self:
            dashboard.month_label = month
            dashboard.school_year = year
            dashboard.rate_html = rate
            dashboard.teachers_html = teachers
            dashboard.overdue_html = overdue
            dashboard.urennorm_html = urennorm

    # --- the four figures ----------------------------------------------------------------------

    def _rate_rows(self, date_from, date_to):
        """(programme, planned, attended, rate) of registrations in the period; rate and hours
        are False where the group is too small for the user to see."""
        return self.env["verzuim.absence.report"]._read_group(
            [("lesson_date", ">=", date_from), ("lesson_date", "<=", date_to)],
            ["course_id"],
            ["planned_hours:sum", "attended_hours:sum", "attendance_rate:avg"],
        )

    def _rate_html(self, date_from, date_to):
        hidden = self.env._("too few students")
        rows = [
            (
                "",
                (
                    course.display_name,
                    formatLang(self.env, planned, digits=1) if planned is not False else "–",
                    formatLang(self.env, attended, digits=1) if attended is not False else "–",
                    hidden
                    if planned is False
                    else f"{formatLang(self.env, rate, digits=1)}%"
                    if planned
                    else "–",
                ),
            )
            for course, planned, attended, rate in self._rate_rows(date_from, date_to)
        ]
        return html_table(
            [
                self.env._("Programme"),
                self.env._("Planned hours"),
                self.env._("Attended hours"),
                self.env._("Attendance rate"),
            ],
            rows,
            self.env._("No registrations this month."),
        )

    def _teacher_rows(self, date_from, date_to):
        return self.env["verzuim.registration.report"]._read_group(
            [("missing", "=", 1), ("lesson_date", ">=", date_from), ("lesson_date", "<=", date_to)],
            ["teacher_id"],
            ["missing:sum", "lesson_date:min"],
            order="missing:sum desc",
        )

    def _teachers_html(self, date_from, date_to):
        rows = [
            (
                "text-danger" if missing >= 5 else "",
                (teacher.sudo().display_name, missing, format_date(self.env, oldest)),
            )
            for teacher, missing, oldest in self._teacher_rows(date_from, date_to)
        ]
        return html_table(
            [
                self.env._("Teacher"),
                self.env._("Lessons not registered"),
                self.env._("Oldest lesson"),
            ],
            rows,
            self.env._("Every lesson given this school year is registered."),
        )

    def _overdue_rows(self):
        return self.env["verzuim.pipeline.report"]._read_group(
            [("overdue", "=", 1), *LEGAL_DOMAIN],
            ["course_id", "rule_id"],
            ["overdue:sum", "deadline:min"],
        )

    def _overdue_html(self):
        rows = [
            (
                "text-danger",
                (
                    course.display_name or self.env._("(no programme)"),
                    rule.sudo().display_name or self.env._("Report by judgement"),
                    overdue,
                    format_date(self.env, deadline),
                ),
            )
            for course, rule, overdue, deadline in self._overdue_rows()
        ]
        return html_table(
            [
                self.env._("Programme"),
                self.env._("Rule"),
                self.env._("Overdue"),
                self.env._("Earliest deadline"),
            ],
            rows,
            self.env._("No legal report is overdue."),
        )

    def _urennorm_rows(self, school_year):
        return self.env["verzuim.urennorm.report"].search_read(
            [("school_year", "=", school_year), ("below_norm", "=", True)],
            ["batch_id", "leerweg", "programmed_hours", "norm_hours"],
            order="programmed_hours",
        )

    def _urennorm_html(self, school_year):
        leerwegen = dict(self.env["verzuim.urennorm.report"]._fields["leerweg"].selection)
        rows = [
            (
                "text-warning",
                (
                    row["batch_id"][1] if row["batch_id"] else "",
                    leerwegen.get(row["leerweg"], ""),
                    formatLang(self.env, row["programmed_hours"], digits=0),
                    formatLang(self.env, row["norm_hours"], digits=0),
                ),
            )
            for row in self._urennorm_rows(school_year)
        ]
        return html_table(
            [
                self.env._("Class"),
                self.env._("Pathway"),
                self.env._("Programmed hours"),
                self.env._("Norm"),
            ],
            rows,
            self.env._("No class is below the urennorm."),
        )

    # --- buttons -------------------------------------------------------------------------------

    def _open(self, xmlid, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        if context:
            action["context"] = context
        return action

    def action_open_attendance(self):
        return self._open(
            "mbo_verzuim.verzuim_absence_report_action",
            {"search_default_filter_this_month": 1, "search_default_group_course": 1},
        )

    def action_open_discipline(self):
        return self._open(
            "mbo_verzuim.verzuim_registration_report_action",
            {"search_default_filter_missing": 1, "search_default_group_teacher": 1},
        )

    def action_open_pipeline(self):
        return self._open(
            "mbo_verzuim.verzuim_pipeline_report_action",
            {"search_default_filter_overdue": 1, "search_default_filter_legal": 1},
        )

    def action_open_urennorm(self):
        return self._open(
            "mbo_verzuim.verzuim_urennorm_report_action",
            {"search_default_filter_below_norm": 1},
        )

    def action_print(self):
        return self._open("mbo_verzuim.verzuim_rapportage_wizard_action")
