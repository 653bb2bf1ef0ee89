"""Issue 8, point 10: one student's bad data does not stop the nightly run."""

from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from ..engine import evaluate as engine_evaluate
from ..models import verzuim_signal_evaluation as evaluation_module
from .evaluation_common import AGE_19
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays

LOGGER = "odoo.addons.mbo_verzuim.models.verzuim_signal_evaluation"


@tagged("post_install", "-at_install")
class TestNightlyRobustness(EvaluationCase):
    PREFIX = "NR"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)))
        cls.broken = cls.student("Broken", AGE_19)
        cls.fine = cls.student("Fine", AGE_19)
        for student in cls.broken | cls.fine:
            cls.mark(student, weekdays(d(10, 5), d(10, 9)))

    def failing_for(self, student):
        def evaluate(facts, *args, **kwargs):
            if facts.student_id == student.id:
                raise OverflowError("date value out of range")
            return engine_evaluate(facts, *args, **kwargs)

        return patch.object(evaluation_module, "evaluate", side_effect=evaluate)

    def test_one_students_failure_is_logged_and_the_others_are_evaluated(self):
        self.evaluate(d(10, 30))
        kept = self.signals(self.broken)
        self.assertTrue(kept)
        self.signals(self.fine).sudo().unlink()
        with self.failing_for(self.broken), self.assertLogs(LOGGER, "ERROR") as logged:
            # Not reusing the last evaluation: the broken student's data did not change.
            students = self.broken | self.fine
            self.env["verzuim.signal"]._evaluate(as_of=d(10, 30), students=students, reuse=False)
        self.assertIn(f"student id {self.broken.id}", logged.output[0])
        self.assertTrue(self.signals(self.fine))
        # The student whose evaluation failed keeps its signals as they were.
        self.assertEqual(self.signals(self.broken), kept)
        self.assertEqual(set(kept.mapped("state")), {"new"})

    def test_a_failing_batch_does_not_stop_the_cron(self):
        calls = []
        real = type(self.env["verzuim.signal"])._evaluate

        def evaluate(records, as_of=None, students=None):
            calls.append(students.ids)
            if len(calls) == 1:
                raise ValueError("a broken batch")
            return real(records, as_of=as_of, students=students)

        Signal = type(self.env["verzuim.signal"])
        with (
            freeze_time("2026-10-30 10:00:00"),
            patch.object(self.env.cr, "commit"),
            patch.object(evaluation_module, "BATCH_SIZE", 1),
            patch.object(Signal, "_evaluate", evaluate),
            self.assertLogs(LOGGER, "ERROR") as logged,
        ):
            self.env["verzuim.signal"]._cron_evaluate()
        self.assertGreaterEqual(len(calls), 2)
        self.assertIn("the other batches go on", logged.output[0])
        evaluated = {student_id for ids in calls[1:] for student_id in ids}
        ours = {self.broken.id, self.fine.id} - set(calls[0])
        self.assertTrue(ours)
        self.assertLessEqual(ours, evaluated)
