"""The engine's data: what goes in (facts, rule parameters) and what comes out (signals)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

PRESENT = "present"
AUTHORIZED = "authorized"
UNAUTHORIZED = "unauthorized"
CATEGORIES = (PRESENT, AUTHORIZED, UNAUTHORIZED)

WINDOW = "window"
STREAK = "streak"
SICK_LONG = "sick_long"
SICK_FREQUENT = "sick_frequent"
REASON = "reason"
KINDS = (WINDOW, STREAK, SICK_LONG, SICK_FREQUENT, REASON)

# The parameters each kind of rule cannot do without.
REQUIRED = {
    WINDOW: ("threshold_hours", "window_lesweken"),
    STREAK: ("streak_lesweken",),
    SICK_LONG: ("sick_days",),
    SICK_FREQUENT: ("sick_count", "window_lesweken"),
    REASON: ("reason_code",),
}


@dataclass(frozen=True)
class Registration:
    """One registered lesson, or the sum of a day's lessons with the same category and attended.

    ``order`` sorts the registrations of one day (a lesson start, or ``(day, seq)``); an aggregate
    carries its latest lesson start. ``minutes`` are the minutes missed: of the whole lesson for
    an absence, the minutes late or after removal for a registration with ``attended``.
    ``reason`` is the code of the reason (None when present).
    """

    line_ids: tuple[int, ...]
    day: date
    order: Any
    minutes: int
    category: str
    attended: bool
    reason: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "line_ids", tuple(self.line_ids))
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.minutes < 0:
            raise ValueError(f"negative minutes on {self.day}")

    @property
    def unauthorized_minutes(self) -> int:
        """Unauthorized minutes missed, late and removal minutes included."""
        return self.minutes if self.category == UNAUTHORIZED else 0

    def counted_minutes(self, count_late_minutes: bool) -> int:
        """Unauthorized minutes that count for a rule: without late and removal minutes (the
        student was there) when the rule counts whole lessons only."""
        if self.attended and not count_late_minutes:
            return 0
        return self.unauthorized_minutes

    @property
    def is_unauthorized_absence(self) -> bool:
        """Extends (or starts) a streak; every other registration breaks one."""
        return self.category == UNAUTHORIZED and not self.attended


@dataclass(frozen=True)
class SickPeriod:
    """A sick notice from ``start`` to ``end`` inclusive; ``end`` None while still open."""

    notice_id: int
    start: date
    end: date | None = None

    def __post_init__(self):
        if self.end is not None and self.end < self.start:
            raise ValueError(f"sick notice {self.notice_id} ends before it starts")


@dataclass(frozen=True)
class StudentFacts:
    """Everything the rules need to know about one student."""

    student_id: int
    birth_date: date | None = None
    startkwalificatie: bool = False
    level: str | None = None
    leerweg: str | None = None
    full_time: bool = True
    registrations: tuple[Registration, ...] = ()
    sick_periods: tuple[SickPeriod, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "registrations", tuple(self.registrations))
        object.__setattr__(self, "sick_periods", tuple(self.sick_periods))
        if self.level is not None:
            object.__setattr__(self, "level", str(self.level))


@dataclass(frozen=True, kw_only=True)
class RuleParams:
    """One rule record: its kind, thresholds, student scope and deadline.

    ``max_age`` is exclusive (under 18: ``max_age=18``); ``min_age`` inclusive. ``levels`` None
    means every level; ``leerweg`` None every pathway. ``count_late_minutes``: whether late and
    removal minutes count for an hours rule. ``pauses``: the code of an hours rule that raises
    nothing for a window starting after this streak rule's signal while its streak goes on
    (LRV pauses the 16 hours). ``reason_code``: the reason a reason rule looks for.
    """

    code: str
    kind: str
    active: bool = True
    threshold_hours: float | None = None
    window_lesweken: int | None = None
    streak_lesweken: int | None = None
    sick_days: int | None = None
    sick_count: int | None = None
    deadline_working_days: int = 5
    min_age: int | None = None
    max_age: int | None = None
    without_startkwalificatie: bool = False
    leerweg: str | None = None
    full_time_only: bool = False
    levels: frozenset[str] | None = None
    repeat_spacing_days: int | None = None
    count_late_minutes: bool = True
    pauses: str | None = None
    reason_code: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"rule {self.code}: unknown kind {self.kind!r}")
        missing = [name for name in REQUIRED[self.kind] if not getattr(self, name)]
        if missing:
            raise ValueError(f"rule {self.code}: {self.kind} needs {', '.join(missing)}")
        if self.levels is not None:
            object.__setattr__(self, "levels", frozenset(str(level) for level in self.levels))


@dataclass(frozen=True)
class Signal:
    """A rule that fired: the period, what it weighs, the evidence and the deadline.

    ``repeat_number`` is 0 for a first report and n for the n-th repeat within one uninterrupted
    absence.
    """

    rule_code: str
    date_start: date
    date_end: date
    hours: float
    count: int
    deadline: date
    line_ids: tuple[int, ...] = ()
    notice_ids: tuple[int, ...] = ()
    repeat_number: int = 0
    note: str = ""


def clock_hours(minutes: int) -> float:
    """Minutes as clock hours, rounded to 2 decimals."""
    return round(minutes / 60, 2)
