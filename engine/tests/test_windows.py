"""Hours within 4 lesweken: unauthorized_10h and legal_16h (domain.md §7, "Windows")."""

from datetime import date
from datetime import datetime

from verzuim_builders import periods

from engine import AUTHORIZED
from engine import DEFAULT_RULES
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
    assert (signal.repeat_number, signal.lrv) == (0, False)
    assert signal.note == "16.00 unauthorized hours between 2026-09-01 and 2026-09-04"


def test_a_minute_short_does_not_fire(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 3))
    tl.day(date(2026, 9, 4), UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED)
    tl.lesson(date(2026, 9, 4), minutes=59, hour=13)  # 959 minutes: 15.98 hours
    assert tl.signals(date(2026, 9, 30), "legal_16h") == []
    [ten] = tl.signals(date(2026, 9, 30), "unauthorized_10h")
    assert ten.date_end == date(2026, 9, 3)


def test_late_minutes_count_as_unauthorized_hours(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 3))
    tl.day(date(2026, 9, 4), UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED)
    tl.lesson(date(2026, 9, 4), minutes=60, hour=13, attended=True)  # came, but 60 minutes late
    [signal] = tl.signals(date(2026, 9, 30), "legal_16h")
    assert signal.date_end == date(2026, 9, 4)


def test_authorized_and_present_lessons_do_not_count(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 1), date(2026, 9, 18), UNAUTHORIZED, AUTHORIZED, PRESENT, PRESENT)
    assert [s.hours for s in tl.signals(date(2026, 9, 30), "unauthorized_10h")] == [10.0]
    assert tl.signals(date(2026, 9, 30), "legal_16h") == []


def test_window_is_four_lesweken_from_the_first_absence(timeline):
    for first, last, fires in (
        (date(2026, 9, 7), date(2026, 10, 4), True),  # Monday .. Sunday 4 weeks later
        (date(2026, 9, 7), date(2026, 10, 5), False),
        (date(2026, 9, 8), date(2026, 10, 5), True),  # windows roll from any weekday
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


def test_repeat_reports_are_seven_days_apart_and_the_fifth_repeat_is_lrv(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 10, 16))
    found = tl.signals(date(2026, 10, 16), "legal_16h")
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
    assert [s.lrv for s in found] == [False] * 5 + [True] * 2
    # 16 hours are reached on Thursday; the report waits until Friday and holds Friday too.
    assert [s.hours for s in found] == [16.0] + [20.0] * 6
    assert found[1].note == (
        "20.00 unauthorized hours between 2026-09-07 and 2026-09-11 (16 hours reached on "
        "2026-09-10); repeat report 1 within one uninterrupted absence"
    )
    assert found[5].note.endswith("; langdurig relatief verzuim (LRV)")


def test_a_postponed_repeat_is_not_reported_before_its_day(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 1), date(2026, 9, 30))
    assert [s.date_end for s in tl.signals(date(2026, 9, 10), "legal_16h")] == [date(2026, 9, 4)]
    assert len(tl.signals(date(2026, 9, 11), "legal_16h")) == 2


def test_the_chain_continues_over_a_vacation(timeline):
    tl = full_time_truant(timeline, date(2026, 9, 28), date(2026, 11, 6))
    found = tl.signals(date(2026, 11, 6), "legal_16h")
    # 16 hours every fourth school day: Thursday 1 October, then Wednesdays postponed to
    # Thursdays, then Wednesday 28 October after the autumn vacation (13 days after the
    # previous report: no postponing) and Tuesday 3 November, postponed to the 4th.
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
