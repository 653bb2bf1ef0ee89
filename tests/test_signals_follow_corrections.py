"""Issue 10, point 7: signals follow corrections right after the change, not at night."""

from freezegun import freeze_time

from odoo.tests import tagged

from .evaluation_common import SLOT_A
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays

CLASS_SIZE = 30
# Re-evaluating a class of 30 whose Friday was excused: read the queue, the facts in bulk,
# retire 30 signals and their to-dos; the data signatures and the candidates (measured).
QUEUE_QUERIES = 47


@tagged("post_install", "-at_install")
class TestSignalsFollowCorrections(EvaluationCase):
    PREFIX = "EVQ"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 12)))
        cls.klas = cls.env["op.student"]
        cls.lines = cls.env["op.attendance.line"]
        for number in range(CLASS_SIZE):
            student = cls.student(f"Student{number:02d}")
            cls.klas |= student
            cls.lines |= cls.mark(student, weekdays(d(10, 5), d(10, 9)))  # 10 h each
        cls.arts = cls.env.ref("mbo_verzuim.reason_arts")
        cls.Queue = cls.env["verzuim.evaluation.queue"]
        cls.friday = cls.lines.filtered(lambda line: line.verzuim_lesson_date == d(10, 9))

    def setUp(self):
        super().setUp()
        self.signal_of = {s.student_id: s for s in self.evaluate(d(10, 30))}
        self.Queue.search([]).unlink()

    def queued(self):
        return self.Queue.search([]).student_id

    def process(self):
        with freeze_time("2026-10-30 12:00:00"):
            self.Queue._cron_process()

    def test_a_corrected_reason_retires_the_signal_at_once(self):
        pupil = self.klas[0]
        line = self.friday.filtered(lambda line: line.student_id == pupil)
        line.with_user(self.slb_user).write({"verzuim_visible_reason_id": self.arts.id})
        self.assertEqual(self.queued(), pupil)
        self.process()
        self.assertEqual(self.signal_of[pupil].state, "obsolete")
        self.assertEqual(self.signal_of[self.klas[1]].state, "new")
        self.assertFalse(self.Queue.search([]))

    def test_a_notice_and_its_cancellation(self):
        pupil = self.klas[1]
        notice = self.sick_notice(pupil, d(10, 9), d(10, 9))
        self.assertEqual(self.queued(), pupil)
        self.process()
        self.assertEqual(self.signal_of[pupil].state, "obsolete")
        notice.action_cancel()
        self.assertEqual(self.queued(), pupil)
        self.process()
        self.assertEqual(self.signal_of[pupil].state, "new")

    def test_completing_a_register_queues_its_class_once(self):
        sheet = self.sheets[self.batch.id, d(10, 12), SLOT_A[0]]
        for student in self.klas[:3]:
            self.register_line(sheet, student, "absent")
        sheet.attendance_line.write({"verzuim_status": "late", "verzuim_late_minutes": 5})
        self.assertFalse(self.queued(), "an open register queues nothing")
        sheet.action_verzuim_complete()
        self.assertEqual(self.queued(), self.klas)
        self.assertEqual(len(self.Queue.search([])), CLASS_SIZE)

    def test_a_class_of_30_corrected_at_once_costs_a_fixed_number_of_queries(self):
        self.friday.with_user(self.slb_user).write({"verzuim_visible_reason_id": self.arts.id})
        self.assertEqual(len(self.Queue.search([])), CLASS_SIZE, "one row per student")
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time("2026-10-30 12:00:00"), self.assertQueryCount(QUEUE_QUERIES):
            self.Queue._cron_process()
            self.env.flush_all()
        self.assertEqual({s.state for s in self.signal_of.values()}, {"obsolete"})
