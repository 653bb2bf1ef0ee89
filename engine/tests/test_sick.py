"""Long and frequent sickness: sick_long and sick_frequent (domain.md §7)."""

from datetime import date
from datetime import timedelta

from verzuim_builders import periods

from engine import SchoolCalendar


def test_open_sick_period_fires_once_14_days_have_passed(timeline):
    tl = timeline()
    tl.notice(date(2026, 9, 7))  # still open
    assert tl.signals(date(2026, 9, 19), "sick_long") == []
    [signal] = tl.signals(date(2026, 9, 20), "sick_long")
    assert (signal.date_start, signal.date_end) == (date(2026, 9, 7), date(2026, 9, 20))
    assert (signal.notice_ids, signal.count, signal.deadline) == ((1,), 14, date(2026, 9, 25))
    assert signal.note == "sick for 14 calendar days from 2026-09-07 to 2026-09-20"
    assert tl.signals(date(2026, 12, 31), "sick_long") == [signal]


def test_closed_sick_period_of_13_days_does_not_fire(timeline):
    tl = timeline()
    tl.notice(date(2026, 9, 7), date(2026, 9, 19))
    assert tl.signals(date(2026, 12, 31), "sick_long") == []


def test_closed_sick_period_of_exactly_14_days_fires(timeline):
    tl = timeline()
    tl.notice(date(2026, 9, 7), date(2026, 9, 20))
    assert periods(tl.signals(date(2026, 12, 31), "sick_long")) == [
        (date(2026, 9, 7), date(2026, 9, 20))
    ]


def test_sick_period_closed_after_as_of_counts_as_open_on_as_of(timeline):
    tl = timeline()
    tl.notice(date(2026, 9, 7), date(2026, 9, 30))
    assert tl.signals(date(2026, 9, 15), "sick_long") == []
    assert len(tl.signals(date(2026, 9, 20), "sick_long")) == 1


def test_calendar_days_count_also_in_the_vacation(timeline):
    tl = timeline()
    tl.notice(date(2026, 10, 12), date(2026, 10, 25))
    [signal] = tl.signals(date(2026, 12, 31), "sick_long")
    assert signal.date_end == date(2026, 10, 25)
    assert signal.deadline == date(2026, 10, 30)  # vacation days are working days


def test_sick_long_evidence_is_the_authorized_absence_in_the_period(timeline):
    tl = timeline()
    tl.notice(date(2026, 9, 7))
    sick = tl.sick(date(2026, 9, 7), date(2026, 9, 25))
    tl.lesson(date(2026, 9, 8), hour=15)  # an unauthorized lesson is no evidence
    [signal] = tl.signals(date(2026, 9, 30), "sick_long")
    assert signal.line_ids == tuple(r.line_ids[0] for r in sick if r.day <= date(2026, 9, 20))
    assert signal.hours == 40.0  # two weeks of 4 lessons a day


def test_each_sick_period_signals_once(timeline):
    tl = timeline()
    tl.notice(date(2026, 9, 7), date(2026, 9, 25))
    tl.notice(date(2026, 11, 2))
    found = tl.signals(date(2026, 12, 31), "sick_long")
    assert [s.notice_ids for s in found] == [(1,), (2,)]


def five_notices(tl, first, gap_days=14, number=5):
    for i in range(number):
        start = first + timedelta(days=gap_days * i)
        tl.notice(start, start + timedelta(days=1))


def test_five_sick_notices_within_12_lesweken(timeline):
    tl = timeline()
    five_notices(tl, date(2026, 9, 7))
    assert tl.signals(date(2026, 11, 1), "sick_frequent") == []
    [signal] = tl.signals(date(2026, 11, 2), "sick_frequent")
    assert (signal.date_start, signal.date_end) == (date(2026, 9, 7), date(2026, 11, 2))
    assert (signal.notice_ids, signal.count) == ((1, 2, 3, 4, 5), 5)
    assert signal.deadline == date(2026, 11, 9)
    assert signal.note == "5 sick notices started between 2026-09-07 and 2026-11-02"


def test_a_sixth_notice_does_not_signal_again(timeline):
    tl = timeline()
    five_notices(tl, date(2026, 9, 7), gap_days=7, number=6)
    [signal] = tl.signals(date(2026, 12, 31), "sick_frequent")
    assert signal.notice_ids == (1, 2, 3, 4, 5)


def test_counting_restarts_after_the_fifth_start(timeline):
    tl = timeline()
    five_notices(tl, date(2026, 9, 7), gap_days=7, number=10)
    found = tl.signals(date(2026, 12, 31), "sick_frequent")
    assert [s.notice_ids for s in found] == [(1, 2, 3, 4, 5), (6, 7, 8, 9, 10)]


def test_notices_spread_over_more_than_12_lesweken_do_not_signal(timeline):
    tl = timeline(SchoolCalendar())
    five_notices(tl, date(2026, 9, 7), gap_days=21)  # the fifth starts in week 13
    assert tl.signals(date(2027, 3, 1), "sick_frequent") == []


def test_vacation_weeks_extend_the_12_lesweken(timeline, calendar):
    # From 7 September, 12 lesweken end on 29 November, or on 6 December with the autumn
    # vacation; the fifth notice starts on 1 December.
    starts = [date(2026, 9, 7), date(2026, 9, 28), date(2026, 10, 19), date(2026, 11, 9)]
    for cal, fires in ((calendar, True), (SchoolCalendar(), False)):
        tl = timeline(cal)
        for start in [*starts, date(2026, 12, 1)]:
            tl.notice(start, start)
        assert len(tl.signals(date(2027, 3, 1), "sick_frequent")) == int(fires)


def test_the_first_group_to_complete_wins(timeline):
    tl = timeline(SchoolCalendar())
    starts = [date(2026, 6, 1), date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21)]
    starts += [date(2026, 9, 28), date(2026, 10, 5)]
    for start in starts:
        tl.notice(start, start)
    [signal] = tl.signals(date(2027, 3, 1), "sick_frequent")
    assert signal.notice_ids == (2, 3, 4, 5, 6)
