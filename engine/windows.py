"""Hour thresholds within rolling windows of lesweken (10 and 16 hours in 4 lesweken)."""

from bisect import bisect_left
from bisect import bisect_right
from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from .school_calendar import SchoolCalendar


@dataclass(frozen=True)
class WindowHit:
    """A window that reached the threshold.

    ``reached`` is the day the sum reached the threshold; ``end`` the reported end, later than
    ``reached`` only when the repeat spacing postponed the report.
    """

    start: date
    reached: date
    end: date
    repeat_number: int


class _Days:
    """The days with minutes, in order, with prefix sums and the window end of each start."""

    def __init__(self, minutes_by_day: Mapping[date, int], calendar, lesweken, as_of):
        self.days = sorted(day for day, minutes in minutes_by_day.items() if minutes > 0)
        self.days = self.days[: bisect_right(self.days, as_of)]
        self.cum = [0]
        for day in self.days:
            self.cum.append(self.cum[-1] + minutes_by_day[day])
        self.window_end = [calendar.lesweek_end(day, lesweken) for day in self.days]

    def first_full(self, lo: int, threshold: int, in_scope, may_start) -> tuple[int, int] | None:
        """Indexes (start, reached) of the first window from index ``lo`` that is full.

        The earliest day that completes a window of at least ``threshold`` minutes and on which
        the rule applies; of the windows it completes, the one that starts earliest. Only days
        for which ``may_start`` holds start a window.
        """
        alive: list[int] = []
        for j in range(lo, len(self.days)):
            day = self.days[j]
            alive = [i for i in alive if self.window_end[i] >= day]
            if may_start(day):
                alive.append(j)
            # The earliest start still open holds the largest sum up to ``day``.
            if alive and self.cum[j + 1] - self.cum[alive[0]] >= threshold and in_scope(day):
                return alive[0], j
        return None


def find_window_hits(
    minutes_by_day: Mapping[date, int],
    attended_days: Sequence[date],
    calendar: SchoolCalendar,
    lesweken: int,
    threshold_minutes: int,
    as_of: date,
    in_scope: Callable[[date], bool],
    spacing_days: int | None = None,
    may_start: Callable[[date], bool] = lambda day: True,
) -> list[WindowHit]:
    """Every window that reached ``threshold_minutes`` within ``lesweken`` lesweken, in order.

    A window starts on a day with minutes and spans ``lesweken`` lesweken from that day. After a
    hit, counting restarts the day after its end. A hit is a repeat when no day of
    ``attended_days`` (sorted) lies between the previous hit's ``reached`` (exclusive) and its own
    (inclusive); with ``spacing_days`` a repeat ends no earlier than the previous end plus the
    spacing. A hit whose end lies after ``as_of`` is not (yet) reported and ends the search.
    Days for which ``may_start`` is false start no window (a pause: LRV pauses the 16 hours);
    their minutes still count in a window that starts earlier.
    """
    data = _Days(minutes_by_day, calendar, lesweken, as_of)
    hits: list[WindowHit] = []
    lo = 0
    while True:
        found = data.first_full(lo, threshold_minutes, in_scope, may_start)
        if found is None:
            return hits
        start, reached = data.days[found[0]], data.days[found[1]]
        repeat_number, end = 0, reached
        previous = hits[-1] if hits else None
        if previous and not _attended_between(attended_days, previous.reached, reached):
            repeat_number = previous.repeat_number + 1
            if spacing_days:
                end = max(reached, previous.end + timedelta(days=spacing_days))
        if end > as_of:
            return hits
        hits.append(WindowHit(start, reached, end, repeat_number))
        lo = bisect_right(data.days, end)


def _attended_between(attended_days: Sequence[date], after: date, until: date) -> bool:
    """Whether a day of the sorted ``attended_days`` lies in ``after`` (excl.) .. ``until``."""
    i = bisect_left(attended_days, after + timedelta(days=1))
    return i < len(attended_days) and attended_days[i] <= until
