"""lrv_4w, langdurig relatief verzuim, and the pause it puts on legal_16h (domain.md §7)."""

from dataclasses import replace
from datetime import date

from verzuim_builders import NINETEEN
from verzuim_builders import SIXTEEN
from verzuim_builders import periods

from engine import DEFAULT_RULES
from engine import DEFAULT_RULES_BY_CODE
from engine import SchoolCalendar


def by_code(found, code):
    return [s for s in found if s.rule_code == code]


def test_lrv_is_a_streak_of_four_lesweken_in_the_leerplicht_scope(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 10, 9))
    [lrv] = tl.signals(date(2026, 10, 31), "lrv_4w", birth_date=SIXTEEN)
    assert (lrv.date_start, lrv.date_end, lrv.deadline) == (
        date(2026, 9, 7),
        date(2026, 10, 2),
        date(2026, 10, 9),
    )
    assert (lrv.hours, lrv.count, lrv.repeat_number) == (80.0, 20, 0)
    assert lrv.note == (
        "unauthorized absence in 4 consecutive lesweken from 2026-09-07 to 2026-10-02 "
        "(80.00 hours, not attended in between)"
    )
    assert tl.signals(date(2026, 10, 1), "lrv_4w") == []
    assert tl.signals(date(2026, 10, 31), "lrv_4w", birth_date=NINETEEN) == []
    assert tl.signals(date(2026, 10, 31), "lrv_4w", startkwalificatie=True) == []
    rule = DEFAULT_RULES_BY_CODE["lrv_4w"]
    assert (rule.streak_lesweken, rule.pauses, rule.max_age) == (4, "legal_16h", 18)


def test_no_16_hour_signal_for_a_window_after_the_lrv_end(timeline):
    tl = timeline(SchoolCalendar())
    tl.absent(date(2026, 9, 7), date(2026, 12, 18))
    found = tl.signals(date(2026, 12, 31))
    assert periods(by_code(found, "lrv_4w")) == [(date(2026, 9, 7), date(2026, 10, 2))]
    # 16 hours on Thursday 10 September, then every week (postponed to 7 days); the window
    # from Friday 2 October starts on the LRV end and is still raised, none after it.
    assert periods(by_code(found, "legal_16h")) == [
        (date(2026, 9, 7), date(2026, 9, 10)),
        (date(2026, 9, 11), date(2026, 9, 17)),
        (date(2026, 9, 18), date(2026, 9, 24)),
        (date(2026, 9, 25), date(2026, 10, 1)),
        (date(2026, 10, 2), date(2026, 10, 8)),
    ]
    # Without the LRV rule (switched off) the weekly reports go on.
    rules = [replace(r, active=r.code != "lrv_4w") for r in DEFAULT_RULES]
    assert len(tl.signals(date(2026, 12, 31), "legal_16h", rules=rules)) == 15


def test_legal_16h_fires_again_after_the_student_returns(timeline):
    tl = timeline(SchoolCalendar())
    tl.absent(date(2026, 9, 7), date(2026, 10, 30))
    tl.present(date(2026, 11, 2))
    tl.absent(date(2026, 11, 3), date(2026, 11, 30))
    found = tl.signals(date(2026, 12, 31))
    legal = by_code(found, "legal_16h")
    # Back on Monday 2 November: the absence from Tuesday is a new one. Its first 16 hours
    # (3-6 November) are a first report, not swallowed by a paused window from 30 October.
    assert periods(legal[5:]) == [
        (date(2026, 11, 3), date(2026, 11, 6)),
        (date(2026, 11, 9), date(2026, 11, 13)),
        (date(2026, 11, 16), date(2026, 11, 20)),
        (date(2026, 11, 23), date(2026, 11, 27)),
    ]
    assert [s.repeat_number for s in legal] == [0, 1, 2, 3, 4, 0, 1, 2, 3]
    assert legal[5].hours == 16.0
    # The new absence is a new LRV case once it covers 4 lesweken (blocks Tuesday .. Monday).
    assert periods(by_code(found, "lrv_4w")) == [
        (date(2026, 9, 7), date(2026, 10, 2)),
        (date(2026, 11, 3), date(2026, 11, 30)),
    ]


def test_an_authorized_absence_ends_the_pause_too(timeline):
    tl = timeline(SchoolCalendar())
    tl.absent(date(2026, 9, 7), date(2026, 10, 30))
    tl.sick(date(2026, 11, 2))
    tl.absent(date(2026, 11, 3), date(2026, 11, 6))
    legal = tl.signals(date(2026, 12, 31), "legal_16h")
    # The streak is broken, the absence not interrupted: the next report is a repeat of the
    # last one raised (2-8 October), far more than 7 days later, so not postponed.
    assert (legal[-1].date_start, legal[-1].date_end, legal[-1].repeat_number) == (
        date(2026, 11, 3),
        date(2026, 11, 6),
        5,
    )
    assert len(legal) == 6


def test_eighteen_at_the_end_of_the_fourth_block_is_rmc_not_lrv(timeline):
    tl = timeline(SchoolCalendar())
    tl.absent(date(2026, 9, 7), date(2026, 11, 27))
    turns_18 = date(2008, 10, 1)  # Thursday 1 October
    found = tl.signals(date(2026, 12, 31), birth_date=turns_18)
    assert by_code(found, "lrv_4w") == []
    # The 4th 16 hours were reached on Wednesday 30 September, at 17: scope is taken on that
    # day, also though the report is moved to Thursday 1 October. Nothing after that.
    assert [s.date_end for s in by_code(found, "legal_16h")] == [
        date(2026, 9, 10),
        date(2026, 9, 17),
        date(2026, 9, 24),
        date(2026, 10, 1),
    ]
    assert periods(by_code(found, "rmc_4w")) == [(date(2026, 9, 7), date(2026, 10, 2))]
