"""The evaluation's short cuts at the size of a school: SQL picks the students that can have a
signal (candidates) and skips those whose data did not change (stamps). Neither may change a
single signal: proven on a generated school whose students raise every rule."""

import sys
from datetime import date
from datetime import timedelta
from pathlib import Path

from odoo.tests import TransactionCase
from odoo.tests import tagged

# The generator of `make bench` lives in tools/ (not part of the module's Python package).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from large_school import build_school

STUDENTS = 150


@tagged("post_install", "-at_install")
class TestEvaluationAtScale(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = date.today()
        cls.students, _faculty, cls.registrations = build_school(
            cls.env, STUDENTS, 12, cls.today, prefix="Q", seed=7
        )
        cls.Signal = cls.env["verzuim.signal"]

    def snapshot(self):
        signals = self.Signal.search([("student_id", "in", self.students.ids)])
        return {
            (s.student_id.id, s.rule_id.code, s.date_start): (
                s.date_end,
                s.hours,
                s.count,
                s.deadline,
                s.repeat_number,
                s.state,
                tuple(sorted(s.line_ids.ids)),
                tuple(sorted(s.notice_ids.ids)),
            )
            for s in signals
        }

    def test_candidates_and_stamps_change_no_signal(self):
        self.assertEqual(len(self.students), STUDENTS)
        self.assertGreater(self.registrations, STUDENTS * 50)
        self.Signal._evaluate(as_of=self.today, students=self.students)
        first = self.snapshot()
        codes = {key[1] for key in first}
        every_rule = set(self.env["verzuim.rule"].search([]).mapped("code"))
        self.assertEqual(codes, every_rule, "the generated school raises every rule")
        # The engine for every student, no stamp: the same signals, nothing to change.
        changed = self.Signal.with_context(verzuim_evaluate_everyone=True)._evaluate(
            as_of=self.today, students=self.students, reuse=False
        )
        self.assertFalse(changed)
        self.assertEqual(self.snapshot(), first)
        candidates = self.Signal._candidate_ids(
            self.students,
            self.env["verzuim.rule"].search([]),
            self.today,
            self.Signal._lookback_start(self.today),
            self.env["verzuim.holiday"]._school_calendar(
                self.today - timedelta(days=500), self.today + timedelta(days=400)
            ),
        )
        self.assertLess(len(candidates), STUDENTS, "regular students are no candidates")

    def test_an_unchanged_student_is_skipped_a_changed_one_is_not(self):
        self.Signal._evaluate(as_of=self.today, students=self.students)
        before = self.snapshot()
        self.env.flush_all()
        with self.assertQueryCount(__system__=8):
            self.assertFalse(self.Signal._evaluate(as_of=self.today, students=self.students))
        # A regular student skips a whole week: a new signal, found although the rest is
        # skipped.
        student = next(
            s
            for s in self.students
            if not any(key[0] == s.id for key in before)
            and s.course_detail_ids.verzuim_leerweg == "bol"
        )
        week = self.env["op.attendance.line"].search(
            [("student_id", "=", student.id)], order="verzuim_lesson_date desc", limit=30
        )
        week.write({"verzuim_status": "absent"})
        changed = self.Signal._evaluate(as_of=self.today, students=self.students)
        self.assertEqual(changed.student_id, student)
        self.assertIn("unauthorized_10h", changed.mapped("rule_id.code"))

    def test_upgrade_stores_the_lesson_start_of_existing_registrations(self):
        """migrations/18.0.1.2.0: one UPDATE instead of Odoo computing 700,000 lines."""
        import importlib.util

        script = Path(__file__).parents[1] / "migrations" / "18.0.1.2.0" / "pre-migrate.py"
        spec = importlib.util.spec_from_file_location("pre_migrate_1_2", script)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        lines = self.env["op.attendance.line"].search([("student_id", "in", self.students[:3].ids)])
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE op_attendance_line SET verzuim_lesson_start = NULL WHERE id = ANY(%s)",
            [lines.ids],
        )
        migration.migrate(self.env.cr, "18.0.1.1.0")
        lines.invalidate_recordset(["verzuim_lesson_start"])
        for line in lines:
            self.assertEqual(line.verzuim_lesson_start, line.verzuim_session_id.start_datetime)
