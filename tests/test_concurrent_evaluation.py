"""Issue 8, point 12: two evaluations of the same students at the same time.

Two transactions need data that both can see, so this test commits its own small school
on its own cursors and removes it again afterwards.
"""

import threading
import time
import uuid
from contextlib import closing
from datetime import date
from datetime import timedelta

from odoo import SUPERUSER_ID
from odoo import api
from odoo.sql_db import db_connect
from odoo.tests import BaseCase
from odoo.tests import get_db_name
from odoo.tests import tagged

from .common import VerzuimFixtures

MONDAY = date(2026, 10, 5)
AS_OF = date(2026, 10, 30)
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "tz": "Europe/Amsterdam"}


@tagged("post_install", "-at_install")
class TestConcurrentEvaluation(VerzuimFixtures, BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = get_db_name()
        # Committed data outlives the test's transaction: a name of its own for every run.
        cls.prefix = f"CC{uuid.uuid4().hex[:6]}"
        with closing(db_connect(cls.db).cursor()) as cr:
            cls.env = api.Environment(cr, SUPERUSER_ID, QUIET)
            cls.make_school(cls.prefix, students=6)
            lines = cls.env["op.attendance.line"]
            for offset in range(5):
                _session, sheet = cls.make_lesson(MONDAY + timedelta(days=offset))
                for student in cls.students:
                    lines |= cls.register_line(sheet, student, "absent")
            cls.student_ids = cls.students.ids
            cls.session_ids = cls.env["op.session"].search([("batch_id", "=", cls.batch.id)]).ids
            # Signals for the first two students, which their corrected reasons will retire.
            cls.env["verzuim.signal"]._evaluate(as_of=AS_OF, students=cls.students[:2])
            doctor = cls.env.ref("mbo_verzuim.reason_arts")
            lines.filtered(lambda line: line.student_id in cls.students[:2]).write(
                {"verzuim_teacher_reason_id": doctor.id}
            )
            # Two transactions must see the data: it is committed, and removed afterwards.
            cr.commit()  # pylint: disable=invalid-commit
        cls.env = None

    @classmethod
    def tearDownClass(cls):
        with closing(db_connect(cls.db).cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, QUIET)
            students = env["op.student"].browse(cls.student_ids)
            signals = env["verzuim.signal"].search([("student_id", "in", students.ids)])
            signals.activity_ids.unlink()
            signals.unlink()
            sessions = env["op.session"].browse(cls.session_ids)
            sheets = env["op.attendance.sheet"].search([("session_id", "in", sessions.ids)])
            sheets.attendance_line.unlink()
            sheets.unlink()
            env["mail.activity"].search(
                [("res_model", "=", "op.session"), ("res_id", "in", sessions.ids)]
            ).unlink()
            sessions.unlink()
            batch = students.course_detail_ids.batch_id
            env["op.attendance.register"].search([("batch_id", "in", batch.ids)]).unlink()
            students.course_detail_ids.unlink()
            students.unlink()
            course = batch.course_id
            batch.unlink()
            subjects = course.subject_ids
            course.unlink()
            subjects.unlink()
            env["op.faculty"].search([("name", "=like", f"{cls.prefix}_%")]).unlink()
            env["res.users"].search([("login", "=like", f"{cls.prefix}_%")]).active = False
            # Two transactions must see the data: it is committed, and removed afterwards.
            cr.commit()  # pylint: disable=invalid-commit
        super().tearDownClass()

    def evaluate_in_thread(self, start, hold, errors):
        try:
            with closing(db_connect(self.db).cursor()) as cr:
                env = api.Environment(cr, SUPERUSER_ID, QUIET)
                cr.execute("SELECT 1")  # the transaction's snapshot is taken here
                start.wait(timeout=30)
                students = env["op.student"].browse(self.student_ids)
                env["verzuim.signal"]._evaluate(as_of=AS_OF, students=students)
                # Whichever finishes first keeps its transaction open until the other one
                # is seen waiting for it.
                hold.wait(timeout=30)
                cr.commit()  # pylint: disable=invalid-commit
        except Exception as error:  # reported by the test below
            errors.append(error)

    def lock_waiters(self):
        with closing(db_connect(self.db).cursor()) as cr:
            cr.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = "
                "'Lock'",
                [self.db],
            )
            return cr.fetchone()[0]

    def test_two_evaluations_at_once_both_succeed_with_one_result(self):
        start, hold, errors = threading.Barrier(2), threading.Event(), []
        threads = [
            threading.Thread(target=self.evaluate_in_thread, args=(start, hold, errors))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not self.lock_waiters():
            time.sleep(0.05)
        waited = self.lock_waiters()
        hold.set()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(errors, f"an evaluation failed: {errors!r}")
        self.assertTrue(waited, "the second evaluation never had to wait for the first")
        with closing(db_connect(self.db).cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, QUIET)
            signals = env["verzuim.signal"].search([("student_id", "in", self.student_ids)])
            keys = [(s.student_id.id, s.rule_id.id, s.date_start) for s in signals]
            self.assertEqual(len(keys), len(set(keys)), "duplicate signals")
            retired = signals.filtered(lambda s: s.student_id.id in self.student_ids[:2])
            self.assertEqual(set(retired.mapped("state")), {"obsolete"})
            open_signals = signals - retired
            self.assertEqual(set(open_signals.student_id.ids), set(self.student_ids[2:]))
            self.assertEqual(set(open_signals.mapped("state")), {"new"})
            # The same end result as one evaluation: evaluating again changes nothing.
            students = env["op.student"].browse(self.student_ids)
            self.assertFalse(env["verzuim.signal"]._evaluate(as_of=AS_OF, students=students))
            activities = env["mail.activity"].search(
                [("res_model", "=", "verzuim.signal"), ("res_id", "in", open_signals.ids)]
            )
            self.assertEqual(len(activities), len(open_signals), "one to-do per new signal")
            cr.rollback()
