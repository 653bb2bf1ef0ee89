"""Stable as time passes (issue 7, point 8): evaluating night after night with the same data
changes no signal once emitted; only a luxe signal's end (hours, evidence) grows with its run."""

from dataclasses import replace
from datetime import date
from datetime import datetime
from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from verzuim_builders import NINETEEN
from verzuim_builders import SIXTEEN
from verzuim_builders import Timeline
from verzuim_builders import days
from verzuim_builders import school_calendar

from engine import AUTHORIZED
from engine import DEFAULT_RULES
from engine import PRESENT
from engine import UNAUTHORIZED
from engine import Registration
from engine import SchoolCalendar
from engine import SickPeriod
from engine import StudentFacts
from engine import evaluate

FIRST_DAY = date(2026, 9, 7)
SPAN = 84
LATE, LUXE = "late", "luxe"
CALENDARS = (SchoolCalendar(), school_calendar())

fast = settings(max_examples=60, derandomize=True, database=None, deadline=None)

lessons = st.lists(
    st.tuples(
        st.integers(0, SPAN - 1),
        st.integers(8, 16),
        st.sampled_from([UNAUTHORIZED] * 6 + [LUXE] * 3 + [AUTHORIZED, PRESENT, LATE]),
        st.sampled_from([60, 120, 240]),
    ),
    max_size=140,
)


def with_runs(rows, runs):
    """``rows`` and, for each run (first offset, length), a luxe absence on every weekday."""
    luxe_rows = [
        (offset, 10, LUXE, 60)
        for first, length in runs
        for offset in range(first, min(first + length, SPAN))
        if (FIRST_DAY + timedelta(days=offset)).weekday() < 5
    ]
    return rows + luxe_rows


# Runs of luxe days and long absences, among other lessons.
eventful = st.builds(
    with_runs,
    lessons,
    st.lists(st.tuples(st.integers(0, SPAN - 1), st.integers(1, 40)), min_size=1, max_size=4),
)
notices = st.lists(st.tuples(st.integers(0, SPAN - 1), st.none() | st.integers(0, 20)), max_size=6)


def make_facts(rows, notice_rows, birth_date):
    registrations = []
    for number, (offset, hour, kind, minutes) in enumerate(rows):
        day = FIRST_DAY + timedelta(days=offset)
        registrations.append(
            Registration(
                line_ids=(number,),
                day=day,
                order=datetime(day.year, day.month, day.day, hour),
                minutes=20 if kind == LATE else minutes,
                category=kind if kind in (AUTHORIZED, PRESENT) else UNAUTHORIZED,
                attended=kind in (PRESENT, LATE),
                reason=LUXE if kind == LUXE else None,
            )
        )
    periods = [
        SickPeriod(i, start, None if length is None else start + timedelta(length))
        for i, (offset, length) in enumerate(notice_rows)
        for start in [FIRST_DAY + timedelta(days=offset)]
    ]
    return StudentFacts(
        1, birth_date, level="2", leerweg="bol", registrations=registrations, sick_periods=periods
    )


def keyed(signals):
    """The signals by the key the Odoo side matches them on: rule and start (and notice)."""
    found = {(s.rule_code, s.date_start, s.notice_ids): s for s in signals}
    assert len(found) == len(signals)
    return found


def grown(before, after):
    """A luxe signal whose run grew: same start and deadline, the evidence extended."""
    return (
        before.rule_code == after.rule_code == LUXE
        and (after.date_start, after.deadline) == (before.date_start, before.deadline)
        and after.date_end > before.date_end
        and after.line_ids[: len(before.line_ids)] == before.line_ids
        and after.hours > before.hours
        and after.count > before.count
    )


@fast
@given(
    eventful,
    notices,
    st.sampled_from([SIXTEEN, NINETEEN, date(2008, 10, 20), None]),
    st.sampled_from(range(len(CALENDARS))),
    st.integers(-1, SPAN - 20),
)
def test_a_signal_once_emitted_stays_as_the_days_pass(
    rows, notice_rows, birth_date, calendar_index, first
):
    calendar = CALENDARS[calendar_index]
    facts = make_facts(rows, notice_rows, birth_date)
    previous = {}
    for as_of in days(FIRST_DAY + timedelta(days=first), FIRST_DAY + timedelta(days=first + 60)):
        current = keyed(evaluate(facts, DEFAULT_RULES, calendar, as_of))
        assert all(s.date_end <= as_of for s in current.values())
        for key, before in previous.items():
            assert key in current, f"{key} vanished on {as_of}"
            after = current[key]
            assert after == before or grown(before, after), f"{key} changed on {as_of}"
        previous = current


LONG_ABSENCE = (date(2025, 9, 1), date(2026, 12, 31))


@pytest.fixture(scope="module")
def long_absence():
    """Absent (unauthorized) from every lesson of every school day for 16 months."""
    tl = Timeline(school_calendar())
    tl.absent(*LONG_ABSENCE)
    return tl


@pytest.mark.parametrize(
    "birth_date",
    [SIXTEEN, date(2008, 3, 1), NINETEEN],
    ids=["16", "turns 18 on 1 March 2026", "19"],
)
def test_an_absence_of_over_a_year_gives_the_same_signals_every_day(long_absence, birth_date):
    first = date(2026, 11, 2)  # the absence is 14 months old
    nights = days(first, first + timedelta(days=29))
    found = {as_of: long_absence.signals(as_of, birth_date=birth_date) for as_of in nights}
    last = found[nights[-1]]
    before = [s for s in last if s.date_end < first]
    assert len(before) >= 19  # 16 pedagogical signals, and the legal ones
    for as_of in nights:
        # Every night the same signals: those raised before the first night never change, and
        # the others are exactly the ones whose end has come (a postponed repeat that started
        # before the first night is raised on its end).
        assert [s for s in found[as_of] if s.date_end < first] == before
        assert found[as_of] == [s for s in last if s.date_end <= as_of]
    # One long absence is one streak: one signal per streak rule in scope, however long.
    streak_codes = [
        s.rule_code for s in last if s.rule_code.endswith("_4w") or "duo" in s.rule_code
    ]
    assert len(streak_codes) == len(set(streak_codes))
    # The pedagogical signal comes once a month, the 16 hours are paused by LRV.
    ten = [s for s in last if s.rule_code == "unauthorized_10h"]
    assert all((later.date_end - earlier.date_end).days >= 28 for earlier, later in pairwise(ten))
    assert len([s for s in last if s.date_start >= first]) <= 2
    lrv = [s for s in last if s.rule_code == "lrv_4w"]
    legal = [s for s in last if s.rule_code == "legal_16h"]
    assert all(s.date_start <= lrv[0].date_end for s in legal)


def test_the_long_absence_moves_from_lrv_to_rmc_and_duo_once(long_absence):
    found = long_absence.signals(date(2026, 12, 1), birth_date=date(2008, 3, 1))
    streaks = {s.rule_code: (s.date_start, s.date_end) for s in found if "_4w" in s.rule_code}
    duo = {s.rule_code: (s.date_start, s.date_end) for s in found if "duo" in s.rule_code}
    # 17 at the end of the 4th lesweek (Friday 26 September 2025); 18 on Sunday 1 March 2026,
    # so RMC and DUO at the end of the first block after it, Friday 6 March 2026.
    assert streaks == {
        "lrv_4w": (date(2025, 9, 1), date(2025, 9, 26)),
        "rmc_4w": (date(2025, 9, 1), date(2026, 3, 6)),
    }
    assert duo == {
        "duo_contact": (date(2025, 9, 1), date(2026, 3, 6)),
        "duo_ma": (date(2025, 9, 1), date(2026, 3, 6)),
    }


def test_the_engine_needs_the_absence_from_its_start(long_absence):
    # The caller passes the registrations from before the look-back for an absence still
    # going on (verzuim.facts). Cut at a day that moves every night, the streak would seem to
    # start anew each night: a new DUO signal every school day.
    facts = long_absence.facts(birth_date=NINETEEN)
    starts = set()
    for as_of in days(date(2026, 11, 2), date(2026, 11, 6)):
        cut_from = as_of - timedelta(days=371)
        moving = replace(facts, registrations=[r for r in facts.registrations if r.day >= cut_from])
        found = evaluate(moving, DEFAULT_RULES, long_absence.calendar, as_of)
        starts |= {s.date_start for s in found if s.rule_code == "duo_ma"}
    assert len(starts) == 5
    whole = [
        {s.date_start for s in long_absence.signals(as_of, "duo_ma", birth_date=NINETEEN)}
        for as_of in days(date(2026, 11, 2), date(2026, 11, 6))
    ]
    assert whole == [{LONG_ABSENCE[0]}] * 5
