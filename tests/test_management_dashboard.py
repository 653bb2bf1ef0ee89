import re
from datetime import time
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase
from odoo.tests import tagged

from .analysis_common import MARCH_2
from .analysis_common import AnalysisCase
from .common import VerzuimFixtures
from .test_letters import pdf_text
from .test_letters import text_of


def number(value):
    """A pattern for ``value`` with one decimal, in English or Dutch notation."""
    return re.escape(f"{value:.1f}").replace(r"\.", "[.,]")


class DashboardSchool(VerzuimFixtures):
    """Five students with a lesson on the first of this month (one absent), a lesson of
    another teacher still unregistered, an overdue legal signal and far too few hours for the
    urennorm."""

    @classmethod
    def make_dashboard_school(cls):
        cls.quiet_env()
        cls.make_school("MD", students=5)
        cls.management = cls.make_user("MD_mgmt", "mbo_verzuim.group_management")
        cls.teacher2_user, cls.faculty2 = cls.make_teacher("MD_t2", "Lies", "Laat")
        today = fields.Date.context_today(cls.env["verzuim.dashboard"])
        first = today.replace(day=1)
        _session, sheet = cls.make_lesson(first, time(0, 5), time(0, 50))
        cls.register_line(sheet, cls.students[0], "absent")
        for student in cls.students[1:]:
            cls.register_line(sheet, student, "present")
        year_start = cls.env["verzuim.holiday"]._school_years(today, 1)[0][0]
        cls.make_lesson(max(year_start, today - timedelta(days=1)), time(0, 5), time(0, 10),
                        faculty=cls.faculty2)  # fmt: skip
        cls.signal = (
            cls.env["verzuim.signal"]
            .sudo()
            .create(
                {
                    "rule_id": cls.env.ref("mbo_verzuim.rule_legal_16h").id,
                    "student_id": cls.students[0].id,
                    "company_id": cls.env.company.id,
                    "date_start": first,
                    "date_end": first,
                    "deadline": today - timedelta(days=1),
                }
            )
        )
        cls.env.flush_all()


@tagged("post_install", "-at_install")
class TestManagementDashboard(DashboardSchool, HttpCase):
    """Issue 11, point 6: the manager's first screen, within two clicks from the menu, walked
    by a tour as the management user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_dashboard_school()

    def test_management_lands_on_the_dashboard(self):
        self.assertEqual(
            self.management.action_id.id, self.env.ref("mbo_verzuim.verzuim_dashboard_action").id
        )
        self.start_tour("/odoo", "mbo_verzuim_management_dashboard", login="MD_mgmt")

    def test_the_dashboard_holds_the_four_figures(self):
        action = self.env["verzuim.dashboard"].with_user(self.management).action_open()
        dashboard = (
            self.env["verzuim.dashboard"].with_user(self.management).browse(action["res_id"])
        )
        rate = text_of(dashboard.rate_html)
        self.assertIn("MD Logistiek", rate)
        self.assertRegex(rate, r"80[.,]0%")  # 45 minutes missed of five times 45
        self.assertIn("Lies Laat", text_of(dashboard.teachers_html))
        self.assertIn("MD Logistiek", text_of(dashboard.overdue_html))
        self.assertIn("MD LOG2A", text_of(dashboard.urennorm_html))

    def test_the_dashboards_buttons_open_the_analyses(self):
        dashboard = self.env["verzuim.dashboard"].with_user(self.management).create({})
        for method, model in (
            ("action_open_attendance", "verzuim.absence.report"),
            ("action_open_discipline", "verzuim.registration.report"),
            ("action_open_pipeline", "verzuim.pipeline.report"),
            ("action_open_urennorm", "verzuim.urennorm.report"),
            ("action_print", "verzuim.rapportage"),
        ):
            self.assertEqual(getattr(dashboard, method)()["res_model"], model)


@tagged("post_install", "-at_install")
class TestRapportage(AnalysisCase):
    """Issue 11, point 5: the verzuimrapportage of a programme over a period, as a PDF with
    the figures and one chart."""

    PREFIX = "RP"

    def rapportage(self, user):
        return (
            self.env["verzuim.rapportage"]
            .with_user(user)
            .create(
                {
                    "course_id": self.course.id,
                    "date_from": MARCH_2,
                    "date_to": MARCH_2 + timedelta(days=30),
                }
            )
        )

    def render(self, user, kind="html"):
        rapportage = self.rapportage(user)
        report = self.env["ir.actions.report"].with_user(user).with_context(lang="en_US")
        name = "mbo_verzuim.report_verzuim_rapportage"
        if kind == "pdf":
            content, _kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                name, rapportage.ids
            )
            self.assertTrue(content.startswith(b"%PDF"))
            return pdf_text(content)
        content, _kind = report._render_qweb_html(name, rapportage.ids)
        return text_of(content)

    def test_the_pdf_holds_the_figures(self):
        lines = self.lines.filtered(
            lambda line: line.attendance_id.session_id.verzuim_lesson_date
            < MARCH_2 + timedelta(days=31)
        )
        _p, _a, _au, _un, rate, _n = self.expected(lines, lambda line: ())[()]
        big = self.expected(lines.filtered(lambda x: x.batch_id == self.batch), lambda line: ())[()]
        text = self.render(self.coordinator, "pdf")
        self.assertIn("Absence report", text)
        self.assertIn("RP Logistiek", text)
        self.assertRegex(text, number(rate * 100) + "%")  # the total
        self.assertRegex(text, number(big[0]))  # the big class's planned hours
        self.assertIn("Attendance rate per month", text)  # the chart
        self.assertRegex(text, rf"(Mar|mrt)\.? 2026 {number(rate * 100)}%")

    def test_management_gets_no_small_class_figures(self):
        text = self.render(self.management)
        small = self.expected(
            self.lines.filtered(lambda x: x.batch_id == self.small), lambda line: ()
        )[()]
        row = text[text.index("RP LOG2B") : text.index("RP LOG2B") + 40]
        self.assertNotRegex(row, number(small[4] * 100) + "%")
        self.assertIn("–", row)
        self.assertIn("RP LOG2B", self.render(self.coordinator))

    def test_the_period_must_be_a_period(self):
        with self.assertRaises(ValidationError):
            self.env["verzuim.rapportage"].create(
                {
                    "course_id": self.course.id,
                    "date_from": MARCH_2,
                    "date_to": MARCH_2 - timedelta(days=1),
                }
            )
