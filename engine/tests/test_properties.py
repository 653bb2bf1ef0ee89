"""Properties that hold for any data (hypothesis, derandomized: the same examples every run)."""

from dataclasses import replace
from datetime import date
from datetime import datetime
from datetime import timedelta
from itertools import islice

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from verzuim_builders import NINETEEN
from verzuim_builders import SIXTEEN
from verzuim_builders import periods
from verzuim_builders import school_calendar

from engine import AUTHORIZED
from engine import DEFAULT_RULES
from engine import DEFAULT_RULES_BY_CODE
from engine import PRESENT
from engine import STREAK
from engine import UNAUTHORIZED
from engine import WINDOW
from engine import Registration
from engine import RuleParams
from engine import SchoolCalendar
from engine import SickPeriod
from engine import StudentFacts
from engine import evaluate
from engine import in_scope

FIRST_DAY = date(2026, 9, 7)
SPAN = 84  # twelve weeks of data
LATE = "late"  # attended, with unauthorized minutes
WINDOW_CODES = {r.code for r in DEFAULT_RULES if r.kind == WINDOW}
HOURS_CODES = WINDOW_CODES | {r.code for r in DEFAULT_RULES if r.kind == STREAK}
CALENDARS = {"plain": SchoolCalendar(), "school": school_calendar()}

fast = settings(max_examples=120, derandomize=True, database=None, deadline=None)

lessons = st.lists(
    st.tuples(
        st.integers(0, SPAN - 1),
        st.integers(8, 16),
        st.sampled_from([UNAUTHORIZED] * 4 + [AUTHORIZED, PRESENT, LATE]),
        st.sampled_from([30, 45, 60, 60, 90, 120, 240]),
    ),
    max_size=120,
)
# Mostly unauthorized absences on most school days: long streaks, LRV and the pause.
dense_lessons = st.lists(
    st.tuples(
        st.integers(0, SPAN - 1),
        st.integers(8, 16),
        st.sampled_from([UNAUTHORIZED] * 20 + [AUTHORIZED, PRESENT, LATE]),
        st.sampled_from([60, 120, 240]),
    ),
    min_size=20,
    max_size=160,
)


def truant_rows(length, interruptions):
    """Four unauthorized hours on every weekday of the first ``length`` days, and a few
    lessons attended or excused (or attended late) in between."""
    rows = [
        (offset, hour, UNAUTHORIZED, 60)
        for offset in range(length)
        if (FIRST_DAY + timedelta(days=offset)).weekday() < 5
        for hour in (9, 10, 11, 12)
    ]
    return rows + [(offset, 13, kind, 60) for offset, kind in interruptions]


# A student who stays away for weeks, now and then coming back for a lesson.
truants = st.builds(
    truant_rows,
    st.integers(20, SPAN),
    st.lists(
        st.tuples(st.integers(0, SPAN - 1), st.sampled_from([PRESENT, AUTHORIZED, LATE])),
        max_size=3,
    ),
)
streaky_lessons = st.one_of(dense_lessons, truants)
notices = st.lists(st.tuples(st.integers(0, SPAN - 1), st.none() | st.integers(0, 20)), max_size=8)
students = st.sampled_from([SIXTEEN, NINETEEN, date(2008, 10, 20), None])
calendars = st.sampled_from(sorted(CALENDARS))
as_ofs = st.integers(0, SPAN + 30).map(lambda offset: FIRST_DAY + timedelta(days=offset))


def registration(number, offset, hour, kind, minutes, shift=0):
    day = FIRST_DAY + timedelta(days=offset + shift)
    category = UNAUTHORIZED if kind == LATE else kind
    return Registration(
        line_ids=(number,),
        day=day,
        order=datetime(day.year, day.month, day.day, hour),
        minutes=min(minutes, 20) if kind == LATE else minutes,
        category=category,
        attended=kind in (PRESENT, LATE),
    )


def make_facts(lesson_rows, notice_rows, birth_date, shift=0):
    registrations = [registration(i, *row, shift=shift) for i, row in enumerate(lesson_rows)]
    periods = []
    for i, (offset, length) in enumerate(notice_rows):
        start = FIRST_DAY + timedelta(days=offset + shift)
        periods.append(SickPeriod(i, start, None if length is None else start + timedelta(length)))
    return StudentFacts(
        1, birth_date, level="2", leerweg="bol", registrations=registrations, sick_periods=periods
    )


def by_rule(signals, codes):
    found = {}
    for signal in signals:
        if signal.rule_code in codes:
            found.setdefault(signal.rule_code, []).append(signal)
    return found


@fast
@given(
    lessons,
    students,
    calendars,
    as_ofs,
    st.integers(0, SPAN - 1),
    st.integers(8, 16),
    st.sampled_from([30, 60, 240]),
)
def test_an_extra_unauthorized_absence_never_delays_or_removes_a_window_signal(
    rows, birth_date, calendar_name, as_of, offset, hour, minutes
):
    calendar = CALENDARS[calendar_name]
    facts = make_facts(rows, [], birth_date)
    extra = registration(999, offset, hour, UNAUTHORIZED, minutes)
    more = replace(facts, registrations=(*facts.registrations, extra))
    before = by_rule(evaluate(facts, DEFAULT_RULES, calendar, as_of), WINDOW_CODES)
    after = by_rule(evaluate(more, DEFAULT_RULES, calendar, as_of), WINDOW_CODES)
    for code, signals in before.items():
        assert code in after
        assert after[code][0].date_end <= signals[0].date_end


@fast
@given(lessons, notices, students, calendars, as_ofs)
def test_without_unauthorized_minutes_no_hour_or_streak_signal(
    rows, notice_rows, birth_date, calendar_name, as_of
):
    rows = [row for row in rows if row[2] in (AUTHORIZED, PRESENT)]
    facts = make_facts(rows, notice_rows, birth_date)
    found = evaluate(facts, DEFAULT_RULES, CALENDARS[calendar_name], as_of)
    assert not [s for s in found if s.rule_code in HOURS_CODES]


NO_SPACING = (
    DEFAULT_RULES_BY_CODE["unauthorized_10h"],
    replace(DEFAULT_RULES_BY_CODE["legal_16h"], repeat_spacing_days=None),
    RuleParams(code="any_16h", kind=WINDOW, threshold_hours=16, window_lesweken=4),
)


@fast
@given(lessons, students, calendars, as_ofs, st.integers(0, 10**6))
def test_excusing_an_absence_never_adds_a_window_signal(
    rows, birth_date, calendar_name, as_of, pick
):
    # Counting restarts after each signal, yet the signals are the greedy earliest-end choice of
    # disjoint windows, which is the largest number of disjoint windows: less data, no more.
    calendar = CALENDARS[calendar_name]
    facts = make_facts(rows, [], birth_date)
    unauthorized = [i for i, r in enumerate(facts.registrations) if r.category == UNAUTHORIZED]
    if not unauthorized:
        return
    index = unauthorized[pick % len(unauthorized)]
    excused = list(facts.registrations)
    excused[index] = replace(excused[index], category=AUTHORIZED)
    before = evaluate(facts, NO_SPACING, calendar, as_of)
    after = evaluate(replace(facts, registrations=excused), NO_SPACING, calendar, as_of)
    for rule in NO_SPACING:
        assert len([s for s in after if s.rule_code == rule.code]) <= len(
            [s for s in before if s.rule_code == rule.code]
        )


@fast
@given(lessons, notices, st.sampled_from([SIXTEEN, NINETEEN, None]), as_ofs, st.integers(-15, 15))
def test_shifting_everything_by_whole_weeks_shifts_the_signals(
    rows, notice_rows, birth_date, as_of, weeks
):
    calendar = SchoolCalendar()
    shift = 7 * weeks
    delta = timedelta(days=shift)
    found = evaluate(make_facts(rows, notice_rows, birth_date), DEFAULT_RULES, calendar, as_of)
    moved = evaluate(
        make_facts(rows, notice_rows, birth_date, shift=shift),
        DEFAULT_RULES,
        calendar,
        as_of + delta,
    )
    expected = [
        replace(
            s,
            date_start=s.date_start + delta,
            date_end=s.date_end + delta,
            deadline=s.deadline + delta,
            note="",
        )
        for s in found
    ]
    assert [replace(s, note="") for s in moved] == expected


@fast
@given(lessons, notices, students, calendars, as_ofs)
def test_nothing_after_as_of_counts(rows, notice_rows, birth_date, calendar_name, as_of):
    calendar = CALENDARS[calendar_name]
    facts = make_facts(rows, notice_rows, birth_date)
    found = evaluate(facts, DEFAULT_RULES, calendar, as_of)
    known = replace(
        facts,
        registrations=[r for r in facts.registrations if r.day <= as_of],
        sick_periods=[p for p in facts.sick_periods if p.start <= as_of],
    )
    assert evaluate(known, DEFAULT_RULES, calendar, as_of) == found
    assert all(s.date_start <= s.date_end <= as_of and s.date_end < s.deadline for s in found)


@fast
@given(lessons, notices, students, calendars, as_ofs, st.integers(1, 60))
def test_signals_stay_as_time_passes(rows, notice_rows, birth_date, calendar_name, as_of, days):
    calendar = CALENDARS[calendar_name]
    facts = make_facts(rows, notice_rows, birth_date)
    earlier = evaluate(facts, DEFAULT_RULES, calendar, as_of)
    later = evaluate(facts, DEFAULT_RULES, calendar, as_of + timedelta(days=days))
    assert set(earlier) <= set(later)


@fast
@given(lessons, students, calendars, as_ofs)
def test_window_signals_are_disjoint_and_reach_the_threshold(
    rows, birth_date, calendar_name, as_of
):
    calendar = CALENDARS[calendar_name]
    found = evaluate(make_facts(rows, [], birth_date), DEFAULT_RULES, calendar, as_of)
    for code, signals in by_rule(found, WINDOW_CODES).items():
        rule = DEFAULT_RULES_BY_CODE[code]
        for previous, signal in zip([None, *signals], signals, strict=False):
            assert signal.hours >= rule.threshold_hours
            assert previous is None or previous.date_end < signal.date_start
            if signal.repeat_number == 0:
                assert signal.date_end <= calendar.lesweek_end(signal.date_start, 4)


def naive_streak_signals(facts, rule, calendar, as_of):
    """(start, end) of each streak signal, day by day from domain.md §6-7 (an oracle)."""
    known = sorted(
        (r for r in facts.registrations if r.day <= as_of),
        key=lambda r: (r.day, r.order, not r.is_unauthorized_absence, r.line_ids),
    )
    streaks, start = [], None
    for r in known:
        if r.is_unauthorized_absence and start is None:
            start = r.day
        elif not r.is_unauthorized_absence and start is not None:
            streaks.append((start, r.day))
            start = None
    if start is not None:
        streaks.append((start, None))
    registration_days = {r.day for r in known}
    found = []
    for start, broken in streaks:
        # Block of each day: the school days on or after the start, five to a block, and
        # each day off with the school days before it.
        block_of, school_days, ends = {}, 0, []
        day = start
        while day <= as_of:
            if calendar.is_school_day(day):
                school_days += 1
                if school_days % 5 == 0:
                    ends.append(day)
            block_of[day] = max(1, -(-school_days // 5))
            day += timedelta(days=1)
        counted_blocks = {block_of[d] for d in registration_days if start <= d <= as_of}
        counted = 0
        for number, end in enumerate(ends, start=1):
            if broken is not None and broken <= end:
                break
            if number in counted_blocks:
                counted += 1
                if counted >= rule.streak_lesweken and in_scope(rule, facts, end):
                    found.append((start, end))
                    break
    return found


@fast
@given(streaky_lessons, students, calendars, as_ofs)
def test_streak_signals_match_the_block_rule(rows, birth_date, calendar_name, as_of):
    calendar = CALENDARS[calendar_name]
    facts = make_facts(rows, [], birth_date)
    lines = {r.line_ids[0]: r for r in facts.registrations}
    found = evaluate(facts, DEFAULT_RULES, calendar, as_of)
    for rule in DEFAULT_RULES:
        if rule.kind != STREAK:
            continue
        signals = [s for s in found if s.rule_code == rule.code]
        assert periods(signals) == naive_streak_signals(facts, rule, calendar, as_of)
        for signal in signals:
            # The period ends on a block end, at least N lesweken from the start.
            assert calendar.is_school_day(signal.date_end)
            assert signal.date_end >= calendar.lesweek_end(signal.date_start, rule.streak_lesweken)
            assert any(
                block.end == signal.date_end
                for block in islice(calendar.lesweek_blocks(signal.date_start), 60)
            )
            evidence = [lines[i] for i in signal.line_ids]
            assert evidence[0].day == signal.date_start
            assert all(r.category == UNAUTHORIZED and not r.attended for r in evidence)
            assert all(r.day <= signal.date_end for r in evidence)
            # Nothing broke the streak up to and including its end.
            assert not [
                r
                for r in facts.registrations
                if signal.date_start < r.day <= signal.date_end and not r.is_unauthorized_absence
            ]


@fast
@given(streaky_lessons, students, calendars, as_ofs)
def test_no_16_hours_window_starts_inside_an_lrv_case(rows, birth_date, calendar_name, as_of):
    calendar = CALENDARS[calendar_name]
    facts = make_facts(rows, [], birth_date)
    found = evaluate(facts, DEFAULT_RULES, calendar, as_of)
    breaks = sorted(r.day for r in facts.registrations if not r.is_unauthorized_absence)
    for lrv in (s for s in found if s.rule_code == "lrv_4w"):
        broken = next((day for day in breaks if day > lrv.date_end), None)
        for signal in (s for s in found if s.rule_code == "legal_16h"):
            assert not (
                lrv.date_end < signal.date_start and (broken is None or signal.date_start < broken)
            )
