"""Rules v2 (domain.md §6–7 revised), evaluated on real lessons and registrations."""

from datetime import date
from datetime import time
from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .evaluation_common import AGE_19
from .evaluation_common import SLOT_A
from .evaluation_common import SLOT_B
from .evaluation_common import UNDER_18
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays

SLOT_C = (time(13, 15), time(15, 15))
SLOT_D = (time(15, 30), time(17, 30))
FULL_DAY = (SLOT_A, SLOT_B, SLOT_C, SLOT_D)  # 8 hours


@tagged("post_install", "-at_install")
class TestLesweekIsFiveSchoolDays(EvaluationCase):
    """Point 1: 4 lesweken are 20 school days; a Monday-Friday vacation lengthens a window
    that starts on a Thursday."""

    PREFIX = "V2A"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["verzuim.holiday"].create(
            {"name": "Herfstvakantie", "date_from": d(10, 19), "date_to": d(10, 23)}
        )
        cls.add_lessons([d(10, 8), d(11, 11), d(11, 12)], slots=FULL_DAY)

    def test_worked_example_second_day_on_the_20th_school_day(self):
        student = self.student("Eleven", UNDER_18)
        lines = self.mark(student, [d(10, 8), d(11, 11)], slots=FULL_DAY)
        self.evaluate(d(11, 30))
        legal = self.signals(student, "legal_16h")
        self.assertRecordValues(
            legal,
            [{"date_start": d(10, 8), "date_end": d(11, 11), "hours": 16.0, "deadline": d(11, 18)}],
        )
        self.assertEqual(legal.line_ids, lines)

    def test_worked_example_second_day_one_school_day_later(self):
        student = self.student("Twelve", UNDER_18)
        self.mark(student, [d(10, 8), d(11, 12)], slots=FULL_DAY)
        self.evaluate(d(11, 30))
        self.assertFalse(self.signals(student, "legal_16h"))


@tagged("post_install", "-at_install")
class TestStreaksOwnLesweken(EvaluationCase):
    """Points 2 and 3: streaks count the student's own lesweken to their end, and scope is
    checked again while a streak goes on."""

    PREFIX = "V2B"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(9, 7), d(11, 27)))

    def test_two_absent_days_nine_weeks_apart_are_no_streak_of_nine_weeks(self):
        student = self.student("Apart", AGE_19, verzuim_leerweg="bol", verzuim_voltijd=True)
        self.mark(student, [d(9, 7), d(11, 9)])
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(student), [])

    def test_back_on_the_tuesday_of_the_8th_lesweek(self):
        student = self.student("Back", AGE_19, verzuim_leerweg="bol", verzuim_voltijd=True)
        # Lesweken from Monday 7 September: the 8th runs from 26 to 30 October.
        self.mark(student, weekdays(d(9, 7), d(10, 26)))
        self.mark(student, [d(10, 27)], status="present")
        self.evaluate(d(11, 30))
        contact = self.signals(student, "duo_contact")
        self.assertRecordValues(
            contact, [{"date_start": d(9, 7), "date_end": d(10, 2), "deadline": d(10, 7)}]
        )
        self.assertEqual(len(contact.line_ids), 20)
        self.assertFalse(self.signals(student, "duo_ma"))
        self.assertRecordValues(
            self.signals(student, "rmc_4w"), [{"date_start": d(9, 7), "date_end": d(10, 2)}]
        )

    def test_dropout_turning_18_moves_from_lrv_to_rmc_without_a_gap(self):
        student = self.student("Birthday", "2008-10-14")
        self.mark(student, weekdays(d(9, 7), d(11, 27)))
        self.evaluate(d(11, 30))
        self.assertRecordValues(
            self.signals(student, "lrv_4w"),
            [{"date_start": d(9, 7), "date_end": d(10, 2), "deadline": d(10, 9)}],
        )
        self.assertRecordValues(
            self.signals(student, "rmc_4w"),
            [{"date_start": d(9, 7), "date_end": d(10, 16), "deadline": d(10, 23)}],
        )


@tagged("post_install", "-at_install")
class TestLrvPausesTheSixteenHours(EvaluationCase):
    """Point 4: LRV is its own rule; once raised, no 16-hour report for a window that starts
    after it while the absence goes on."""

    PREFIX = "V2C"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(9, 7), d(12, 18)), slots=(SLOT_A, SLOT_B))

    def test_lrv_then_no_16_hours_until_the_student_returns(self):
        student = self.student("Lrv", UNDER_18)
        self.mark(student, weekdays(d(9, 7), d(11, 13)), slots=(SLOT_A, SLOT_B))
        self.mark(student, [d(11, 16)], slots=(SLOT_A, SLOT_B), status="present")
        self.mark(student, weekdays(d(11, 17), d(11, 27)), slots=(SLOT_A, SLOT_B))
        self.evaluate(d(11, 30))
        lrv = self.signals(student, "lrv_4w")
        self.assertRecordValues(
            lrv,
            [
                {
                    "date_start": d(9, 7),
                    "date_end": d(10, 2),
                    "user_id": self.coordinator.id,
                    "rule_category": "legal",
                }
            ],
        )
        legal = self.signals(student, "legal_16h")
        during = legal.filtered(lambda s: s.date_start < d(11, 16))
        self.assertTrue(during)
        self.assertTrue(all(s.date_start <= d(10, 2) for s in during))
        after = legal - during
        self.assertEqual(after[:1].date_start, d(11, 17))
        self.assertEqual(after[:1].repeat_number, 0)


@tagged("post_install", "-at_install")
class TestLatenessAndSpacingPerRule(EvaluationCase):
    """Points 5 and 6: late minutes count for the 10 hours, not for the 16 hours; the 10-hour
    signal repeats once every 28 days during an absence."""

    PREFIX = "V2D"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(9, 7), d(11, 27)), slots=(SLOT_A, SLOT_B))

    def test_late_minutes_count_for_10_hours_not_for_16_hours(self):
        student = self.student("Late", UNDER_18)
        self.mark(student, weekdays(d(9, 7), d(9, 9)), slots=(SLOT_A, SLOT_B))  # 12 h absent
        self.mark(
            student,
            weekdays(d(9, 10), d(9, 11)),
            slots=(SLOT_A, SLOT_B),
            status="late",
            verzuim_late_minutes=60,
        )  # 4 h late
        self.evaluate(d(11, 30))
        self.assertFalse(self.signals(student, "legal_16h"))
        self.assertTrue(self.signals(student, "unauthorized_10h"))
        rule = self.env.ref("mbo_verzuim.rule_legal_16h")
        rule.count_late_minutes = True
        self.evaluate(d(11, 30))
        self.assertRecordValues(
            self.signals(student, "legal_16h"),
            [{"date_start": d(9, 7), "date_end": d(9, 11), "hours": 16.0}],
        )

    def test_10_hours_repeat_once_every_28_days(self):
        student = self.student("Away", AGE_19)
        self.mark(student, weekdays(d(9, 7), d(11, 13)), slots=(SLOT_A, SLOT_B))
        self.evaluate(d(11, 30))
        signals = self.signals(student, "unauthorized_10h")
        self.assertEqual(
            [(s.date_start, s.date_end, s.repeat_number) for s in signals],
            # 4 h a day: 10 h on the third day; each repeat ends 28 days after the previous end
            # (the next would end on 2 December, after the evaluation day).
            [
                (d(9, 7), d(9, 9), 0),
                (d(9, 10), d(10, 7), 1),
                (d(10, 8), d(11, 4), 2),
            ],
        )
        # Only the first gets a to-do: the repeats add to the case still being handled.
        self.assertEqual([bool(s.activity_ids) for s in signals], [True, False, False])


@tagged("post_install", "-at_install")
class TestLuxe(EvaluationCase):
    """Point 7: luxe verzuim is a legal rule for the run of luxe days."""

    PREFIX = "V2E"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 16)))
        cls.luxe = cls.env.ref("mbo_verzuim.reason_luxe")

    def test_run_of_luxe_days_under_18(self):
        young = self.student("Holiday", UNDER_18)
        adult = self.student("Adult", AGE_19)
        for student in young | adult:
            self.mark(
                student, [d(10, 8), d(10, 9), d(10, 12)], verzuim_teacher_reason_id=self.luxe.id
            )
            self.mark(student, [d(10, 13)], status="present")
            self.mark(student, [d(10, 15)], verzuim_teacher_reason_id=self.luxe.id)
        self.evaluate(d(10, 16))
        self.assertRecordValues(
            self.signals(young, "luxe"),
            [
                {
                    "date_start": d(10, 8),
                    "date_end": d(10, 12),
                    "hours": 6.0,
                    "deadline": d(10, 15),  # 5 working days after Thursday 8 October
                    "user_id": self.coordinator.id,
                    "rule_category": "legal",
                },
                {
                    "date_start": d(10, 15),
                    "date_end": d(10, 15),
                    "hours": 2.0,
                    "deadline": d(10, 22),
                    "user_id": self.coordinator.id,
                    "rule_category": "legal",
                },
            ],
        )
        self.assertFalse(self.signals(adult, "luxe"))


@tagged("post_install", "-at_install")
class TestStableAsTimePasses(EvaluationCase):
    """Point 8: a long absence evaluated night after night changes nothing, also when the
    look-back moves on 1 August."""

    PREFIX = "V2F"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["verzuim.holiday"].search([]).unlink()
        first, last = date(2025, 9, 1), date(2026, 10, 30)
        days = weekdays(first, last)
        cls.env["op.attendance.line"].flush_model()
        cls.add_lessons(days)
        cls.away = cls.student("Away", AGE_19, verzuim_leerweg="bol", verzuim_voltijd=True)
        cls.young = cls.student("Young", "2010-03-01")
        for student in cls.away | cls.young:
            cls.mark(student, days)

    def snapshot(self):
        signals = self.signals(self.away | self.young)
        return {
            (s.student_id.id, s.rule_code, s.date_start): (s.date_end, s.hours, s.state, s.deadline)
            for s in signals
        }

    def test_thirty_nights_after_a_year_long_absence(self):
        first = date(2026, 11, 2)
        self.evaluate(first)
        before = self.snapshot()
        self.assertIn("rmc_4w", {key[1] for key in before})
        self.assertIn("lrv_4w", {key[1] for key in before})
        for offset in range(1, 30):
            changed = self.evaluate(first + timedelta(days=offset))
            self.assertFalse(changed, f"day {offset}: {changed.mapped('display_name')}")
            self.assertEqual(self.snapshot(), before)

    def test_nights_across_1_august_while_the_absence_goes_on(self):
        first = date(2026, 7, 20)
        self.evaluate(first)
        before = self.snapshot()
        for offset in range(1, 30):
            day = first + timedelta(days=offset)
            self.evaluate(day)
            now = self.snapshot()
            for key, values in before.items():
                if key[2] >= self.env["verzuim.signal"]._lookback_start(day):
                    self.assertEqual(now.get(key), values, f"{key} changed on {day}")
            # New signals only for repeats whose day has come: never a second report of the
            # streak that is still going on.
            for key in set(now) - set(before):
                self.assertNotIn(key[1], ("rmc_4w", "duo_contact", "duo_ma", "lrv_4w"))
            before = now


@tagged("post_install", "-at_install")
class TestRuleRecords(EvaluationCase):
    """Points 9 and 10, and the rule records against the engine's defaults."""

    PREFIX = "V2G"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)), slots=(SLOT_A, SLOT_B))

    def test_records_agree_with_the_engine_defaults(self):
        from ..engine import DEFAULT_RULES_BY_CODE

        rules = self.env["verzuim.rule"].with_context(active_test=False).search([])
        self.assertEqual(set(rules.mapped("code")), set(DEFAULT_RULES_BY_CODE))
        self.assertEqual(len(rules), 9)
        for rule in rules:
            self.assertEqual(rule._to_params(), DEFAULT_RULES_BY_CODE[rule.code], rule.code)

    def test_switching_a_rule_off_leaves_its_open_signals_alone(self):
        student = self.student("Off", AGE_19)
        self.mark(student, weekdays(d(10, 5), d(10, 9)))
        self.evaluate(d(10, 30))
        signal = self.signals(student, "unauthorized_10h")
        self.assertEqual(signal.state, "new")
        rule = self.env.ref("mbo_verzuim.rule_unauthorized_10h")
        rule.active = False
        self.evaluate(d(10, 30))
        self.assertEqual(signal.state, "new")
        self.assertNotIn("registrations", signal.note or "")
        rule.active = True
        self.evaluate(d(10, 30))
        self.assertEqual(self.signals(student, "unauthorized_10h"), signal)

    def test_editing_a_threshold_changes_the_signals(self):
        student = self.student("Edit", AGE_19)
        self.mark(student, weekdays(d(10, 5), d(10, 9)))  # 10 h
        rule = self.env.ref("mbo_verzuim.rule_unauthorized_10h")
        rule.threshold_hours = 8
        self.evaluate(d(10, 30))
        self.assertRecordValues(
            self.signals(student, "unauthorized_10h"),
            [{"date_start": d(10, 5), "date_end": d(10, 8), "hours": 8.0}],
        )

    def test_parameters_out_of_range_are_refused(self):
        rule = self.env.ref("mbo_verzuim.rule_legal_16h")
        cases = [
            {"deadline_working_days": 10**9},
            {"deadline_working_days": -1},
            {"threshold_hours": 0},
            {"threshold_hours": 5000},
            {"window_lesweken": 0},
            {"window_lesweken": 500},
            {"repeat_spacing_days": 10**6},
            {"min_age": 30, "max_age": 18},
            {"max_age": 150},
            {"levels": "1,7"},
        ]
        for vals in cases:
            with (
                self.subTest(vals=vals),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                rule.write(vals)
        self.assertEqual(rule.deadline_working_days, 5)
        self.assertEqual(rule.threshold_hours, 16)
        sick = self.env.ref("mbo_verzuim.rule_sick_long")
        for vals in ({"sick_days": 0}, {"sick_days": 4000}):
            with (
                self.subTest(vals=vals),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                sick.write(vals)
        for xmlid, vals in (
            ("rule_lrv_4w", {"streak_lesweken": 0}),
            ("rule_lrv_4w", {"streak_lesweken": 100}),
            ("rule_sick_frequent", {"sick_count": 0}),
            ("rule_sick_frequent", {"sick_count": 500}),
            ("rule_rmc_4w", {"min_age": -1}),
            ("rule_lrv_4w", {"pauses_rule_id": self.env.ref("mbo_verzuim.rule_lrv_4w").id}),
        ):
            with (
                self.subTest(rule=xmlid, vals=vals),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                self.env.ref(f"mbo_verzuim.{xmlid}").write(vals)
        luxe = self.env.ref("mbo_verzuim.rule_luxe")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            luxe.reason_id = False

    def test_upgrade_gives_existing_rules_their_new_settings(self):
        import importlib.util
        from pathlib import Path

        script = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0" / "post-migrate.py"
        spec = importlib.util.spec_from_file_location("post_migrate_1_1", script)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        legal = self.env.ref("mbo_verzuim.rule_legal_16h")
        pedagogical = self.env.ref("mbo_verzuim.rule_unauthorized_10h")
        # A database of 18.0.1.0.0: one global setting, late minutes not counted.
        legal.count_late_minutes = True
        pedagogical.repeat_spacing_days = 0
        self.env["ir.config_parameter"].set_param("mbo_verzuim.late_counts_as_absence", "False")
        student = self.student("Upgrade", AGE_19)
        late = self.mark(student, [d(10, 5)], status="late", verzuim_late_minutes=30)
        self.env.cr.execute(
            "UPDATE op_attendance_line SET verzuim_minutes = 0 WHERE id = %s", [late.id]
        )
        self.mark(student, weekdays(d(10, 6), d(10, 9)), slots=(SLOT_A, SLOT_B))
        self.evaluate(d(10, 30))
        signal = self.signals(student)[:1]
        self.assertTrue(signal)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE verzuim_signal SET company_id = NULL WHERE id = %s", [signal.id]
        )
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertFalse(legal.count_late_minutes)
        self.assertFalse(pedagogical.count_late_minutes)
        self.assertEqual(pedagogical.repeat_spacing_days, 28)
        self.assertFalse(
            self.env["ir.config_parameter"].get_param("mbo_verzuim.late_counts_as_absence")
        )
        self.assertEqual(late.verzuim_minutes, 30)
        self.assertEqual(signal.company_id, self.env.company)
