"""Long and frequent sickness, from the frontoffice's sick notices."""

from collections.abc import Callable
from collections.abc import Iterable
from datetime import date
from datetime import timedelta

from .facts import SickPeriod
from .school_calendar import SchoolCalendar


def sort_periods(periods: Iterable[SickPeriod]) -> list[SickPeriod]:
    """Sick periods by start, then notice id."""
    return sorted(periods, key=lambda period: (period.start, period.notice_id))


def long_sick_day(period: SickPeriod, sick_days: int, as_of: date) -> date | None:
    """The ``sick_days``-th calendar day of ``period`` if the period lasts that long by ``as_of``.

    An open period counts as ongoing up to ``as_of``.
    """
    day = period.start + timedelta(days=sick_days - 1)
    last = as_of if period.end is None else min(period.end, as_of)
    return day if day <= last else None


def frequent_sick_groups(
    periods: Iterable[SickPeriod],
    calendar: SchoolCalendar,
    count: int,
    lesweken: int,
    in_scope: Callable[[date], bool],
) -> list[tuple[SickPeriod, ...]]:
    """Groups of ``count`` sick periods that start within ``lesweken`` lesweken of the first.

    The first group is the one whose last start comes earliest; counting restarts with the first
    period that starts after that day. A group whose last start falls on a day the rule does not
    apply is skipped without restarting.
    """
    ordered = sort_periods(periods)
    groups: list[tuple[SickPeriod, ...]] = []
    first = 0
    while first + count <= len(ordered):
        group = ordered[first : first + count]
        window_end = calendar.lesweek_end(group[0].start, lesweken)
        last_start = group[-1].start
        if last_start <= window_end and in_scope(last_start):
            groups.append(tuple(group))
            first += count
            while first < len(ordered) and ordered[first].start <= last_start:
                first += 1
        else:
            first += 1
    return groups
