"""Signals over time: idempotence, updates, obsolete, repeats, bulk queries, cron."""

from datetime import time
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import utc
from .evaluation_common import RE_EVALUATION_QUERIES
from .evaluation_common import SLOT_A
from .evaluation_common import SLOT_B
from .evaluation_common import UNDER_18
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays


@tagged("post_install", "-at_install")
class TestSignalLifecycle(EvaluationCase):
    """Re-evaluation is idempotent, updates open signals and closes obsolete ones."""

    PREFIX = "EVL"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 13)))
        cls.add_lessons([d(10, 9)], slots=(SLOT_B,))
        cls.pupil = cls.student("Pupil")
        cls.lines = cls.mark(cls.pupil, weekdays(d(10, 5), d(10, 9)))  # 10 h
        cls.arts = cls.env.ref("mbo_verzuim.reason_arts")

    def activities(self, signal):
        return self.env["mail.activity"].search(
            [("res_model", "=", "verzuim.signal"), ("res_id", "=", signal.id)]
        )

    def test_new_signal_gets_an_activity_for_the_slb(self):
        signal = self.evaluate(d(10, 30))
        self.assertEqual(signal, self.signals(self.pupil))
        self.assertRecordValues(
            self.activities(signal),
            [
                {
                    "user_id": self.slb_user.id,
                    "date_deadline": d(10, 16),
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            ],
        )

    def test_coordinator_rule_activity_goes_to_the_coordinator(self):
        young = self.student("Young", UNDER_18)
        self.mark(young, weekdays(d(10, 5), d(10, 9)))
        self.mark(young, [d(10, 9)], slots=(SLOT_B,))
        self.mark(young, weekdays(d(10, 12), d(10, 13)))  # 16 h on Tuesday 13 October
        self.evaluate(d(10, 30), young)
        legal = self.signals(young, "legal_16h")
        self.assertEqual((legal.date_end, legal.deadline), (d(10, 13), d(10, 20)))
        self.assertRecordValues(
            self.activities(legal),
            [{"user_id": self.coordinator.id, "date_deadline": d(10, 20)}],
        )

    def test_evaluating_twice_changes_nothing(self):
        first = self.evaluate(d(10, 30))
        self.assertEqual(len(first), 1)
        again = self.evaluate(d(10, 30))
        self.assertFalse(again)
        self.assertEqual(self.signals(self.pupil), first)
        self.assertEqual(len(self.activities(first)), 1)
        self.assertEqual(self.evaluate(d(11, 20)), self.env["verzuim.signal"])  # later as_of

    def test_one_more_absence_updates_the_open_signal(self):
        signal = self.evaluate(d(10, 30))
        signal.action_start()
        extra = self.mark(self.pupil, [d(10, 9)], slots=(SLOT_B,))
        changed = self.evaluate(d(10, 30))
        self.assertEqual(changed, signal)
        self.assertEqual(self.signals(self.pupil), signal)
        self.assertEqual(
            (signal.hours, signal.date_end, signal.state), (12.0, d(10, 9), "in_progress")
        )
        self.assertEqual(signal.line_ids, self.lines | extra)
        self.assertEqual(len(self.activities(signal)), 1)

    def test_handled_signal_is_left_alone(self):
        signal = self.evaluate(d(10, 30))
        signal.action_done()
        self.mark(self.pupil, [d(10, 9)], slots=(SLOT_B,))
        self.evaluate(d(10, 30))
        self.assertEqual((signal.hours, signal.state), (10.0, "done"))
        self.assertEqual(self.signals(self.pupil), signal)

    def test_reason_set_by_the_slb_makes_the_signal_obsolete(self):
        signal = self.evaluate(d(10, 30))
        friday = self.lines.filtered(lambda line: line.verzuim_lesson_date == d(10, 9))
        friday.with_user(self.slb_user).write({"verzuim_visible_reason_id": self.arts.id})
        self.assertEqual(friday.verzuim_category, "authorized")
        self.evaluate(d(10, 30))
        self.assertTrue(signal.exists())
        self.assertEqual(signal.state, "obsolete")
        self.assertTrue(signal.note.startswith("Obsolete"), signal.note)
        self.assertFalse(self.activities(signal))

    def test_sick_notice_makes_the_signal_obsolete(self):
        signal = self.evaluate(d(10, 30))
        self.sick_notice(self.pupil, d(10, 9), d(10, 9))
        self.evaluate(d(10, 30))
        self.assertEqual(self.signals(self.pupil), signal)
        self.assertEqual(signal.state, "obsolete")
        self.assertIn("notice", signal.note)

    def test_obsolete_signal_returns_when_the_evidence_returns(self):
        signal = self.evaluate(d(10, 30))
        friday = self.lines.filtered(lambda line: line.verzuim_lesson_date == d(10, 9))
        friday.verzuim_reason_id = self.arts
        self.evaluate(d(10, 30))
        self.assertEqual(signal.state, "obsolete")
        friday.verzuim_reason_id = self.env.ref("mbo_verzuim.reason_spijbelen")
        self.evaluate(d(10, 30))
        self.assertEqual(self.signals(self.pupil), signal)
        self.assertEqual((signal.state, signal.hours), ("new", 10.0))
        self.assertNotIn("Obsolete", signal.note)
        # back to "new", so the responsible must be asked to act again
        self.assertRecordValues(
            self.activities(signal), [{"user_id": self.slb_user.id, "date_deadline": d(10, 16)}]
        )


@tagged("post_install", "-at_install")
class TestRepeatedReports(EvaluationCase):
    """legal_16h: counting restarts the day after a signal's end."""

    PREFIX = "EVR"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 16)), slots=(SLOT_A, SLOT_B))
        cls.young = cls.student("Young", UNDER_18)

    def absent(self, days):
        return self.mark(self.young, days, slots=(SLOT_A, SLOT_B))

    def test_next_16_hours_after_attending_are_a_new_report(self):
        self.absent(weekdays(d(10, 5), d(10, 8)))
        self.mark(self.young, [d(10, 9)], status="present")
        second_lines = self.absent(weekdays(d(10, 12), d(10, 15)))
        self.evaluate(d(10, 9))
        first = self.signals(self.young, "legal_16h")
        self.assertEqual((first.date_start, first.date_end), (d(10, 5), d(10, 8)))
        self.evaluate(d(10, 16))
        second = self.signals(self.young, "legal_16h") - first
        self.assertRecordValues(
            second,
            [
                {
                    "date_start": d(10, 12),
                    "date_end": d(10, 15),
                    "hours": 16.0,
                    "deadline": d(10, 22),
                    "repeat_number": 0,
                    "repeat_of_id": first.id,
                    "is_repeat": True,
                }
            ],
        )
        self.assertEqual(second.line_ids, second_lines)

    def test_a_repeat_gets_a_to_do_when_legal_not_when_pedagogical(self):
        self.absent(weekdays(d(10, 5), d(10, 16)))
        self.evaluate(d(10, 9))
        self.evaluate(d(10, 16))
        Activity = self.env["mail.activity"]
        signals = self.signals(self.young, "legal_16h").sorted("date_start")
        self.assertTrue(signals[1:].repeat_of_id)
        counts = [
            Activity.search_count([("res_model", "=", "verzuim.signal"), ("res_id", "=", s.id)])
            for s in signals
        ]
        self.assertEqual(counts, [1, 1])
        # The 10 hours repeat no sooner than 28 days later (see test_rules_v2 for the to-dos).
        self.assertEqual(len(self.signals(self.young, "unauthorized_10h")), 1)

    def test_uninterrupted_absence_is_reported_once_per_7_days(self):
        lines = self.absent(weekdays(d(10, 5), d(10, 16)))
        self.evaluate(d(10, 9))
        first = self.signals(self.young, "legal_16h")
        self.evaluate(d(10, 16))
        second = self.signals(self.young, "legal_16h") - first
        # 16 h again on Wednesday 14 October, but DUO takes one report per 7 days: the report
        # runs until Thursday 15 October, with its hours (5 days x 4 h).
        self.assertRecordValues(
            second,
            [
                {
                    "date_start": d(10, 9),
                    "date_end": d(10, 15),
                    "hours": 20.0,
                    "deadline": d(10, 22),
                    "repeat_number": 1,
                    "repeat_of_id": first.id,
                }
            ],
        )
        self.assertEqual(len(second.line_ids), 10)
        self.assertEqual(second.line_ids, lines[8:18])

    def test_repeat_links_only_to_an_open_signal(self):
        self.absent(weekdays(d(10, 5), d(10, 16)))
        self.evaluate(d(10, 9))
        first = self.signals(self.young, "legal_16h")
        first.action_done()
        self.evaluate(d(10, 16))
        second = self.signals(self.young, "legal_16h") - first
        self.assertEqual(len(second), 1)
        self.assertFalse(second.repeat_of_id)


@tagged("post_install", "-at_install", "is_query_count")
class TestBulkEvaluation(EvaluationCase):
    """The evaluation reads and writes in bulk: no query per student or per line."""

    PREFIX = "EVB"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)))
        cls.bulk = cls.env["op.student"]
        for number in range(13):
            student = cls.student(f"Bulk{number}")
            cls.bulk |= student
            cls.mark(student, weekdays(d(10, 5), d(10, 9)))
            cls.env["verzuim.notice"].create(
                {
                    "student_id": student.id,
                    "notice_type": "sick",
                    "date_start": utc(d(10, 12), time(7, 0)),
                    "date_end": utc(d(10, 25), time(18, 0)),
                }
            )
        cls.warm, cls.three, cls.nine = cls.bulk[:1], cls.bulk[1:4], cls.bulk[4:]

    def queries(self, students):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.evaluate(d(10, 30), students)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_creating_signals_costs_the_same_for_3_and_9_students(self):
        self.queries(self.warm)
        three, nine = self.queries(self.three), self.queries(self.nine)
        self.assertEqual(len(self.signals(self.bulk)), 26)  # 10 h and sick_long each
        self.assertEqual(three, nine, "queries for 3 and for 9 students")

    def test_re_evaluating_costs_the_same_for_3_and_9_students(self):
        self.evaluate(d(10, 30))
        self.queries(self.warm)
        three, nine = self.queries(self.three), self.queries(self.nine)
        self.assertEqual(three, nine, "queries for 3 and for 9 students")
        self.env.invalidate_all()
        with self.assertQueryCount(RE_EVALUATION_QUERIES):
            self.evaluate(d(10, 30), self.nine)


@tagged("post_install", "-at_install")
class TestCronEvaluation(EvaluationCase):
    PREFIX = "EVX"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)))
        cls.running = cls.student("Running")
        cls.finished = cls.student("Finished")
        cls.finished.course_detail_ids.state = "finished"
        for student in cls.running | cls.finished:
            cls.mark(student, weekdays(d(10, 5), d(10, 9)))

    def run_cron(self):
        """The cron as of Monday 12 October; a commit is recorded, not executed."""
        with freeze_time("2026-10-12 10:00:00"), patch.object(self.env.cr, "commit") as commit:
            self.env["verzuim.signal"]._cron_evaluate()
        return commit

    def test_cron_evaluates_running_enrolments_as_of_today(self):
        self.run_cron()
        signal = self.signals(self.running)
        self.assertEqual(signal.rule_code, "unauthorized_10h")
        self.assertEqual((signal.date_end, signal.deadline), (d(10, 9), d(10, 16)))
        self.assertEqual(self.codes(self.finished), [])

    def test_cron_does_not_commit_in_tests(self):
        self.run_cron().assert_not_called()
