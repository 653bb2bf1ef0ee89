"""Unauthorized absence in consecutive lesweken: rmc_4w, duo_contact, duo_ma (domain.md §7)."""

from datetime import date

from verzuim_builders import NINETEEN
from verzuim_builders import periods

from engine import AUTHORIZED
from engine import PRESENT
from engine import UNAUTHORIZED

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
    assert (contact.date_start, contact.date_end) == (date(2026, 9, 7), date(2026, 10, 4))
    assert contact.deadline == date(2026, 10, 7)  # the 3rd working day after
    assert (contact.hours, contact.count, len(contact.line_ids)) == (80.0, 20, 80)
    assert (rmc.date_start, rmc.date_end, rmc.deadline) == (
        date(2026, 9, 7),
        date(2026, 10, 4),
        date(2026, 10, 9),
    )
    # Blocks 5, 6, [19-25 October: vacation], 7, 8: the 8th lesweek ends on 8 November.
    assert (ma.date_start, ma.date_end, ma.deadline) == (
        date(2026, 9, 7),
        date(2026, 11, 8),
        date(2026, 11, 13),
    )
    assert (ma.hours, ma.count) == (160.0, 40)
    assert contact.note == (
        "unauthorized absence in 4 consecutive lesweken from 2026-09-07 to 2026-10-04 "
        "(80.00 hours, not attended in between)"
    )


def test_streak_signal_waits_for_the_end_of_the_lesweek(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 11, 6))
    assert streaks(tl, date(2026, 10, 3)) == []
    assert len(streaks(tl, date(2026, 10, 4))) == 1
    assert streaks(tl, date(2026, 11, 7), "duo_ma") == []
    assert len(streaks(tl, date(2026, 11, 8), "duo_ma")) == 1


def test_one_signal_per_streak_however_long(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 12, 18))
    for code in STREAK_RULES:
        assert len(streaks(tl, date(2027, 1, 31), code)) == 1


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
    assert (signal.date_start, signal.date_end) == (date(2026, 9, 28), date(2026, 11, 1))
    assert signal.hours == 79.0  # 3 + 14 * 4 + 5 * 4: the attended lesson is no evidence


def test_a_day_ending_with_attendance_breaks_the_streak(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    tl.day(date(2026, 9, 28), UNAUTHORIZED, UNAUTHORIZED, PRESENT)
    tl.absent(date(2026, 9, 29), date(2026, 11, 6))
    # Monday morning's absence lies in the 4th lesweek of the first streak: that one is
    # complete. The present lesson ends it; Tuesday starts the next one.
    assert periods(streaks(tl, date(2026, 11, 30))) == [
        (date(2026, 9, 7), date(2026, 10, 4)),
        (date(2026, 9, 29), date(2026, 10, 26)),
    ]


def test_order_within_the_day_not_the_order_of_input(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 18))
    tl.lesson(date(2026, 9, 21), PRESENT, hour=11)
    tl.lesson(date(2026, 9, 21), UNAUTHORIZED, hour=9)
    tl.absent(date(2026, 9, 22), date(2026, 10, 23))
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 22), date(2026, 10, 19))]


def test_coming_late_is_attending(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 18))
    tl.lesson(date(2026, 9, 21), UNAUTHORIZED, minutes=20, hour=15, attended=True)
    tl.absent(date(2026, 9, 22), date(2026, 10, 23))
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 22), date(2026, 10, 19))]


def test_authorized_absence_breaks_the_streak(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 22))
    tl.sick(date(2026, 9, 23))
    tl.absent(date(2026, 9, 24), date(2026, 11, 6))
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 24), date(2026, 10, 21))]


def test_a_day_starting_with_authorized_absence_can_start_the_streak(timeline):
    tl = timeline()
    tl.day(date(2026, 9, 7), AUTHORIZED, AUTHORIZED, UNAUTHORIZED)
    tl.absent(date(2026, 9, 8), date(2026, 10, 9))
    assert periods(streaks(tl, date(2026, 10, 31))) == [(date(2026, 9, 7), date(2026, 10, 4))]


def test_lessons_without_registration_neither_extend_nor_break(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 18))
    # Nothing registered from 21 to 25 September.
    tl.absent(date(2026, 9, 28), date(2026, 10, 2))
    [signal] = streaks(tl, date(2026, 10, 31))
    assert (signal.date_start, signal.date_end, signal.hours) == (
        date(2026, 9, 7),
        date(2026, 10, 4),
        60.0,
    )


def test_absence_in_a_later_lesweek_covers_an_unregistered_one(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 25))
    # Nothing registered in the 4th lesweek; absent again in the 5th, not attended in between.
    tl.absent(date(2026, 10, 5), date(2026, 10, 9))
    assert streaks(tl, date(2026, 10, 4)) == []
    assert periods(streaks(tl, date(2026, 10, 5))) == [(date(2026, 9, 7), date(2026, 10, 4))]


def test_absence_only_in_a_vacation_week_does_not_count(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 28), date(2026, 10, 16))
    tl.lesson(date(2026, 10, 20), hour=9)  # a lesson registered during the autumn vacation
    assert streaks(tl, date(2026, 11, 30)) == []
    tl.lesson(date(2026, 10, 26), hour=9)
    assert periods(streaks(tl, date(2026, 11, 30))) == [(date(2026, 9, 28), date(2026, 11, 1))]


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
    assert periods(streaks(tl, date(2026, 11, 30))) == [
        (date(2026, 9, 7), date(2026, 10, 4)),
        (date(2026, 10, 12), date(2026, 11, 15)),
    ]
