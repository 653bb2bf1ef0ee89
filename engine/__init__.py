"""The verzuim rule engine: plain Python, no ORM (see docs/engine.md).

Facts about one student and the rule settings go in; signals come out.
"""

from .defaults import DEFAULT_RULES
from .defaults import DEFAULT_RULES_BY_CODE
from .facts import AUTHORIZED
from .facts import PRESENT
from .facts import REASON
from .facts import SICK_FREQUENT
from .facts import SICK_LONG
from .facts import STREAK
from .facts import UNAUTHORIZED
from .facts import WINDOW
from .facts import Registration
from .facts import RuleParams
from .facts import SickPeriod
from .facts import Signal
from .facts import StudentFacts
from .facts import clock_hours
from .obligation import age_on
from .obligation import obligation
from .rules import cut_at
from .rules import evaluate
from .rules import reason_signals
from .rules import sick_frequent_signals
from .rules import sick_long_signals
from .rules import streak_signals
from .rules import window_signals
from .school_calendar import LesweekBlock
from .school_calendar import SchoolCalendar
from .scope import in_scope

__all__ = [
    "AUTHORIZED",
    "DEFAULT_RULES",
    "DEFAULT_RULES_BY_CODE",
    "PRESENT",
    "REASON",
    "SICK_FREQUENT",
    "SICK_LONG",
    "STREAK",
    "UNAUTHORIZED",
    "WINDOW",
    "LesweekBlock",
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
    "reason_signals",
    "sick_frequent_signals",
    "sick_long_signals",
    "streak_signals",
    "window_signals",
]
