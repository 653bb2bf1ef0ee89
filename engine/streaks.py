"""Streaks of unauthorized absence in consecutive lesweken (RMC, DUO)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from .facts import Registration
from .school_calendar import SchoolCalendar


@dataclass(frozen=True)
class Streak:
    """Unauthorized absences with no attendance or authorized absence between them."""

    registrations: tuple[Registration, ...]

    @property
    def start(self) -> date:
        """The day of the streak's first unauthorized absence."""
        return self.registrations[0].day


def registration_sort_key(registration: Registration):
    """Day, then order within the day; on a tie the registration that breaks a streak is last."""
    return (
        registration.day,
        registration.order,
        not registration.is_unauthorized_absence,
        registration.line_ids,
    )


def build_streaks(registrations: Iterable[Registration]) -> list[Streak]:
    """Split the registrations into streaks, oldest first.

    A streak starts at the first unauthorized absence after a registration that breaks it
    (attended, authorized absence) and ends before the next such registration.
    """
    streaks: list[Streak] = []
    current: list[Registration] = []
    for registration in sorted(registrations, key=registration_sort_key):
        if registration.is_unauthorized_absence:
            current.append(registration)
        elif current:
            streaks.append(Streak(tuple(current)))
            current = []
    if current:
        streaks.append(Streak(tuple(current)))
    return streaks


def covered_until(streak: Streak, calendar: SchoolCalendar, lesweken: int) -> date | None:
    """Last day of the ``lesweken``-th lesweek of the streak, or None if it does not get there.

    The streak covers N lesweken once it holds an unauthorized absence in the N-th counting
    block from its start, or in a later counting block (it was not broken in between).
    """
    start = streak.start
    before = (
        calendar.lesweek_end(start, lesweken - 1) if lesweken > 1 else start - timedelta(days=1)
    )
    for registration in streak.registrations:
        if registration.day <= before:
            continue
        block = start + timedelta(days=7 * ((registration.day - start).days // 7))
        if calendar.block_has_school_day(block):
            return calendar.lesweek_end(start, lesweken)
    return None
