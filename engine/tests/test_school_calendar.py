"""The school calendar (domain.md §6): school days, working days, lesweken, deadlines."""

from datetime import date
from datetime import timedelta

import pytest
from verzuim_builders import days

from engine import SchoolCalendar


def test_school_day_and_working_day(calendar):
    wednesday, saturday = date(2026, 9, 2), date(2026, 9, 5)
    autumn_monday, christmas = date(2026, 10, 19), date(2026, 12, 25)
    assert calendar.is_school_day(wednesday) and calendar.is_working_day(wednesday)
    assert not calendar.is_school_day(saturday) and not calendar.is_working_day(saturday)
    # A vacation day is no school day, but it is a working day for deadlines.
    assert not calendar.is_school_day(autumn_monday) and calendar.is_working_day(autumn_monday)
    assert not calendar.is_school_day(christmas) and not calendar.is_working_day(christmas)


def test_empty_calendar_has_every_weekday_as_school_day():
    plain = SchoolCalendar()
    week = days(date(2026, 9, 7), date(2026, 9, 13))
    assert [plain.is_school_day(d) for d in week] == [True] * 5 + [False] * 2


def test_lesweken_without_vacation_are_calendar_weeks(calendar):
    assert calendar.lesweek_end(date(2026, 9, 1), 1) == date(2026, 9, 7)
    assert calendar.lesweek_end(date(2026, 9, 1), 4) == date(2026, 9, 28)


def test_vacation_week_extends_the_lesweken(calendar):
    # Blocks from Monday 5 October: 5-11, 12-18, [19-25 autumn vacation], 26-1, 2-8.
    assert calendar.lesweek_end(date(2026, 10, 5), 4) == date(2026, 11, 8)
    assert SchoolCalendar().lesweek_end(date(2026, 10, 5), 4) == date(2026, 11, 1)


def test_two_vacation_weeks_extend_by_two_blocks(calendar):
    # Christmas: 19 December to 3 January; blocks 21-27 and 28-3 hold no school day.
    assert calendar.lesweek_end(date(2026, 12, 14), 2) == date(2027, 1, 10)


def test_block_partly_in_the_vacation_still_counts(calendar):
    # From Wednesday 14 October the block 14-20 holds 14-16, the block 21-27 holds Monday 26.
    assert calendar.lesweek_end(date(2026, 10, 14), 2) == date(2026, 10, 27)


def test_week_with_a_public_holiday_still_counts(calendar):
    # Christmas 2026 falls in the vacation; King's Day 2027 is a Tuesday in a school week.
    assert calendar.lesweek_end(date(2027, 4, 26), 1) == date(2027, 5, 2)


def test_lesweek_index(calendar):
    start = date(2026, 10, 5)
    assert calendar.lesweek_index(start, start) == 1
    assert calendar.lesweek_index(start, date(2026, 10, 18)) == 2
    assert calendar.lesweek_index(start, date(2026, 10, 20)) is None  # autumn vacation
    assert calendar.lesweek_index(start, date(2026, 10, 27)) == 3
    assert calendar.lesweek_index(start, date(2026, 11, 8)) == 4
    assert calendar.lesweek_index(start, date(2026, 10, 4)) is None  # before the start


def test_lesweek_index_agrees_with_lesweek_end(calendar):
    start = date(2026, 9, 30)
    for n in range(1, 20):
        end = calendar.lesweek_end(start, n)
        assert calendar.lesweek_index(start, end) == n
        assert calendar.lesweek_index(start, end + timedelta(days=1)) in (n + 1, None)


def test_nth_working_day_after_skips_the_weekend(calendar):
    friday = date(2026, 9, 4)
    assert calendar.nth_working_day_after(friday, 0) == friday
    assert calendar.nth_working_day_after(friday, 1) == date(2026, 9, 7)
    assert calendar.nth_working_day_after(friday, 5) == date(2026, 9, 11)
    assert calendar.nth_working_day_after(date(2026, 9, 6), 1) == date(2026, 9, 7)


def test_nth_working_day_after_skips_public_holidays(calendar):
    # Christmas Day is a Friday, Boxing Day a Saturday.
    assert calendar.nth_working_day_after(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert calendar.nth_working_day_after(date(2026, 12, 24), 3) == date(2026, 12, 30)
    # New Year's Day (Friday) too, and Easter Monday 2027.
    assert calendar.nth_working_day_after(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert calendar.nth_working_day_after(date(2027, 3, 26), 1) == date(2027, 3, 30)


def test_vacation_days_count_as_working_days(calendar):
    assert calendar.nth_working_day_after(date(2026, 10, 16), 5) == date(2026, 10, 23)


def test_daylight_saving_weeks_are_plain_dates(calendar):
    # Summer time starts on Sunday 28 March 2027 and ends on Sunday 25 October 2026.
    assert calendar.lesweek_end(date(2027, 3, 22), 1) == date(2027, 3, 28)
    assert calendar.lesweek_end(date(2027, 3, 24), 2) == date(2027, 4, 6)
    assert calendar.nth_working_day_after(date(2027, 3, 26), 3) == date(2027, 4, 1)
    plain = SchoolCalendar()
    assert plain.lesweek_end(date(2026, 10, 22), 1) == date(2026, 10, 28)
    assert plain.lesweek_index(date(2026, 10, 19), date(2026, 10, 25)) == 1
    assert plain.lesweek_index(date(2026, 10, 19), date(2026, 10, 26)) == 2


def test_no_school_day_for_years_raises():
    start = date(2026, 1, 1)
    closed = SchoolCalendar(vacation_days=days(start, start + timedelta(days=6 * 366)))
    with pytest.raises(ValueError, match="no school day"):
        closed.lesweek_end(start, 1)


def test_no_working_day_for_years_raises():
    start = date(2026, 1, 1)
    closed = SchoolCalendar(public_holidays=days(start, start + timedelta(days=6 * 366)))
    with pytest.raises(ValueError, match="no working day"):
        closed.nth_working_day_after(start, 1)


def test_invalid_counts_raise(calendar):
    with pytest.raises(ValueError):
        calendar.lesweek_end(date(2026, 9, 1), 0)
    with pytest.raises(ValueError):
        calendar.nth_working_day_after(date(2026, 9, 1), -1)
