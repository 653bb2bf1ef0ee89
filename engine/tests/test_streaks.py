"""Unauthorized absence in consecutive lesweken: lrv_4w, rmc_4w, duo_contact, duo_ma (§6-7).

A streak's lesweken are the lesweek blocks from its first day (five school days each, plus the
days off that follow); a block without any registration is skipped; the streak covers N lesweken
at the end (last school day) of its N-th counted block if nothing broke it up to that day.
"""

from datetime import date

import pytest
from verzuim_builders import NINETEEN
from verzuim_builders import SIXTEEN
from verzuim_builders import autumn_break_calendar
from verzuim_builders import periods
from verzuim_builders import school_calendar

from engine import AUTHORIZED
from engine import PRESENT
from engine import UNAUTHORIZED
from engine import SchoolCalendar

STREAK_RULES = ("rmc_4w", "duo_contact", "duo_ma")


def streaks(tl, as_of, code="duo_contact"):
    """The signals of one streak rule for a 19-year-old in full-time BOL at level 2."""
    return tl.signals(as_of, code, birth_date=NINETEEN)


def test_duo_contact_and_duo_ma_on_one_eight_week_streak(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 11, 6))  # the autumn vacation lies in between
    [contact] = streaks(tl, date(2026, 11, 30), "duo_contact")
    [rmc] = streaks(tl, date(2026, 11, 30), "rmc_4w")
    [ma] = streaks(tl, date(2026, 11, 30), "duo_ma")
    # The 4th block ends on its last school day, Friday 2 October.
    assert (contact.date_start, contact.date_end) == (date(2026, 9, 7), date(2026, 10, 2))
    assert contact.deadline == date(2026, 10, 7)  # the 3rd working day after
    assert (contact.hours, contact.count, len(contact.line_ids)) == (80.0, 20, 80)
    assert (rmc.date_start, rmc.date_end, rmc.deadline) == (
        date(2026, 9, 7),
        date(2026, 10, 2),
        date(2026, 10, 9),
    )
    # Blocks 5, 6 (5-16 October; the vacation 17-25 October belongs to block 6), 7 (26-30
    # October), 8 (2-6 November): the 8th lesweek ends on Friday 6 November.
    assert (ma.date_start, ma.date_end, ma.deadline) == (
        date(2026, 9, 7),
        date(2026, 11, 6),
        date(2026, 11, 13),
    )
    assert (ma.hours, ma.count) == (160.0, 40)
    assert contact.note == (
        "unauthorized absence in 4 consecutive lesweken from 2026-09-07 to 2026-10-02 "
        "(80.00 hours, not attended in between)"
    )


def test_streak_signal_waits_for_the_end_of_the_lesweek(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 11, 6))
    assert streaks(tl, date(2026, 10, 1)) == []
    assert len(streaks(tl, date(2026, 10, 2))) == 1
    assert streaks(tl, date(2026, 11, 5), "duo_ma") == []
    assert len(streaks(tl, date(2026, 11, 6), "duo_ma")) == 1


def test_one_signal_per_streak_however_long(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 12, 18))
    for code in STREAK_RULES:
        assert len(streaks(tl, date(2027, 1, 31), code)) == 1
    assert len(tl.signals(date(2027, 1, 31), "lrv_4w", birth_date=SIXTEEN)) == 1


def test_three_weeks_are_not_enough(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    tl.present(date(2026, 9, 28))
    tl.absent(date(2026, 9, 29), date(2026, 10, 9))
    assert streaks(tl, date(2026, 10, 31)) == []


def test_attending_breaks_the_streak_and_a_later_absence_that_day_starts_one(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    tl.day(date(2026, 9, 28), PRESENT, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED)
    tl.absent(date(2026, 9, 29), date(2026, 11, 6))
    [signal] = streaks(tl, date(2026, 11, 30))
    # From Monday 28 September: four lesweken, the autumn vacation not counted.
    assert (signal.date_start, signal.date_end) == (date(2026, 9, 28), date(2026, 10, 30))
    assert signal.hours == 79.0  # 3 + 19 * 4: the attended lesson is no evidence


def test_a_return_in_the_nth_lesweek_breaks_the_streak_before_it_covers_n(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    tl.day(date(2026, 9, 28), UNAUTHORIZED, UNAUTHORIZED, PRESENT)
    tl.absent(date(2026, 9, 29), date(2026, 11, 6))
    # Monday morning's absence lies in the 4th lesweek of the first streak, but the student
    # came that afternoon: not absent all four lesweken, so no signal (it was one under the
    # old rule). Tuesday starts the next streak: blocks Tuesday .. Monday, the 3rd holds
    # 13-16 and 26 October, the 4th ends on Monday 2 November.
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 29), date(2026, 11, 2))]


def test_order_within_the_day_not_the_order_of_input(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 18))
    tl.lesson(date(2026, 9, 21), PRESENT, hour=11)
    tl.lesson(date(2026, 9, 21), UNAUTHORIZED, hour=9)
    tl.absent(date(2026, 9, 22), date(2026, 10, 23))
    # Blocks from Tuesday 22 September end on Mondays; the 4th holds 13-16 October and ends on
    # the 5th school day, Monday 26 October (the autumn vacation lies in between).
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 22), date(2026, 10, 26))]


def test_coming_late_is_attending(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 18))
    tl.late(date(2026, 9, 21), 20, hour=15)
    tl.absent(date(2026, 9, 22), date(2026, 10, 23))
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 22), date(2026, 10, 26))]


def test_authorized_absence_breaks_the_streak(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 22))
    tl.sick(date(2026, 9, 23))
    tl.absent(date(2026, 9, 24), date(2026, 11, 6))
    # Blocks Thursday .. Wednesday; the 4th holds 15-16 and 26-28 October.
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 24), date(2026, 10, 28))]


def test_a_day_starting_with_authorized_absence_can_start_the_streak(timeline):
    tl = timeline()
    tl.day(date(2026, 9, 7), AUTHORIZED, AUTHORIZED, UNAUTHORIZED)
    tl.absent(date(2026, 9, 8), date(2026, 10, 9))
    assert periods(streaks(tl, date(2026, 10, 31))) == [(date(2026, 9, 7), date(2026, 10, 2))]


def test_a_week_without_registrations_neither_counts_nor_breaks(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 18))
    # Nothing registered from 21 to 25 September (a work placement week): skipped.
    tl.absent(date(2026, 9, 28), date(2026, 10, 2))
    assert streaks(tl, date(2026, 10, 31)) == []  # three counted lesweken only
    tl.absent(date(2026, 10, 5), date(2026, 10, 9))
    [signal] = streaks(tl, date(2026, 10, 31))
    assert (signal.date_start, signal.date_end, signal.hours) == (
        date(2026, 9, 7),
        date(2026, 10, 9),
        80.0,
    )


def test_the_nth_counted_block_must_have_ended(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    # Nothing registered in the 4th lesweek; absent again in the 5th, not attended in between:
    # the 5th block is the 4th counted one, and it ends on Friday 9 October.
    tl.absent(date(2026, 10, 5), date(2026, 10, 9))
    assert streaks(tl, date(2026, 10, 8)) == []
    assert periods(streaks(tl, date(2026, 10, 9))) == [(date(2026, 9, 7), date(2026, 10, 9))]


def test_absence_in_a_vacation_belongs_to_the_block_before_it(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 28), date(2026, 10, 16))
    # A lesson registered during the autumn vacation belongs to block 3 (12-25 October): it
    # does not make a 4th lesweek.
    tl.lesson(date(2026, 10, 20), hour=9)
    assert streaks(tl, date(2026, 11, 30)) == []
    tl.lesson(date(2026, 10, 26), hour=9)
    [signal] = streaks(tl, date(2026, 11, 30))
    assert (signal.date_start, signal.date_end) == (date(2026, 9, 28), date(2026, 10, 30))
    assert signal.count == 17  # 15 school days, the vacation day and 26 October


def test_streak_starting_on_a_wednesday(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 9), date(2026, 10, 9))
    # Blocks Wednesday .. Tuesday: the 4th ends on Tuesday 6 October.
    assert periods(streaks(tl, date(2026, 10, 31))) == [(date(2026, 9, 9), date(2026, 10, 6))]


def test_two_streaks_two_signals(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 10, 2))
    tl.present(date(2026, 10, 5), date(2026, 10, 9))
    tl.absent(date(2026, 10, 12), date(2026, 11, 13))
    # The second: 12-16 October (and the vacation), 26-30 October, 2-6 and 9-13 November.
    assert periods(streaks(tl, date(2026, 11, 30))) == [
        (date(2026, 9, 7), date(2026, 10, 2)),
        (date(2026, 10, 12), date(2026, 11, 13)),
    ]


# Issue 7, point 2: streaks count the student's own lesweken, to their end.


def test_two_absent_days_nine_weeks_apart_are_no_long_absence(timeline):
    tl = timeline()
    tl.day(date(2026, 9, 7))
    tl.day(date(2026, 11, 9))  # nine weeks later, nothing registered in between
    for birth_date in (NINETEEN, SIXTEEN):
        found = tl.signals(date(2027, 1, 31), birth_date=birth_date)
        # One streak (nothing broke it), but it covers two counted lesweken, not nine.
        assert not [s for s in found if s.rule_code in (*STREAK_RULES, "lrv_4w")]
    # Two more registered lesweken make four: blocks 1, 9, 10 and 11 from 7 September.
    tl.day(date(2026, 11, 16))
    tl.day(date(2026, 11, 23))
    assert streaks(tl, date(2026, 11, 26), "rmc_4w") == []
    [rmc] = streaks(tl, date(2026, 11, 27), "rmc_4w")
    assert (rmc.date_start, rmc.date_end, rmc.count, rmc.hours) == (
        date(2026, 9, 7),
        date(2026, 11, 27),
        4,
        16.0,
    )


def test_back_on_the_tuesday_of_the_eighth_lesweek(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 11, 2))
    tl.present(date(2026, 11, 3), date(2026, 11, 30))
    found = tl.signals(date(2026, 12, 31), birth_date=NINETEEN)
    # DUO contact after 4 lesweken; the form needs "nog steeds afwezig" to the end of the 8th
    # (2-6 November), and the student came back on Tuesday 3 November.
    assert periods(s for s in found if s.rule_code == "duo_contact") == [
        (date(2026, 9, 7), date(2026, 10, 2))
    ]
    assert [s for s in found if s.rule_code == "duo_ma"] == []
    # Back on the Monday of the 9th lesweek: the 8th was complete.
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 11, 6))
    tl.present(date(2026, 11, 9))
    assert periods(streaks(tl, date(2026, 12, 31), "duo_ma")) == [
        (date(2026, 9, 7), date(2026, 11, 6))
    ]


@pytest.mark.parametrize("on_calendar", [SchoolCalendar(), school_calendar()])
def test_a_streak_period_ends_on_the_blocks_last_school_day(timeline, on_calendar):
    tl = timeline(on_calendar)
    tl.absent(date(2026, 9, 21), date(2026, 10, 16))
    # Without days off the 4th block ends on Friday 16 October; on the school calendar too,
    # although the autumn vacation after it belongs to the block (it lasts until the 25th).
    assert streaks(tl, date(2026, 10, 15), "rmc_4w") == []
    [signal] = streaks(tl, date(2026, 10, 16), "rmc_4w")
    assert (signal.date_start, signal.date_end, signal.deadline) == (
        date(2026, 9, 21),
        date(2026, 10, 16),
        date(2026, 10, 23),
    )


# Issue 7, point 3: scope is checked again while the streak goes on.
TURNS_18_ON_14_OCTOBER = date(2008, 10, 14)


@pytest.mark.parametrize(
    "on_calendar",
    [SchoolCalendar(), school_calendar(), autumn_break_calendar()],
    ids=["no days off", "school year", "autumn break from 19 October"],
)
def test_a_dropout_turning_18_moves_from_lrv_to_rmc(timeline, on_calendar):
    tl = timeline(on_calendar)
    tl.absent(date(2026, 9, 7), date(2026, 12, 18))  # every school day from Monday 7 September
    found = tl.signals(date(2026, 12, 31), birth_date=TURNS_18_ON_14_OCTOBER)
    [lrv] = [s for s in found if s.rule_code == "lrv_4w"]
    [rmc] = [s for s in found if s.rule_code == "rmc_4w"]
    # 17 at the end of the 4th block (Friday 2 October): LRV. 18 on Wednesday 14 October: the
    # end of the 5th block (9 October) is out of RMC's scope, the end of the 6th is in.
    assert (lrv.date_start, lrv.date_end, lrv.deadline) == (
        date(2026, 9, 7),
        date(2026, 10, 2),
        date(2026, 10, 9),
    )
    assert (rmc.date_start, rmc.date_end, rmc.deadline) == (
        date(2026, 9, 7),
        date(2026, 10, 16),
        date(2026, 10, 23),
    )
    assert rmc.hours == 120.0 and rmc.count == 30
    # DUO (full-time BOL level 2) follows the same way.
    [contact] = [s for s in found if s.rule_code == "duo_contact"]
    assert (contact.date_start, contact.date_end) == (date(2026, 9, 7), date(2026, 10, 16))


def test_no_rmc_when_the_streak_ends_before_the_birthday(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 10, 9))
    tl.present(date(2026, 10, 12))  # back before the 6th block ends, still 17
    tl.absent(date(2026, 10, 13), date(2026, 10, 16))
    found = tl.signals(date(2026, 12, 31), birth_date=TURNS_18_ON_14_OCTOBER)
    assert {s.rule_code for s in found} & {"rmc_4w", "duo_contact", "lrv_4w"} == {"lrv_4w"}


def test_a_block_counts_once_a_registration_on_its_days_off_is_known(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    # Nothing on the school days of the 4th block, a lesson on its Saturday.
    tl.lesson(date(2026, 10, 3))
    assert streaks(tl, date(2026, 10, 2), "rmc_4w") == []
    [signal] = streaks(tl, date(2026, 10, 3), "rmc_4w")
    # The block ends on its last school day; the Saturday lies after the end: no evidence.
    assert (signal.date_start, signal.date_end, signal.count) == (
        date(2026, 9, 7),
        date(2026, 10, 2),
        15,
    )


def test_a_return_on_the_blocks_days_off_does_not_undo_it(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 10, 2))
    tl.lesson(date(2026, 10, 3), PRESENT)  # a Saturday lesson attended
    tl.absent(date(2026, 10, 5), date(2026, 11, 6))
    # The first streak covered its 4 lesweken on Friday; the next starts on Monday (its 2nd
    # block holds the autumn vacation).
    assert periods(streaks(tl, date(2026, 11, 30), "rmc_4w")) == [
        (date(2026, 9, 7), date(2026, 10, 2)),
        (date(2026, 10, 5), date(2026, 11, 6)),
    ]
