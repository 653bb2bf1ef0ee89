"""The seven rules of domain.md §7, evaluated on real records."""

from datetime import date

from odoo.tests import tagged

from .evaluation_common import AGE_19
from .evaluation_common import MONDAY
from .evaluation_common import SLOT_A
from .evaluation_common import SLOT_B
from .evaluation_common import UNDER_18
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import mondays
from .evaluation_common import weekdays


@tagged("post_install", "-at_install")
class TestWindowRules(EvaluationCase):
    """unauthorized_10h and legal_16h: hours within 4 lesweken."""

    PREFIX = "EVW"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 30)))
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)), slots=(SLOT_B,))

    def test_10_hours_exactly_fires_for_every_student(self):
        adult = self.student("Adult")  # 18: outside legal_16h, inside unauthorized_10h
        lines = self.mark(adult, weekdays(d(10, 5), d(10, 9)))  # 5 x 2 h
        self.evaluate(d(10, 30))
        signal = self.signals(adult)
        self.assertRecordValues(
            signal,
            [
                {
                    "rule_code": "unauthorized_10h",
                    "date_start": d(10, 5),
                    "date_end": d(10, 9),
                    "hours": 10.0,
                    "deadline": d(10, 16),  # 5th working day after Friday 9 October
                    "user_id": self.slb_user.id,
                    "state": "new",
                }
            ],
        )
        self.assertEqual(signal.line_ids, lines)

    def test_one_minute_short_does_not_fire_late_minutes_count(self):
        student = self.student("Late")
        self.mark(student, weekdays(d(10, 5), d(10, 8)))  # 8 h
        late = self.mark(student, [d(10, 9)], status="late", verzuim_late_minutes=119)
        self.evaluate(d(10, 30))
        self.assertEqual(self.codes(student), [])  # 599 minutes = 9.98 h
        late.verzuim_late_minutes = 120
        self.evaluate(d(10, 30))
        signal = self.signals(student)
        self.assertEqual(signal.rule_code, "unauthorized_10h")
        self.assertEqual((signal.date_end, signal.hours), (d(10, 9), 10.0))
        self.assertIn(late, signal.line_ids)

    def test_window_across_the_end_of_summer_time(self):
        student = self.student("Dst")
        days = [d(10, 22), d(10, 23), d(10, 26), d(10, 27), d(10, 28)]
        lines = self.mark(student, days)
        self.evaluate(d(10, 30))
        signal = self.signals(student)
        self.assertEqual(signal.rule_code, "unauthorized_10h")
        self.assertEqual(
            (signal.date_start, signal.date_end, signal.hours), (d(10, 22), d(10, 28), 10.0)
        )
        self.assertEqual(signal.line_ids, lines)

    def test_legal_16h_under_18_without_startkwalificatie(self):
        young = self.student("Young", UNDER_18)
        lines = self.mark(young, weekdays(d(10, 5), d(10, 8)), slots=(SLOT_A, SLOT_B))
        self.evaluate(d(10, 30))
        self.assertEqual(self.codes(young), ["legal_16h", "unauthorized_10h"])
        legal = self.signals(young, "legal_16h")
        self.assertRecordValues(
            legal,
            [
                {
                    "date_start": d(10, 5),
                    "date_end": d(10, 8),
                    "hours": 16.0,
                    "deadline": d(10, 15),
                    "user_id": self.coordinator.id,
                    "repeat_number": 0,
                    "repeat_of_id": False,
                    "state": "new",
                }
            ],
        )
        self.assertEqual(legal.line_ids, lines)
        # 10 h are reached on Wednesday (12 h by then); counting restarts on Thursday (4 h).
        pedagogical = self.signals(young, "unauthorized_10h")
        self.assertEqual(
            (pedagogical.date_start, pedagogical.date_end, pedagogical.hours),
            (d(10, 5), d(10, 7), 12.0),
        )
        self.assertEqual(len(pedagogical.line_ids), 6)

    def test_no_legal_16h_with_startkwalificatie(self):
        young = self.student("Diploma", UNDER_18, sq=True)
        self.mark(young, weekdays(d(10, 5), d(10, 8)), slots=(SLOT_A, SLOT_B))
        self.evaluate(d(10, 30))
        self.assertEqual(self.codes(young), ["unauthorized_10h"])

    def test_legal_16h_age_is_taken_on_the_day_16_hours_are_reached(self):
        turns_18 = self.student("Eighteen", "2008-10-08")  # 18 on Thursday 8 October
        still_17 = self.student("Seventeen", "2008-10-09")
        for student in turns_18 | still_17:
            self.mark(student, weekdays(d(10, 5), d(10, 8)), slots=(SLOT_A, SLOT_B))
        self.evaluate(d(10, 30))
        self.assertEqual(self.codes(turns_18), ["unauthorized_10h"])
        self.assertEqual(self.codes(still_17), ["legal_16h", "unauthorized_10h"])


@tagged("post_install", "-at_install")
class TestStreakRules(EvaluationCase):
    """rmc_4w, duo_contact, duo_ma: unauthorized absence in consecutive lesweken."""

    PREFIX = "EVS"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(mondays(MONDAY, 8))  # 5 Oct .. 23 Nov
        course3 = cls.env["op.course"].create(
            {
                "name": "EVS Verzorgende",
                "code": "EVS-VIG",
                "verzuim_niveau": "3",
                "subject_ids": [(6, 0, cls.subject.ids)],
            }
        )
        cls.batch3 = cls.env["op.batch"].create(
            {
                "name": "EVS VIG3A",
                "code": "EVS-VIG3A",
                "course_id": course3.id,
                "start_date": "2025-08-01",
                "end_date": "2027-07-31",
            }
        )
        cls.env["op.attendance.register"].create(
            {
                "name": "EVS-REG3",
                "code": "EVS-REG3",
                "course_id": course3.id,
                "batch_id": cls.batch3.id,
            }
        )
        cls.add_lessons(mondays(MONDAY, 4), batch=cls.batch3)
        cls.dropout = cls.student("Dropout", AGE_19)

    def test_rmc_and_duo_contact_after_4_lesweken(self):
        lines = self.mark(self.dropout, mondays(MONDAY, 4))
        self.evaluate(d(11, 2))
        self.assertEqual(self.codes(self.dropout), ["duo_contact", "rmc_4w"])
        rmc = self.signals(self.dropout, "rmc_4w")
        contact = self.signals(self.dropout, "duo_contact")
        self.assertRecordValues(
            rmc | contact,
            [
                {
                    "date_start": MONDAY,
                    "date_end": d(10, 30),  # the 20th school day from Monday 5 October
                    "hours": 8.0,
                    "deadline": d(11, 6),  # 5th working day
                    "user_id": self.coordinator.id,
                },
                {
                    "date_start": MONDAY,
                    "date_end": d(10, 30),
                    "hours": 8.0,
                    "deadline": d(11, 4),  # 3rd working day
                    "user_id": self.slb_user.id,
                },
            ],
        )
        self.assertEqual(rmc.line_ids, lines)
        self.assertEqual(contact.line_ids, lines)

    def test_duo_ma_after_8_lesweken(self):
        lines = self.mark(self.dropout, mondays(MONDAY, 8))
        self.evaluate(d(11, 26))
        self.assertNotIn("duo_ma", self.codes(self.dropout))  # the 8th lesweek ends on the 27th
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(self.dropout), ["duo_contact", "duo_ma", "rmc_4w"])
        ma = self.signals(self.dropout, "duo_ma")
        self.assertRecordValues(
            ma,
            [
                {
                    "date_start": MONDAY,
                    "date_end": d(11, 27),
                    "hours": 16.0,
                    "deadline": d(12, 4),
                    "user_id": self.coordinator.id,
                }
            ],
        )
        self.assertEqual(ma.line_ids, lines)
        self.assertEqual(self.signals(self.dropout, "rmc_4w").line_ids, lines[:4])

    def test_startkwalificatie_excludes_rmc_not_duo(self):
        graduate = self.student("Graduate", AGE_19, sq=True)
        self.mark(graduate, mondays(MONDAY, 4))
        self.evaluate(d(11, 2))
        self.assertEqual(self.codes(graduate), ["duo_contact"])

    def test_duo_rules_only_for_full_time_bol_at_level_1_or_2(self):
        bbl = self.student("Bbl", AGE_19, verzuim_leerweg="bbl")
        part_time = self.student("Parttime", AGE_19, verzuim_voltijd=False)
        level3 = self.make_student("EVS Level3", self.batch3, AGE_19)
        for student in bbl | part_time:
            self.mark(student, mondays(MONDAY, 8))
        self.mark(level3, mondays(MONDAY, 4), batch=self.batch3)
        self.evaluate(d(11, 30), bbl | part_time | level3)
        self.assertEqual(self.codes(bbl), ["rmc_4w"])
        self.assertEqual(self.codes(part_time), ["rmc_4w"])
        self.assertEqual(self.codes(level3), ["rmc_4w"])

    def test_under_18_lrv_not_rmc_or_duo(self):
        minor = self.student("Minor", "2009-06-01")  # 17
        self.mark(minor, mondays(MONDAY, 8))
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(minor), ["lrv_4w"])
        self.assertEqual(self.signals(minor).date_end, d(10, 30))

    def test_attending_a_lesson_breaks_the_streak(self):
        self.mark(self.dropout, [d(10, 5), d(10, 12), d(10, 26), d(11, 2)])
        self.mark(self.dropout, [d(10, 19)], status="present")
        self.evaluate(d(11, 9))
        self.assertEqual(self.codes(self.dropout), [])

    def test_a_lesweek_without_registration_is_skipped(self):
        # None on 19 October: that lesweek neither counts nor breaks the streak.
        self.mark(self.dropout, [d(10, 5), d(10, 12), d(10, 26)])
        self.evaluate(d(11, 2))
        self.assertEqual(self.codes(self.dropout), [])
        self.mark(self.dropout, [d(11, 2)])
        self.evaluate(d(11, 9))
        self.assertEqual(self.codes(self.dropout), ["duo_contact", "rmc_4w"])
        self.assertEqual(self.signals(self.dropout, "rmc_4w").date_end, d(11, 6))

    def test_vacation_week_extends_the_streak(self):
        self.vacation(d(10, 19), d(10, 23))  # herfstvakantie, Monday to Friday
        lines = self.mark(self.dropout, [d(10, 5), d(10, 12), d(10, 26), d(11, 2)])
        self.evaluate(d(11, 9))
        rmc = self.signals(self.dropout, "rmc_4w")
        # School days 5-9, 12-16, [vacation], 26-30 October, 2-6 November.
        self.assertEqual(
            (rmc.date_start, rmc.date_end, rmc.deadline), (MONDAY, d(11, 6), d(11, 13))
        )
        self.assertEqual(rmc.line_ids, lines)
        self.assertEqual(self.signals(self.dropout, "duo_contact").deadline, d(11, 11))


@tagged("post_install", "-at_install")
class TestSickRules(EvaluationCase):
    """sick_long and sick_frequent, from the frontoffice's sick notices."""

    PREFIX = "EVZ"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons([d(10, 5), d(10, 6)])
        cls.pupil = cls.student("Pupil")

    def test_closed_sick_notice_of_14_days(self):
        lines = self.mark(self.pupil, [d(10, 5), d(10, 6)])
        notice = self.sick_notice(self.pupil, d(10, 5), d(10, 18))
        self.evaluate(d(10, 30))
        signal = self.signals(self.pupil)
        self.assertRecordValues(
            signal,
            [
                {
                    "rule_code": "sick_long",
                    "date_start": d(10, 5),
                    "date_end": d(10, 18),
                    "count": 14,
                    "hours": 4.0,
                    "deadline": d(10, 23),
                    "user_id": self.slb_user.id,
                }
            ],
        )
        self.assertEqual(signal.notice_ids, notice)
        self.assertEqual(signal.line_ids, lines)

    def test_13_days_do_not_fire(self):
        self.sick_notice(self.pupil, d(10, 5), d(10, 17))
        self.evaluate(d(10, 30))
        self.assertEqual(self.codes(self.pupil), [])

    def test_open_sick_notice_fires_on_its_14th_day(self):
        notice = self.sick_notice(self.pupil, d(10, 5))
        self.evaluate(d(10, 17))
        self.assertEqual(self.codes(self.pupil), [])
        self.evaluate(d(10, 18))
        signal = self.signals(self.pupil)
        self.assertEqual(signal.rule_code, "sick_long")
        self.assertEqual((signal.date_start, signal.date_end), (d(10, 5), d(10, 18)))
        self.assertEqual(signal.notice_ids, notice)

    def test_five_sick_notices_within_12_lesweken(self):
        sick_line = self.mark(self.pupil, [d(10, 5)])
        self.mark(self.pupil, [d(10, 6)])  # no notice: unauthorized, no evidence
        notices = self.env["verzuim.notice"].concat(
            *[self.sick_notice(self.pupil, day, day) for day in mondays(MONDAY, 5)]
        )
        self.evaluate(d(11, 6))
        signal = self.signals(self.pupil)
        self.assertRecordValues(
            signal,
            [
                {
                    "rule_code": "sick_frequent",
                    "date_start": d(10, 5),
                    "date_end": d(11, 2),
                    "count": 5,
                    "hours": 2.0,
                    "deadline": d(11, 9),
                    "user_id": self.slb_user.id,
                }
            ],
        )
        self.assertEqual(signal.notice_ids, notices)
        self.assertEqual(signal.line_ids, sick_line)

    def test_four_sick_notices_do_not_fire(self):
        for day in mondays(MONDAY, 4):
            self.sick_notice(self.pupil, day, day)
        self.evaluate(d(11, 6))
        self.assertEqual(self.codes(self.pupil), [])

    def test_fifth_sick_notice_after_12_lesweken_does_not_fire(self):
        for day in [*mondays(MONDAY, 4), d(12, 28)]:  # 12 lesweken end on 27 December
            self.sick_notice(self.pupil, day, day)
        self.evaluate(date(2027, 1, 4))
        self.assertEqual(self.codes(self.pupil), [])


@tagged("post_install", "-at_install")
class TestCalendarInEvaluation(EvaluationCase):
    """Deadlines skip weekends and public holidays; vacation weeks extend windows."""

    PREFIX = "EVC"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons([*weekdays(d(10, 5), d(10, 9)), *weekdays(d(11, 2), d(11, 5))])
        cls.pupil = cls.student("Pupil")

    def test_deadline_skips_weekend_and_public_holiday(self):
        self.vacation(d(10, 13), d(10, 13), kind="public_holiday")
        self.mark(self.pupil, weekdays(d(10, 5), d(10, 9)))
        self.evaluate(d(10, 30))
        # Friday 9 October + 5 working days: 12, (13 off), 14, 15, 16, 19
        self.assertEqual(self.signals(self.pupil).deadline, d(10, 19))

    def test_vacation_is_a_working_day_for_deadlines(self):
        self.vacation(d(10, 12), d(10, 16))
        self.mark(self.pupil, weekdays(d(10, 5), d(10, 9)))
        self.evaluate(d(10, 30))
        self.assertEqual(self.signals(self.pupil).deadline, d(10, 16))

    def test_without_vacation_the_window_ends_too_early(self):
        self.mark(self.pupil, weekdays(d(10, 6), d(10, 9)), status="present")  # no streak
        self.mark(self.pupil, [d(10, 5), *weekdays(d(11, 2), d(11, 5))])
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(self.pupil), [])  # 2 h by 1 November, then 8 h

    def test_vacation_week_inside_the_window_extends_it(self):
        self.vacation(d(10, 19), d(10, 25))
        self.mark(self.pupil, weekdays(d(10, 6), d(10, 9)), status="present")
        lines = self.mark(self.pupil, [d(10, 5), *weekdays(d(11, 2), d(11, 5))])
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(self.pupil), ["unauthorized_10h"])
        signal = self.signals(self.pupil)
        self.assertEqual(
            (signal.date_start, signal.date_end, signal.hours, signal.deadline),
            (d(10, 5), d(11, 5), 10.0, d(11, 12)),
        )
        self.assertEqual(signal.line_ids, lines)
