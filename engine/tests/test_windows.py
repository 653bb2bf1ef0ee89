"""Hours within 4 lesweken: unauthorized_10h and legal_16h (domain.md §7, "Windows")."""

from dataclasses import replace
from datetime import date
from datetime import datetime

from verzuim_builders import SIXTEEN
from verzuim_builders import autumn_break_calendar
from verzuim_builders import periods

from engine import AUTHORIZED
from engine import DEFAULT_RULES
from engine import DEFAULT_RULES_BY_CODE
from engine import PRESENT
from engine import UNAUTHORIZED
from engine import WINDOW
from engine import Registration
from engine import RuleParams
from engine import SchoolCalendar
from engine import StudentFacts
from engine import evaluate


def test_sixteen_hours_exactly_fires(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 4))  # 4 days of 4 hours
    [signal] = tl.signals(date(2026, 9, 30), "legal_16h")
    assert (signal.date_start, signal.date_end) == (date(2026, 9, 1), date(2026, 9, 4))
    assert signal.hours == 16.0
    assert signal.count == 4
    assert len(signal.line_ids) == 16
    assert signal.deadline == date(2026, 9, 11)
    assert signal.repeat_number == 0
    assert signal.note == "16.00 unauthorized hours between 2026-09-01 and 2026-09-04"


def test_a_minute_short_does_not_fire(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 3))
    tl.day(date(2026, 9, 4), UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED)
    tl.lesson(date(2026, 9, 4), minutes=59, hour=13)  # 959 minutes: 15.98 hours
    assert tl.signals(date(2026, 9, 30), "legal_16h") == []
    [ten] = tl.signals(date(2026, 9, 30), "unauthorized_10h")
    assert ten.date_end == date(2026, 9, 3)


def test_late_minutes_do_not_count_for_the_16_hours(timeline):
    # Issue 7, point 5: truancy "betreft hele uren of dagen".
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 3))
    tl.day(date(2026, 9, 4), UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED)
    late = tl.late(date(2026, 9, 4), 60, hour=13)  # came, but 60 minutes late
    assert tl.signals(date(2026, 9, 30), "legal_16h") == []  # 15 hours of whole lessons
    # The same rule counting late minutes fires on Friday.
    counting = replace(DEFAULT_RULES_BY_CODE["legal_16h"], count_late_minutes=True)
    [signal] = tl.signals(date(2026, 9, 30), rules=[counting])
    assert (signal.date_end, signal.hours) == (date(2026, 9, 4), 16.0)
    assert late.line_ids[0] in signal.line_ids


def test_late_minutes_count_for_the_10_hours(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 2))
    tl.lesson(date(2026, 9, 3), hour=9)
    late = tl.late(date(2026, 9, 3), 60, hour=10)  # 9 hours absent and 1 hour late
    [signal] = tl.signals(date(2026, 9, 30), "unauthorized_10h")
    assert (signal.date_start, signal.date_end, signal.hours) == (
        date(2026, 9, 1),
        date(2026, 9, 3),
        10.0,
    )
    assert signal.line_ids[-1] == late.line_ids[0] and signal.count == 3
    not_counting = replace(DEFAULT_RULES_BY_CODE["unauthorized_10h"], count_late_minutes=False)
    assert tl.signals(date(2026, 9, 30), rules=[not_counting]) == []


def test_counted_minutes_per_rule():
    day = date(2026, 9, 7)
    late = Registration((1,), day, 1, 25, UNAUTHORIZED, True)
    absent = Registration((2,), day, 2, 60, UNAUTHORIZED, False)
    excused = Registration((3,), day, 3, 60, AUTHORIZED, False)
    assert [r.counted_minutes(True) for r in (late, absent, excused)] == [25, 60, 0]
    assert [r.counted_minutes(False) for r in (late, absent, excused)] == [0, 60, 0]
    assert [r.unauthorized_minutes for r in (late, absent, excused)] == [25, 60, 0]
    assert DEFAULT_RULES_BY_CODE["unauthorized_10h"].count_late_minutes
    assert not DEFAULT_RULES_BY_CODE["legal_16h"].count_late_minutes


def test_authorized_and_present_lessons_do_not_count(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 18), UNAUTHORIZED, AUTHORIZED, PRESENT, PRESENT)
    assert [s.hours for s in tl.signals(date(2026, 9, 30), "unauthorized_10h")] == [10.0]
    assert tl.signals(date(2026, 9, 30), "legal_16h") == []


def test_window_is_four_lesweken_from_the_first_absence(timeline):
    for first, last, fires in (
        (date(2026, 9, 7), date(2026, 10, 2), True),  # Monday .. Friday of the 4th week
        (date(2026, 9, 7), date(2026, 10, 3), False),  # the Saturday after: outside
        (date(2026, 9, 7), date(2026, 10, 5), False),
        (date(2026, 9, 8), date(2026, 10, 5), True),  # windows roll from any weekday
        (date(2026, 9, 9), date(2026, 10, 6), True),  # Wednesday .. Tuesday 4 weeks later
        (date(2026, 9, 9), date(2026, 10, 7), False),
        (date(2026, 9, 5), date(2026, 10, 2), True),  # from a Saturday: sd1 is Monday
        (date(2026, 9, 5), date(2026, 10, 5), False),
    ):
        tl = timeline(SchoolCalendar())
        tl.day(first, *(UNAUTHORIZED,) * 6)
        tl.day(last)
        found = tl.signals(date(2026, 10, 30), "unauthorized_10h")
        assert periods(found) == ([(first, last)] if fires else [])


def test_vacation_week_inside_the_window_extends_it(timeline, calendar):
    for cal, fires in ((calendar, True), (SchoolCalendar(), False)):
        tl = timeline(cal)
        for monday in (date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 26)):
            tl.day(monday)
        tl.day(date(2026, 11, 2))
        found = tl.signals(date(2026, 11, 30), "legal_16h")
        assert periods(found) == ([(date(2026, 10, 5), date(2026, 11, 2))] if fires else [])


def test_worked_example_autumn_break(timeline):
    # Issue 7, point 1: a vacation of exactly Monday 19 to Friday 23 October 2026. From
    # Thursday 8 October, 4 lesweken end on Wednesday 11 November (20 school days).
    for second, fires in ((date(2026, 11, 11), True), (date(2026, 11, 12), False)):
        tl = timeline(autumn_break_calendar())
        tl.day(date(2026, 10, 8), *(UNAUTHORIZED,) * 8)
        tl.day(second, *(UNAUTHORIZED,) * 8)
        found = tl.signals(date(2026, 12, 31), "legal_16h", birth_date=SIXTEEN)
        if not fires:
            assert found == []
            continue
        [signal] = found
        assert (signal.date_start, signal.date_end, signal.deadline) == (
            date(2026, 10, 8),
            date(2026, 11, 11),
            date(2026, 11, 18),
        )
        assert (signal.hours, signal.count, signal.repeat_number) == (16.0, 2, 0)


def test_a_vacation_that_starts_mid_window_extends_it(timeline):
    # From Wednesday 14 October 4 lesweken end on Tuesday 17 November with the autumn break,
    # on Tuesday 10 November without it.
    for cal, fires in ((autumn_break_calendar(), True), (SchoolCalendar(), False)):
        tl = timeline(cal)
        tl.day(date(2026, 10, 14), *(UNAUTHORIZED,) * 8)
        tl.day(date(2026, 11, 17), *(UNAUTHORIZED,) * 8)
        found = tl.signals(date(2026, 12, 31), "legal_16h")
        assert periods(found) == ([(date(2026, 10, 14), date(2026, 11, 17))] if fires else [])


def test_counting_restarts_the_day_after_the_end(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 14), *(UNAUTHORIZED,) * 3)  # 3 hours a day
    found = tl.signals(date(2026, 9, 30), "unauthorized_10h")
    # Mon-Thu reach 12 hours; Friday starts again and reaches 6 hours on Monday only.
    assert periods(found) == [(date(2026, 9, 7), date(2026, 9, 10))]
    assert found[0].hours == 12.0


def test_overlapping_window_after_a_signal_does_not_fire(timeline):
    tl = timeline()
    tl.day(date(2026, 9, 7), *(UNAUTHORIZED,) * 6)
    tl.day(date(2026, 9, 8), *(UNAUTHORIZED,) * 6)
    tl.day(date(2026, 9, 9), *(UNAUTHORIZED,) * 6)
    # 8 and 9 September together hold 12 hours, but the 8th belongs to the first signal.
    found = tl.signals(date(2026, 9, 30), "unauthorized_10h")
    assert periods(found) == [(date(2026, 9, 7), date(2026, 9, 8))]


def test_first_window_to_reach_the_threshold_wins(timeline):
    tl = timeline(SchoolCalendar())
    tl.day(date(2026, 9, 7), *(UNAUTHORIZED,) * 6)
    tl.day(date(2026, 10, 5), *(UNAUTHORIZED,) * 6)  # after the first window's 4 lesweken
    tl.day(date(2026, 10, 6), *(UNAUTHORIZED,) * 6)
    found = tl.signals(date(2026, 10, 30), "unauthorized_10h")
    assert periods(found) == [(date(2026, 10, 5), date(2026, 10, 6))]


def full_time_truant(timeline, first, last, lessons=4):
    tl = timeline()
    tl.absent(first, last, *(UNAUTHORIZED,) * lessons)
    return tl


def test_repeat_reports_are_seven_days_apart(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 10, 16))
    legal_16h = DEFAULT_RULES_BY_CODE["legal_16h"]
    found = tl.signals(date(2026, 10, 16), rules=[legal_16h])  # without lrv_4w: no pause
    fridays = [date(2026, 9, 4), date(2026, 9, 11), date(2026, 9, 18), date(2026, 9, 25)]
    fridays += [date(2026, 10, 2), date(2026, 10, 9), date(2026, 10, 16)]
    assert [s.date_end for s in found] == fridays
    assert [s.date_start for s in found[1:]] == [
        date(2026, 9, 7),
        date(2026, 9, 14),
        date(2026, 9, 21),
        date(2026, 9, 28),
        date(2026, 10, 5),
        date(2026, 10, 12),
    ]
    assert [s.repeat_number for s in found] == [0, 1, 2, 3, 4, 5, 6]
    # 16 hours are reached on Thursday; the report waits until Friday and holds Friday too.
    assert [s.hours for s in found] == [16.0] + [20.0] * 6
    assert found[1].note == (
        "20.00 unauthorized hours between 2026-09-07 and 2026-09-11 (16 hours reached on "
        "2026-09-10); repeat report 1 within one uninterrupted absence"
    )
    # With the default rules LRV (1 .. 28 September: blocks from Tuesday end on Mondays)
    # pauses the 16 hours: the window from 28 September starts on the LRV end, not after it.
    found = tl.signals(date(2026, 10, 16))
    assert [s.date_end for s in found if s.rule_code == "legal_16h"] == fridays[:5]
    assert periods(s for s in found if s.rule_code == "lrv_4w") == [
        (date(2026, 9, 1), date(2026, 9, 28))
    ]


def test_a_postponed_repeat_is_not_reported_before_its_day(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 9, 30))
    assert [s.date_end for s in tl.signals(date(2026, 9, 10), "legal_16h")] == [date(2026, 9, 4)]
    assert len(tl.signals(date(2026, 9, 11), "legal_16h")) == 2


def test_the_chain_continues_over_a_vacation(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 28), date(2026, 11, 6))
    found = tl.signals(date(2026, 11, 6), "legal_16h")
    # 16 hours every fourth school day: Thursday 1 October, then Wednesdays postponed to
    # Thursdays, then Wednesday 28 October after the autumn vacation (13 days after the
    # previous report: no postponing) and Tuesday 3 November, postponed to the 4th. LRV
    # (28 September .. 30 October) pauses only windows that start after 30 October.
    assert [s.date_end for s in found] == [
        date(2026, 10, 1),
        date(2026, 10, 8),
        date(2026, 10, 15),
        date(2026, 10, 28),
        date(2026, 11, 4),
    ]
    assert [s.repeat_number for s in found] == [0, 1, 2, 3, 4]


def test_attending_a_lesson_resets_the_repeat_chain(timeline):
    six_hours = (UNAUTHORIZED,) * 6
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 9, 11), lessons=6)
    found = tl.signals(date(2026, 9, 30), "legal_16h")
    # 18 hours on Thursday 3 September; again on Tuesday 8th, postponed to Thursday 10th.
    assert periods(found) == [
        (date(2026, 9, 1), date(2026, 9, 3)),
        (date(2026, 9, 4), date(2026, 9, 10)),
    ]
    assert [s.repeat_number for s in found] == [0, 1]

    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 4), *six_hours)
    tl.day(date(2026, 9, 7), PRESENT, *six_hours[1:])
    tl.absent(date(2026, 9, 8), date(2026, 9, 11), *six_hours)
    found = tl.signals(date(2026, 9, 30), "legal_16h")
    # The student came on Monday morning: a new absence, a first report, not postponed.
    assert periods(found)[:2] == [
        (date(2026, 9, 1), date(2026, 9, 3)),
        (date(2026, 9, 4), date(2026, 9, 8)),
    ]
    assert [s.repeat_number for s in found] == [0, 0, 1]


def test_authorized_absence_does_not_reset_the_repeat_chain(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 4))
    tl.sick(date(2026, 9, 7))
    tl.absent(date(2026, 9, 8), date(2026, 9, 11))
    found = tl.signals(date(2026, 9, 30), "legal_16h")
    assert [s.repeat_number for s in found] == [0, 1]


def test_ten_hours_repeat_no_closer_than_28_days(timeline):
    # Issue 7, point 6: ten weeks away, 4 hours every school day from Monday 7 September.
    tl = timeline(SchoolCalendar())
    tl.absent(date(2026, 9, 7), date(2026, 11, 13))
    found = tl.signals(date(2026, 11, 15), "unauthorized_10h")
    # 12 hours on Wednesday 9 September; again on Monday 14 September, postponed to 7 October
    # (28 days), and on 12 October, postponed to 4 November: three signals in ten weeks.
    assert periods(found) == [
        (date(2026, 9, 7), date(2026, 9, 9)),
        (date(2026, 9, 10), date(2026, 10, 7)),
        (date(2026, 10, 8), date(2026, 11, 4)),
    ]
    assert [s.repeat_number for s in found] == [0, 1, 2]
    assert [s.hours for s in found] == [12.0, 80.0, 80.0]
    assert found[1].note == (
        "80.00 unauthorized hours between 2026-09-10 and 2026-10-07 (10 hours reached on "
        "2026-09-14); repeat report 1 within one uninterrupted absence"
    )
    # The fourth was reached on 9 November, in the tenth week: it is raised 28 days after the
    # third, on 2 December, holding the absences up to then (5-13 November).
    assert tl.signals(date(2026, 12, 1), "unauthorized_10h") == found
    fourth = tl.signals(date(2026, 12, 31), "unauthorized_10h")[3:]
    assert [(s.date_start, s.date_end, s.hours) for s in fourth] == [
        (date(2026, 11, 5), date(2026, 12, 2), 28.0)
    ]


def test_ten_hours_after_a_return_are_not_postponed(timeline):
    tl = timeline(SchoolCalendar())
    tl.absent(date(2026, 9, 7), date(2026, 9, 9))
    tl.present(date(2026, 9, 10))
    tl.absent(date(2026, 9, 11), date(2026, 9, 15))
    found = tl.signals(date(2026, 9, 30), "unauthorized_10h")
    assert periods(found) == [
        (date(2026, 9, 7), date(2026, 9, 9)),
        (date(2026, 9, 11), date(2026, 9, 15)),
    ]
    assert [s.repeat_number for s in found] == [0, 0]


def test_turning_18_stops_legal_16h_and_starts_rmc(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 10, 2))
    turns_18 = date(2008, 9, 20)  # Sunday 20 September 2026
    legal = tl.signals(date(2026, 10, 2), "legal_16h", birth_date=turns_18)
    assert [s.date_end for s in legal] == [date(2026, 9, 4), date(2026, 9, 11), date(2026, 9, 18)]
    [rmc] = tl.signals(date(2026, 10, 2), "rmc_4w", birth_date=turns_18)
    assert (rmc.date_start, rmc.date_end, rmc.hours) == (date(2026, 9, 1), date(2026, 9, 28), 80)
    assert tl.signals(date(2026, 10, 2), "unauthorized_10h", birth_date=turns_18)


def test_age_is_taken_on_the_day_16_hours_are_reached(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 9, 30))
    turns_18 = date(2008, 9, 18)  # the third report: reached Thursday 17th, postponed to 18th
    legal = tl.signals(date(2026, 9, 30), "legal_16h", birth_date=turns_18)
    assert [s.date_end for s in legal] == [date(2026, 9, 4), date(2026, 9, 11), date(2026, 9, 18)]


def test_out_of_scope_window_does_not_restart_counting(timeline):
    regional = RuleParams(
        code="regional_16h",
        kind=WINDOW,
        threshold_hours=16,
        window_lesweken=4,
        min_age=18,
        max_age=23,
        without_startkwalificatie=True,
    )
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 4))
    tl.day(date(2026, 9, 8), UNAUTHORIZED, UNAUTHORIZED)
    turns_18 = date(2008, 9, 8)
    # 16 hours on Friday 4th at 17 are out of scope and start nothing; on Tuesday 8th, at 18,
    # the window from the 1st holds 18 hours.
    [signal] = tl.signals(date(2026, 9, 30), rules=[regional], birth_date=turns_18)
    assert (signal.date_start, signal.date_end, signal.hours) == (
        date(2026, 9, 1),
        date(2026, 9, 8),
        18.0,
    )


def test_daylight_saving_weeks(timeline):
    # Lessons as the Odoo side passes them: naive UTC starts, local dates. 08:30 local is
    # 07:30 UTC in winter and 06:30 UTC in summer; only the date and the minutes matter.
    registrations = []
    for i, (day, utc_hour) in enumerate(
        [
            (date(2026, 3, 26), 7),
            (date(2026, 3, 27), 7),
            (date(2026, 3, 30), 6),
            (date(2026, 3, 31), 6),
            (date(2026, 10, 22), 6),
            (date(2026, 10, 23), 6),
            (date(2026, 10, 26), 7),
            (date(2026, 10, 27), 7),
        ]
    ):
        for lesson in range(4):
            start = datetime(day.year, day.month, day.day, utc_hour + lesson, 30)
            registrations.append(
                Registration((i * 10 + lesson,), day, start, 60, UNAUTHORIZED, False)
            )
    facts = StudentFacts(1, date(2010, 2, 10), registrations=registrations)
    found = evaluate(facts, DEFAULT_RULES, SchoolCalendar(), date(2026, 12, 1))
    legal = [s for s in found if s.rule_code == "legal_16h"]
    assert periods(legal) == [
        (date(2026, 3, 26), date(2026, 3, 31)),
        (date(2026, 10, 22), date(2026, 10, 27)),
    ]
    assert [(s.hours, s.count) for s in legal] == [(16.0, 4), (16.0, 4)]
