from collections import defaultdict
from datetime import date
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .analysis_common import AnalysisCase
from .analysis_common import school_year


@tagged("post_install", "-at_install")
class TestUrennorm(AnalysisCase):
    """Issue 11, point 4: per class and school year the hours programmed in the timetable
    against the norm of the class's pathway, and the hours attended per student, equal to the
    same figures computed from the lessons and registrations."""

    PREFIX = "UN"

    def rows(self, user=None):
        Report = self.env["verzuim.urennorm.report"].with_user(user or self.coordinator)
        rows = Report.search([("batch_id", "in", (self.batch | self.small).ids)])
        return {(row.batch_id, row.school_year): row for row in rows}

    def expected_programmed(self):
        hours = defaultdict(float)
        sessions = self.env["op.session"].search(
            [("batch_id", "in", (self.batch | self.small).ids)]
        )
        for session in sessions.filtered(lambda s: s.state != "cancel"):
            seconds = (session.end_datetime - session.start_datetime).total_seconds()
            hours[(session.batch_id, school_year(session.verzuim_lesson_date))] += seconds / 3600
        return hours

    def test_programmed_hours_against_the_norm(self):
        rows = self.rows()
        programmed = self.expected_programmed()
        self.assertEqual(set(rows), set(programmed))
        for key, row in rows.items():
            self.assertAlmostEqual(row.programmed_hours, programmed[key], msg=key)
        big = rows[(self.batch, "2025-2026")]
        self.assertEqual(big.leerweg, "bol")
        self.assertEqual(big.norm_hours, 1000)
        self.assertTrue(big.below_norm)
        small = rows[(self.small, "2025-2026")]
        self.assertEqual(small.leerweg, "bbl")
        self.assertEqual(small.norm_hours, 850)

    def test_the_norm_is_a_setting_per_pathway(self):
        self.env.company.write({"verzuim_norm_bol": 2.0, "verzuim_norm_bbl": 0.5})
        self.env.flush_all()
        rows = self.rows()
        self.assertFalse(rows[(self.batch, "2025-2026")].below_norm)  # 2.75 hours programmed
        self.assertTrue(rows[(self.batch, "2026-2027")].below_norm)  # 1 hour
        self.assertFalse(rows[(self.small, "2025-2026")].below_norm)

    def test_attended_hours_per_student(self):
        want = self.expected(
            self.lines,
            lambda line: (
                line.batch_id,
                school_year(line.attendance_id.session_id.verzuim_lesson_date),
            ),
        )
        for key, row in self.rows().items():
            _planned, attended, _au, _un, _rate, students = want[key]
            self.assertEqual(row.student_count, students)
            self.assertAlmostEqual(row.attended_hours, attended / students, msg=key)

    def test_management_sees_the_norm_not_small_classes_attendance(self):
        rows = self.rows(self.management)
        small = rows[(self.small, "2025-2026")].read(["programmed_hours", "attended_hours"])[0]
        self.assertAlmostEqual(small["programmed_hours"], 1.0)
        self.assertFalse(small["attended_hours"])
        big = rows[(self.batch, "2025-2026")].read(["attended_hours"])[0]
        self.assertTrue(big["attended_hours"])


@tagged("post_install", "-at_install")
class TestLegalPipeline(AnalysisCase):
    """Issue 11, point 3: signals per rule and state, what is overdue, the days from signal to
    report and from report to closing."""

    PREFIX = "LP"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Signal = cls.env["verzuim.signal"].sudo()
        legal = cls.env.ref("mbo_verzuim.rule_legal_16h")
        today = fields.Date.context_today(Signal)
        base = {"rule_id": legal.id, "company_id": cls.env.company.id, "hours": 16}
        s = cls.students
        cls.overdue = Signal.create(
            {**base, "student_id": s[0].id, "date_start": date(2026, 3, 2),
             "date_end": date(2026, 3, 9), "deadline": today - timedelta(days=1)}
        )  # fmt: skip
        cls.on_time = Signal.create(
            {**base, "student_id": s[1].id, "date_start": date(2026, 3, 2),
             "date_end": date(2026, 3, 9), "deadline": today + timedelta(days=3)}
        )  # fmt: skip
        cls.reported = Signal.create(
            {**base, "student_id": s[2].id, "date_start": date(2026, 3, 2),
             "date_end": date(2026, 3, 9), "deadline": today - timedelta(days=10)}
        )  # fmt: skip
        cls.melding = (
            cls.env["verzuim.melding"]
            .sudo()
            .create(
                {
                    "student_id": s[2].id,
                    "signal_id": cls.reported.id,
                    "melding_type": "16h",
                    "deadline": date(2026, 3, 17),
                }
            )
        )
        cls.melding.write({"state": "registered", "date_filed": date(2026, 3, 12)})
        cls.melding.write({"state": "closed", "closing_reason": "back_at_school"})
        cls.melding.date_closed = date(2026, 4, 1)
        cls.env.invalidate_all()

    def rows(self, user=None):
        Report = self.env["verzuim.pipeline.report"].with_user(user or self.management)
        return Report.search(
            [("signal_id", "in", (self.overdue | self.on_time | self.reported).ids)]
        )

    def test_each_signal_with_its_report(self):
        rows = {row.signal_id: row for row in self.rows()}
        self.assertEqual(rows[self.overdue].overdue, 1)
        self.assertEqual(rows[self.on_time].overdue, 0)
        reported = rows[self.reported]
        self.assertEqual(reported.overdue, 0)  # overdue signal, but its report was filed
        self.assertEqual(reported.melding_state, "closed")
        self.assertEqual(reported.date_raised, date(2026, 3, 9))  # the threshold reached
        self.assertEqual(reported.days_to_report, 3)
        self.assertEqual(reported.days_to_close, 20)
        self.assertEqual(reported.course_id, self.course)

    def test_per_rule_and_state(self):
        rows = (
            self.env["verzuim.pipeline.report"]
            .with_user(self.coordinator)
            ._read_group(
                [("signal_id", "in", (self.overdue | self.on_time | self.reported).ids)],
                ["rule_id"],
                ["signals:sum", "reports:sum", "overdue:sum", "days_to_report:avg"],
            )
        )
        self.assertEqual(rows, [(self.env.ref("mbo_verzuim.rule_legal_16h"), 3, 1, 1, 3.0)])
        states = (
            self.env["verzuim.pipeline.report"]
            .with_user(self.coordinator)
            ._read_group(
                [("signal_id", "in", (self.overdue | self.on_time | self.reported).ids)],
                ["signal_state"],
                ["signals:sum"],
            )
        )
        self.assertEqual(dict(states), {"new": 2, "done": 1})

    def test_a_closed_report_records_its_day(self):
        self.assertEqual(self.melding.date_closed, date(2026, 4, 1))
        self.melding.write({"state": "in_progress"})
        self.assertFalse(self.melding.date_closed)
