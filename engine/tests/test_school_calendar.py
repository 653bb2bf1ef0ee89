"""The school calendar (domain.md §6): school days, working days, lesweken, blocks, deadlines."""

from datetime import date
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from verzuim_builders import autumn_break_calendar
from verzuim_builders import days

from engine import LesweekBlock
from engine import SchoolCalendar

fast = settings(max_examples=150, derandomize=True, database=None, deadline=None)


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


def test_a_lesweek_is_five_school_days():
    plain = SchoolCalendar()
    # Without days off, 4 lesweken from a Monday end on the Friday of the fourth week, from a
    # Wednesday on the Tuesday four weeks later (domain.md §6).
    assert plain.lesweek_end(date(2026, 9, 7), 4) == date(2026, 10, 2)
    assert plain.lesweek_end(date(2026, 9, 9), 4) == date(2026, 10, 6)
    assert plain.lesweek_end(date(2026, 9, 1), 1) == date(2026, 9, 7)  # Tuesday .. Monday
    assert plain.lesweek_end(date(2026, 9, 1), 4) == date(2026, 9, 28)
    # sd1 is the first school day on or after a start on a weekend.
    assert plain.lesweek_end(date(2026, 9, 5), 1) == date(2026, 9, 11)
    assert plain.school_day_from(date(2026, 9, 5), 1) == date(2026, 9, 7)
    assert plain.school_day_from(date(2026, 9, 7), 1) == date(2026, 9, 7)


def test_vacation_week_extends_the_lesweken(calendar):
    # From Monday 5 October: 5-9, 12-16, [17-25 autumn vacation], 26-30, 2-6 November.
    assert calendar.lesweek_end(date(2026, 10, 5), 4) == date(2026, 11, 6)
    assert SchoolCalendar().lesweek_end(date(2026, 10, 5), 4) == date(2026, 10, 30)


def test_christmas_vacation_adds_its_school_days(calendar):
    # Christmas: 19 December to 3 January; 14-18 December, then 4-8 January.
    assert calendar.lesweek_end(date(2026, 12, 14), 2) == date(2027, 1, 8)


def test_a_vacation_that_starts_mid_window_extends_it(calendar):
    # From Wednesday 14 October: 14-16 October, [vacation], 26-30 October, 2-3 November.
    assert calendar.lesweek_end(date(2026, 10, 14), 2) == date(2026, 11, 3)
    assert SchoolCalendar().lesweek_end(date(2026, 10, 14), 2) == date(2026, 10, 27)
    # The 7-day blocks of the old rule each held a school day: they ended on 27 October.
    autumn = autumn_break_calendar()
    assert autumn.lesweek_end(date(2026, 10, 14), 4) == date(2026, 11, 17)
    assert SchoolCalendar().lesweek_end(date(2026, 10, 14), 4) == date(2026, 11, 10)


def test_worked_example_window_from_thursday_8_october():
    # Issue 7, point 1: the autumn break of Monday 19 to Friday 23 October 2026. From Thursday
    # 8 October: 8-9, 12-16 (7), [break], 26-30 (12), 2-6 November (17), 9-11 November (20).
    autumn = autumn_break_calendar()
    assert autumn.lesweek_end(date(2026, 10, 8), 4) == date(2026, 11, 11)
    assert autumn.lesweek_start(date(2026, 11, 11), 4) == date(2026, 10, 8)
    assert not autumn.is_school_day(date(2026, 10, 19))
    assert autumn.is_school_day(date(2026, 10, 26))


def test_a_public_holiday_is_no_school_day(calendar):
    # King's Day 2027 is Tuesday 27 April: 26, 28, 29, 30 April and Monday 3 May.
    assert calendar.lesweek_end(date(2027, 4, 26), 1) == date(2027, 5, 3)
    assert calendar.is_working_day(date(2027, 4, 26)) and not calendar.is_working_day(
        date(2027, 4, 27)
    )


def test_lesweek_start_counts_five_school_days_per_lesweek_back(calendar):
    plain = SchoolCalendar()
    assert plain.lesweek_start(date(2026, 10, 2), 4) == date(2026, 9, 7)
    assert plain.lesweek_start(date(2026, 10, 6), 4) == date(2026, 9, 9)
    assert plain.lesweek_start(date(2026, 10, 4), 1) == date(2026, 9, 28)  # from a Sunday
    assert calendar.lesweek_start(date(2026, 11, 6), 4) == date(2026, 10, 5)
    assert calendar.lesweek_start(date(2027, 1, 8), 2) == date(2026, 12, 14)
    assert calendar.school_day_back(date(2026, 10, 25), 1) == date(2026, 10, 16)


def test_lesweek_blocks_from_a_monday(calendar):
    blocks = calendar.lesweek_blocks(date(2026, 10, 5))
    assert [next(blocks) for _ in range(4)] == [
        LesweekBlock(1, date(2026, 10, 5), date(2026, 10, 9), date(2026, 10, 11)),
        # The block ends on its last school day; the vacation after it belongs to it.
        LesweekBlock(2, date(2026, 10, 12), date(2026, 10, 16), date(2026, 10, 25)),
        LesweekBlock(3, date(2026, 10, 26), date(2026, 10, 30), date(2026, 11, 1)),
        LesweekBlock(4, date(2026, 11, 2), date(2026, 11, 6), date(2026, 11, 8)),
    ]


def test_lesweek_blocks_from_a_wednesday_over_a_vacation(calendar):
    blocks = calendar.lesweek_blocks(date(2026, 10, 14))
    assert [next(blocks) for _ in range(2)] == [
        LesweekBlock(1, date(2026, 10, 14), date(2026, 10, 27), date(2026, 10, 27)),
        LesweekBlock(2, date(2026, 10, 28), date(2026, 11, 3), date(2026, 11, 3)),
    ]


def test_lesweek_blocks_from_a_saturday_and_over_christmas(calendar):
    blocks = calendar.lesweek_blocks(date(2026, 9, 12))
    assert [next(blocks) for _ in range(2)] == [
        LesweekBlock(1, date(2026, 9, 12), date(2026, 9, 18), date(2026, 9, 20)),
        LesweekBlock(2, date(2026, 9, 21), date(2026, 9, 25), date(2026, 9, 27)),
    ]
    blocks = calendar.lesweek_blocks(date(2026, 12, 14))
    assert [next(blocks) for _ in range(2)] == [
        LesweekBlock(1, date(2026, 12, 14), date(2026, 12, 18), date(2027, 1, 3)),
        LesweekBlock(2, date(2027, 1, 4), date(2027, 1, 8), date(2027, 1, 10)),
    ]


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
    assert calendar.lesweek_end(date(2027, 3, 22), 1) == date(2027, 3, 26)
    # 24-26 March, [Easter Monday 29 March], 30 March - 2 April, 5-7 April.
    assert calendar.lesweek_end(date(2027, 3, 24), 2) == date(2027, 4, 7)
    assert calendar.nth_working_day_after(date(2027, 3, 26), 3) == date(2027, 4, 1)
    plain = SchoolCalendar()
    assert plain.lesweek_end(date(2026, 10, 22), 1) == date(2026, 10, 28)
    blocks = plain.lesweek_blocks(date(2026, 10, 19))
    assert next(blocks) == LesweekBlock(
        1, date(2026, 10, 19), date(2026, 10, 23), date(2026, 10, 25)
    )
    assert next(blocks).first == date(2026, 10, 26)


def test_no_school_day_for_years_raises():
    start = date(2026, 1, 1)
    closed = SchoolCalendar(vacation_days=days(start, start + timedelta(days=6 * 366)))
    with pytest.raises(ValueError, match="no school day"):
        closed.lesweek_end(start, 1)
    with pytest.raises(ValueError, match="no school day"):
        next(closed.lesweek_blocks(start))
    with pytest.raises(ValueError, match="no school day"):
        closed.lesweek_start(start + timedelta(days=6 * 366), 1)


def test_no_working_day_for_years_raises():
    start = date(2026, 1, 1)
    closed = SchoolCalendar(public_holidays=days(start, start + timedelta(days=6 * 366)))
    with pytest.raises(ValueError, match="no working day"):
        closed.nth_working_day_after(start, 1)


def test_invalid_counts_raise(calendar):
    with pytest.raises(ValueError):
        calendar.lesweek_end(date(2026, 9, 1), 0)
    with pytest.raises(ValueError):
        calendar.lesweek_start(date(2026, 9, 1), 0)
    with pytest.raises(ValueError):
        calendar.school_day_from(date(2026, 9, 1), 0)
    with pytest.raises(ValueError):
        calendar.school_day_back(date(2026, 9, 1), 0)
    with pytest.raises(ValueError):
        calendar.nth_working_day_after(date(2026, 9, 1), -1)


# Properties over random calendars: vacations of 1 to 21 days and scattered public holidays in
# the year from August 2026, any start day, 1 to 12 lesweken.
ORIGIN = date(2026, 8, 1)
offsets = st.integers(0, 365)
random_calendars = st.builds(
    lambda vacations, holidays: SchoolCalendar(
        [ORIGIN + timedelta(days=d) for d in holidays],
        [ORIGIN + timedelta(days=start + i) for start, length in vacations for i in range(length)],
    ),
    st.lists(st.tuples(offsets, st.integers(1, 21)), max_size=6),
    st.lists(offsets, max_size=10),
)
starts = offsets.map(lambda d: ORIGIN + timedelta(days=d))


def school_days_in(calendar, first, last):
    return sum(calendar.is_school_day(day) for day in days(first, last))


@fast
@given(random_calendars, starts, st.integers(1, 12))
def test_lesweek_end_is_the_5n_th_school_day(calendar, start, n):
    end = calendar.lesweek_end(start, n)
    assert calendar.is_school_day(end)
    assert school_days_in(calendar, start, end) == 5 * n
    assert calendar.lesweek_end(start, n + 1) > end
    # Counting back from the end finds the first school day on or after the start.
    assert calendar.lesweek_start(end, n) == calendar.school_day_from(start, 1)


@fast
@given(random_calendars, starts, st.integers(1, 12))
def test_lesweek_blocks_partition_the_days(calendar, start, count):
    blocks = calendar.lesweek_blocks(start)
    previous = None
    for number in range(1, count + 1):
        block = next(blocks)
        assert block.number == number
        assert block.first == (start if previous is None else previous.last + timedelta(days=1))
        assert block.first <= block.end <= block.last
        assert block.end == calendar.lesweek_end(start, number)
        # Five school days up to the end, none after it: the days off after the end belong to
        # this block, the next block starts on a school day.
        assert school_days_in(calendar, block.first, block.end) == 5
        assert school_days_in(calendar, block.end + timedelta(days=1), block.last) == 0
        assert calendar.is_school_day(block.last + timedelta(days=1))
        previous = block
