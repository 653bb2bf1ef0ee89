"""One function per kind of rule, and ``evaluate`` that runs a student through all rules."""

import math
from bisect import bisect_left
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from .facts import AUTHORIZED
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
from .school_calendar import SchoolCalendar
from .scope import in_scope
from .sick import frequent_sick_groups
from .sick import long_sick_day
from .sick import sort_periods
from .streaks import build_streaks
from .streaks import covered_until
from .streaks import registration_sort_key
from .windows import WindowHit
from .windows import find_window_hits


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
    facts: StudentFacts, rule: RuleParams, calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Signals of a rule "at least X unauthorized hours within N lesweken"."""
    facts = cut_at(facts, as_of)
    minutes_by_day: dict[date, int] = defaultdict(int)
    for registration in facts.registrations:
        minutes_by_day[registration.day] += registration.unauthorized_minutes
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
    )
    unauthorized = sorted(
        (r for r in facts.registrations if r.unauthorized_minutes > 0), key=registration_sort_key
    )
    unauthorized_days = [r.day for r in unauthorized]
    signals = []
    for hit in hits:
        evidence = unauthorized[
            bisect_left(unauthorized_days, hit.start) : bisect_right(unauthorized_days, hit.end)
        ]
        minutes = sum(r.unauthorized_minutes for r in evidence)
        lrv = rule.lrv_after_repeats is not None and hit.repeat_number > rule.lrv_after_repeats
        note = _window_note(rule, hit, minutes, lrv)
        signals.append(
            _signal(
                rule,
                calendar,
                hit.start,
                hit.end,
                evidence,
                minutes,
                note=note,
                repeat_number=hit.repeat_number,
                lrv=lrv,
            )
        )
    return signals


def streak_signals(
    facts: StudentFacts, rule: RuleParams, calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Signals of a rule "unauthorized absence for N consecutive lesweken"."""
    facts = cut_at(facts, as_of)
    signals = []
    for streak in build_streaks(facts.registrations):
        end = covered_until(streak, calendar, rule.streak_lesweken)
        if end is None or end > as_of or not in_scope(rule, facts, end):
            continue
        evidence = [r for r in streak.registrations if r.day <= end]
        minutes = sum(r.unauthorized_minutes for r in evidence)
        note = (
            f"unauthorized absence in {rule.streak_lesweken} consecutive lesweken from "
            f"{streak.start} to {end} ({clock_hours(minutes):.2f} hours, not attended in between)"
        )
        signals.append(_signal(rule, calendar, streak.start, end, evidence, minutes, note=note))
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
}


def evaluate(
    facts: StudentFacts, rules: Iterable[RuleParams], calendar: SchoolCalendar, as_of: date
) -> list[Signal]:
    """Every signal of the student's history up to ``as_of`` for the active ``rules``.

    Deterministic, and blind to anything dated after ``as_of``. Sorted by rule code, then start.
    """
    facts = cut_at(facts, as_of)
    signals = []
    for rule in rules:
        if rule.active:
            signals.extend(RULE_KINDS[rule.kind](facts, rule, calendar, as_of))
    return sorted(signals, key=lambda s: (s.rule_code, s.date_start, s.date_end))


def _window_note(rule: RuleParams, hit: WindowHit, minutes: int, lrv: bool) -> str:
    note = f"{clock_hours(minutes):.2f} unauthorized hours between {hit.start} and {hit.end}"
    if hit.end != hit.reached:
        note += f" ({rule.threshold_hours:g} hours reached on {hit.reached})"
    if hit.repeat_number:
        note += f"; repeat report {hit.repeat_number} within one uninterrupted absence"
    if lrv:
        note += "; langdurig relatief verzuim (LRV)"
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
