"""One function per kind of rule, and ``evaluate`` that runs a student through all rules."""

import math
from bisect import bisect_left
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from .facts import AUTHORIZED
from .facts import REASON
from .facts import SICK_FREQUENT
from .facts import SICK_LONG
from .facts import STREAK
from .facts import WINDOW
from .facts import Registration
from .facts import RuleParams
from .facts import SickPeriod
from .facts import Signal
from .facts import StudentFacts
from .facts import clock_hours
from .reason_runs import reason_runs
from .school_calendar import SchoolCalendar
from .scope import in_scope
from .sick import frequent_sick_groups
from .sick import long_sick_day
from .sick import sort_periods
from .streaks import Streak
from .streaks import build_streaks
from .streaks import covered_block_ends
from .streaks import registration_sort_key
from .windows import WindowHit
from .windows import find_window_hits

# A pause: (signal end, day the streak was broken or None). Windows of the paused rule that
# start after the end and before the break raise nothing.
Pause = tuple[date, date | None]


def cut_at(facts: StudentFacts, as_of: date) -> StudentFacts:
    """The facts as known on ``as_of``: later registrations and notices left out, sick periods
    that end later treated as still open."""
    if all(r.day <= as_of for r in facts.registrations) and all(
        p.start <= as_of and (p.end is None or p.end <= as_of) for p in facts.sick_periods
    ):
        return facts
    registrations = tuple(r for r in facts.registrations if r.day <= as_of)
    periods = tuple(
        period if period.end is None or period.end <= as_of else replace(period, end=None)
        for period in facts.sick_periods
        if period.start <= as_of
    )
    return replace(facts, registrations=registrations, sick_periods=periods)


def window_signals(
    facts: StudentFacts,
    rule: RuleParams,
    calendar: SchoolCalendar,
    as_of: date,
    pauses: Iterable[Pause] = (),
) -> list[Signal]:
    """Signals of a rule "at least X unauthorized hours within N lesweken".

    A window that starts inside one of ``pauses`` is no candidate at all: it raises nothing,
    counting does not restart after it and a later signal is no repeat of it.
    """
    facts = cut_at(facts, as_of)
    pauses = list(pauses)
    count_late = rule.count_late_minutes
    minutes_by_day: dict[date, int] = defaultdict(int)
    for registration in facts.registrations:
        minutes_by_day[registration.day] += registration.counted_minutes(count_late)
    attended_days = sorted({r.day for r in facts.registrations if r.attended})
    threshold = math.ceil(round(rule.threshold_hours * 60, 6))
    hits = find_window_hits(
        minutes_by_day,
        attended_days,
        calendar,
        rule.window_lesweken,
        threshold,
        as_of,
        lambda day: in_scope(rule, facts, day),
        rule.repeat_spacing_days,
        lambda day: not _paused(pauses, day),
    )
    counted = sorted(
        (r for r in facts.registrations if r.counted_minutes(count_late) > 0),
        key=registration_sort_key,
    )
    counted_days = [r.day for r in counted]
    signals = []
    for hit in hits:
        evidence = counted[
            bisect_left(counted_days, hit.start) : bisect_right(counted_days, hit.end)
        ]
        minutes = sum(r.counted_minutes(count_late) for r in evidence)
        signals.append(
            _signal(
                rule,
                calendar,
                hit.start,
                hit.end,
                evidence,
                minutes,
                note=_window_note(rule, hit, minutes),
                repeat_number=hit.repeat_number,
            )
        )
    return signals


def streak_signals(
    facts: StudentFacts, rule: RuleParams, calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Signals of a rule "unauthorized absence for N consecutive lesweken"."""
    return [signal for signal, _streak in _streak_findings(facts, rule, calendar, as_of)]


def _streak_findings(facts, rule, calendar, as_of, streaks=None) -> list[tuple[Signal, Streak]]:
    """Each streak's signal: at the first counted block end, from the N-th on, on which the
    student is in scope while the streak goes on. ``streaks``: build_streaks of the facts as
    of ``as_of``, when the caller has them already."""
    facts = cut_at(facts, as_of)
    registration_days = sorted({r.day for r in facts.registrations})
    found = []
    for streak in build_streaks(facts.registrations) if streaks is None else streaks:
        # Each counted lesweek holds a day of the streak: fewer days cover fewer lesweken.
        if len({r.day for r in streak.registrations}) < rule.streak_lesweken:
            continue
        ends = covered_block_ends(streak, registration_days, calendar, rule.streak_lesweken, as_of)
        end = next((day for day in ends if in_scope(rule, facts, day)), None)
        if end is None:
            continue
        evidence = [r for r in streak.registrations if r.day <= end]
        minutes = sum(r.unauthorized_minutes for r in evidence)
        note = (
            f"unauthorized absence in {rule.streak_lesweken} consecutive lesweken from "
            f"{streak.start} to {end} ({clock_hours(minutes):.2f} hours, not attended in between)"
        )
        found.append(
            (_signal(rule, calendar, streak.start, end, evidence, minutes, note=note), streak)
        )
    return found


def reason_signals(
    facts: StudentFacts, rule: RuleParams, calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Signals of a rule "an absence with reason X": one per run of such days, from its first
    day; the period grows with the run, the deadline counts from its first day."""
    facts = cut_at(facts, as_of)
    signals = []
    for run in reason_runs(facts.registrations, rule.reason_code, calendar):
        start, end = run[0].day, run[-1].day
        if not in_scope(rule, facts, start):
            continue
        minutes = sum(r.minutes for r in run)
        note = f"absence with reason {rule.reason_code} from {start} to {end}"
        signal = _signal(rule, calendar, start, end, run, minutes, note=note)
        signals.append(
            replace(
                signal, deadline=calendar.nth_working_day_after(start, rule.deadline_working_days)
            )
        )
    return signals


def sick_long_signals(
    facts: StudentFacts, rule: RuleParams, calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Signals of a rule "one sick period lasts at least N calendar days"."""
    facts = cut_at(facts, as_of)
    signals = []
    for period in sort_periods(facts.sick_periods):
        end = long_sick_day(period, rule.sick_days, as_of)
        if end is None or not in_scope(rule, facts, end):
            continue
        evidence = _authorized_between(facts.registrations, period.start, end)
        minutes = sum(r.minutes for r in evidence)
        note = f"sick for {rule.sick_days} calendar days from {period.start} to {end}"
        signals.append(
            _signal(
                rule,
                calendar,
                period.start,
                end,
                evidence,
                minutes,
                count=rule.sick_days,
                notice_ids=(period.notice_id,),
                note=note,
            )
        )
    return signals


def sick_frequent_signals(
    facts: StudentFacts, rule: RuleParams, calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Signals of a rule "N sick periods start within M lesweken"."""
    facts = cut_at(facts, as_of)
    groups = frequent_sick_groups(
        facts.sick_periods,
        calendar,
        rule.sick_count,
        rule.window_lesweken,
        lambda day: in_scope(rule, facts, day),
    )
    signals = []
    for group in groups:
        start, end = group[0].start, group[-1].start
        evidence = _authorized_between(facts.registrations, start, end, group)
        minutes = sum(r.minutes for r in evidence)
        note = f"{len(group)} sick notices started between {start} and {end}"
        signals.append(
            _signal(
                rule,
                calendar,
                start,
                end,
                evidence,
                minutes,
                count=len(group),
                notice_ids=tuple(period.notice_id for period in group),
                note=note,
            )
        )
    return signals


RULE_KINDS = {
    WINDOW: window_signals,
    STREAK: streak_signals,
    SICK_LONG: sick_long_signals,
    SICK_FREQUENT: sick_frequent_signals,
    REASON: reason_signals,
}


def evaluate(
    facts: StudentFacts, rules: Iterable[RuleParams], calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Every signal of the student's history up to ``as_of`` for the active ``rules``.

    Deterministic, and blind to anything dated after ``as_of``. Sorted by rule code, then start.
    Streak rules that pause an hours rule (LRV pauses the 16 hours) run first.
    """
    facts = cut_at(facts, as_of)
    active = sorted((rule for rule in rules if rule.active), key=lambda rule: not rule.pauses)
    pauses: dict[str, list[Pause]] = defaultdict(list)
    signals = []
    streaks = None
    for rule in active:
        if rule.kind == STREAK:
            if streaks is None:
                streaks = build_streaks(facts.registrations)
            for signal, streak in _streak_findings(facts, rule, calendar, as_of, streaks):
                signals.append(signal)
                if rule.pauses:
                    pauses[rule.pauses].append((signal.date_end, streak.broken_on))
        elif rule.kind == WINDOW:
            signals.extend(window_signals(facts, rule, calendar, as_of, pauses[rule.code]))
        else:
            signals.extend(RULE_KINDS[rule.kind](facts, rule, calendar, as_of))
    return sorted(signals, key=lambda s: (s.rule_code, s.date_start, s.date_end))


def _paused(pauses: Iterable[Pause], day: date) -> bool:
    """Whether a window starting on ``day`` starts after a pausing signal's end and before its
    streak was broken."""
    return any(end < day and (broken is None or day < broken) for end, broken in pauses)


def _window_note(rule: RuleParams, hit: WindowHit, minutes: int) -> str:
    note = f"{clock_hours(minutes):.2f} unauthorized hours between {hit.start} and {hit.end}"
    if hit.end != hit.reached:
        note += f" ({rule.threshold_hours:g} hours reached on {hit.reached})"
    if hit.repeat_number:
        note += f"; repeat report {hit.repeat_number} within one uninterrupted absence"
    return note


def _authorized_between(
    registrations, start: date, end: date, periods: Iterable[SickPeriod] | None = None
) -> list[Registration]:
    """Authorized absences in ``start`` .. ``end`` (within one of ``periods``, if given)."""
    found = []
    for registration in sorted(registrations, key=registration_sort_key):
        if registration.category != AUTHORIZED or registration.attended:
            continue
        if not start <= registration.day <= end:
            continue
        if periods is None or any(_covers(period, registration.day) for period in periods):
            found.append(registration)
    return found


def _covers(period: SickPeriod, day: date) -> bool:
    return period.start <= day and (period.end is None or day <= period.end)


def _signal(rule, calendar, start, end, evidence, minutes, count=None, **values) -> Signal:
    if count is None:
        count = len({r.day for r in evidence})
    return Signal(
        rule_code=rule.code,
        date_start=start,
        date_end=end,
        hours=clock_hours(minutes),
        count=count,
        deadline=calendar.nth_working_day_after(end, rule.deadline_working_days),
        line_ids=tuple(line_id for r in evidence for line_id in r.line_ids),
        **values,
    )
