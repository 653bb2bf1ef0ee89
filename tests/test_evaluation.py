"""The rules of domain.md §7 evaluated on real lessons, registrations and notices.

Every expected value is worked out by hand from the domain. The calendar is our own: the
fixtures remove every day off between September 2026 and January 2027, so that a vacation or a
public holiday exists only where a test creates one. Weekdays used below: 5 October 2026 is a
Monday, 25 October 2026 the end of summer time, 1 and 29 November 2026 are Sundays.
"""

from datetime import date
from datetime import time
from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

SLOT_A = (time(8, 30), time(10, 30))  # 120 minutes
SLOT_B = (time(10, 45), time(12, 45))  # 120 minutes
MONDAY = date(2026, 10, 5)
UNDER_18 = "2010-03-01"  # 16 in the autumn of 2026
AGE_19 = "2007-06-01"
RE_EVALUATION_QUERIES = 17  # measured on 9 students with nothing to change


def d(month, day):
    """A day in the autumn of 2026."""
    return date(2026, month, day)


def weekdays(first, last):
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def mondays(first, count):
    return [first + timedelta(weeks=i) for i in range(count)]


class EvaluationCase(VerzuimCase):
    """A school of one's own, a coordinator, and a calendar without days off."""

    PREFIX = "EV"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["verzuim.holiday"].search(
            [("date_from", "<=", date(2027, 1, 31)), ("date_to", ">=", date(2026, 9, 1))]
        ).unlink()
        cls.coordinator = cls.make_user(f"{cls.PREFIX}_coord", "mbo_verzuim.group_coordinator")
        cls.env.company.verzuim_coordinator_id = cls.coordinator
        cls.make_school(cls.PREFIX, students=0)
        cls.sheets = {}

    @classmethod
    def add_lessons(cls, days, slots=(SLOT_A,), batch=None):
        batch = batch or cls.batch
        for day in days:
            for start, end in slots:
                cls.sheets[batch.id, day, start] = cls.make_lesson(day, start, end, batch=batch)[1]

    @classmethod
    def student(cls, name, birth_date="2008-05-01", **vals):
        return cls.make_student(f"{cls.PREFIX} {name}", cls.batch, birth_date, **vals)

    @classmethod
    def mark(cls, student, days, slots=(SLOT_A,), status="absent", batch=None, **vals):
        batch = batch or cls.batch
        lines = cls.env["op.attendance.line"]
        for day in days:
            for start, _end in slots:
                sheet = cls.sheets[batch.id, day, start]
                lines |= cls.register_line(sheet, student, status, **vals)
        return lines

    def evaluate(self, as_of, students=None):
        """Evaluate this class's students (default: all of them, also those of the test)."""
        if students is None:
            students = self.env["op.student"].search([("name", "=like", f"{self.PREFIX} %")])
        return self.env["verzuim.signal"]._evaluate(as_of=as_of, students=students)

    def signals(self, student, code=None):
        domain = [("student_id", "in", student.ids)]
        if code:
            domain.append(("rule_code", "=", code))
        return self.env["verzuim.signal"].search(domain, order="rule_code, date_start")

    def codes(self, student):
        return self.signals(student).mapped("rule_code")

    def sick_notice(self, student, first, last=None):
        return self.env["verzuim.notice"].create(
            {
                "student_id": student.id,
                "notice_type": "sick",
                "date_start": utc(first, time(7, 0)),
                "date_end": last and utc(last, time(18, 0)),
            }
        )

    def vacation(self, first, last, kind="vacation"):
        return self.env["verzuim.holiday"].create(
            {"name": "Test day off", "date_from": first, "date_to": last, "kind": kind}
        )


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
                    "date_end": d(11, 1),  # end of the 4th lesweek from Monday 5 October
                    "hours": 8.0,
                    "deadline": d(11, 6),  # 5th working day
                    "user_id": self.coordinator.id,
                },
                {
                    "date_start": MONDAY,
                    "date_end": d(11, 1),
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
        self.evaluate(d(11, 28))
        self.assertNotIn("duo_ma", self.codes(self.dropout))  # the 8th lesweek ends on the 29th
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(self.dropout), ["duo_contact", "duo_ma", "rmc_4w"])
        ma = self.signals(self.dropout, "duo_ma")
        self.assertRecordValues(
            ma,
            [
                {
                    "date_start": MONDAY,
                    "date_end": d(11, 29),
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

    def test_no_streak_rule_under_18(self):
        minor = self.student("Minor", "2009-06-01")  # 17
        self.mark(minor, mondays(MONDAY, 8))
        self.evaluate(d(11, 30))
        self.assertEqual(self.codes(minor), [])

    def test_attending_a_lesson_breaks_the_streak(self):
        self.mark(self.dropout, [d(10, 5), d(10, 12), d(10, 26), d(11, 2)])
        self.mark(self.dropout, [d(10, 19)], status="present")
        self.evaluate(d(11, 9))
        self.assertEqual(self.codes(self.dropout), [])

    def test_lessons_without_registration_do_not_break_the_streak(self):
        self.mark(self.dropout, [d(10, 5), d(10, 12), d(10, 26)])  # none on 19 October
        self.evaluate(d(11, 2))
        self.assertEqual(self.codes(self.dropout), ["duo_contact", "rmc_4w"])
        self.assertEqual(self.signals(self.dropout, "rmc_4w").date_end, d(11, 1))

    def test_vacation_week_extends_the_streak(self):
        self.vacation(d(10, 19), d(10, 23))  # herfstvakantie, Monday to Friday
        lines = self.mark(self.dropout, [d(10, 5), d(10, 12), d(10, 26), d(11, 2)])
        self.evaluate(d(11, 9))
        rmc = self.signals(self.dropout, "rmc_4w")
        self.assertEqual(
            (rmc.date_start, rmc.date_end, rmc.deadline), (MONDAY, d(11, 8), d(11, 13))
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
                    "lrv": False,
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
