"""Streaks of unauthorized absence in consecutive lesweken (LRV, RMC, DUO)."""

from bisect import bisect_left
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .facts import Registration
from .school_calendar import SchoolCalendar


@dataclass(frozen=True)
class Streak:
    """Unauthorized absences with no attendance or authorized absence between them.

    ``broken_on`` is the day of the registration that ended the streak, None while it goes on.
    """

    registrations: tuple[Registration, ...]
    broken_on: date | None = None

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
            streaks.append(Streak(tuple(current), registration.day))
            current = []
    if current:
        streaks.append(Streak(tuple(current)))
    return streaks


def covered_block_ends(
    streak: Streak,
    registration_days: Sequence[date],
    calendar: SchoolCalendar,
    lesweken: int,
    as_of: date,
) -> Iterator[date]:
    """The days on which the streak covers ``lesweken`` lesweken or more (domain.md §7).

    Lesweek blocks from the streak's first day that hold no registration of the student at all
    (``registration_days``, sorted) are skipped. From the ``lesweken``-th counted block on, each
    counted block's last school day is yielded while it has come (``<= as_of``) and the streak
    was not broken up to and including it.
    """
    counted = 0
    for block in calendar.lesweek_blocks(streak.start):
        if block.end > as_of or (streak.broken_on is not None and streak.broken_on <= block.end):
            return
        i = bisect_left(registration_days, block.first)
        if i == len(registration_days) or registration_days[i] > block.last:
            continue
        counted += 1
        if counted >= lesweken:
            yield block.end
