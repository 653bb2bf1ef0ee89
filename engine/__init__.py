"""The verzuim rule engine: plain Python, no ORM (see docs/engine.md).

Facts about one student and the rule settings go in; signals come out.
"""

from .defaults import DEFAULT_RULES, DEFAULT_RULES_BY_CODE
from .facts import (
    AUTHORIZED,
    PRESENT,
    SICK_FREQUENT,
    SICK_LONG,
    STREAK,
    UNAUTHORIZED,
    WINDOW,
    Registration,
    RuleParams,
    SickPeriod,
    Signal,
    StudentFacts,
    clock_hours,
)
from .obligation import age_on, obligation
from .rules import (
    cut_at,
    evaluate,
    sick_frequent_signals,
    sick_long_signals,
    streak_signals,
    window_signals,
)
from .school_calendar import SchoolCalendar
from .scope import in_scope

__all__ = [
    "AUTHORIZED",
    "DEFAULT_RULES",
    "DEFAULT_RULES_BY_CODE",
    "PRESENT",
    "SICK_FREQUENT",
    "SICK_LONG",
    "STREAK",
    "UNAUTHORIZED",
    "WINDOW",
    "Registration",
    "RuleParams",
    "SchoolCalendar",
    "SickPeriod",
    "Signal",
    "StudentFacts",
    "age_on",
    "clock_hours",
    "cut_at",
    "evaluate",
    "in_scope",
    "obligation",
    "sick_frequent_signals",
    "sick_long_signals",
    "streak_signals",
    "window_signals",
]
