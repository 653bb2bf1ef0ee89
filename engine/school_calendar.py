"""The school calendar of domain.md §6: school days, working days and lesweken."""

from collections.abc import Iterable
from datetime import date
from datetime import timedelta

WEEK = 7
# Five years of consecutive blocks (or weekdays) without a school (or working) day is taken as a
# calendar without any: the search stops there instead of running forever.
HORIZON_BLOCKS = 5 * 53
HORIZON_DAYS = HORIZON_BLOCKS * WEEK


class SchoolCalendar:
    """Vacation days and public holidays of one institution; every other weekday is a school day.

    Days are plain dates: the time of day, time zones and daylight saving play no part.
    """

    def __init__(self, public_holidays: Iterable[date] = (), vacation_days: Iterable[date] = ()):
        self.public_holidays = frozenset(public_holidays)
        self.vacation_days = frozenset(vacation_days)
        self._block_cache: dict[date, bool] = {}
        self._end_cache: dict[tuple[date, int], date] = {}

    def __repr__(self):
        return (
            f"SchoolCalendar({len(self.public_holidays)} public holidays, "
            f"{len(self.vacation_days)} vacation days)"
        )

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a public holiday (a werkdag, for deadlines)."""
        return day.weekday() < 5 and day not in self.public_holidays

    def is_school_day(self, day: date) -> bool:
        """Monday to Friday, not a public holiday and not a vacation day."""
        return self.is_working_day(day) and day not in self.vacation_days

    def block_has_school_day(self, block_start: date) -> bool:
        """Whether the 7-day block ``block_start`` .. ``block_start + 6`` holds a school day."""
        cached = self._block_cache.get(block_start)
        if cached is None:
            cached = any(self.is_school_day(block_start + timedelta(days=i)) for i in range(WEEK))
            self._block_cache[block_start] = cached
        return cached

    def lesweek_end(self, start: date, n: int) -> date:
        """Last day of the span of ``n`` lesweken from ``start``.

        The span is ``start .. start + 7k - 1`` for the smallest k such that ``n`` of the k
        consecutive 7-day blocks from ``start`` contain a school day; blocks without one
        (vacation weeks) do not count and so extend the span. Raises ValueError when ``n`` < 1
        or when no school day occurs for five years.
        """
        if n < 1:
            raise ValueError(f"lesweek_end needs at least one lesweek, got {n}")
        end = self._end_cache.get((start, n))
        if end is None:
            end = self._end_cache[start, n] = self._lesweek_end(start, n)
        return end

    def _lesweek_end(self, start: date, n: int) -> date:
        counted = empty_run = 0
        block = start
        while True:
            if self.block_has_school_day(block):
                counted += 1
                empty_run = 0
                if counted == n:
                    return block + timedelta(days=WEEK - 1)
            else:
                empty_run += 1
                if empty_run > HORIZON_BLOCKS:
                    raise ValueError(f"no school day within five years after {block}")
            block += timedelta(days=WEEK)

    def lesweek_index(self, start: date, day: date) -> int | None:
        """Which lesweek from ``start`` holds ``day`` (1-based).

        None when ``day`` is before ``start`` or lies in a block without a school day.
        """
        if day < start:
            return None
        blocks = (day - start).days // WEEK
        block = start + timedelta(days=WEEK * blocks)
        if not self.block_has_school_day(block):
            return None
        return 1 + sum(
            self.block_has_school_day(start + timedelta(days=WEEK * i)) for i in range(blocks)
        )

    def nth_working_day_after(self, day: date, n: int) -> date:
        """The ``n``-th working day strictly after ``day`` (``day`` itself when ``n`` is 0)."""
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        current = day
        for _ in range(n):
            current += timedelta(days=1)
            skipped = 0
            while not self.is_working_day(current):
                skipped += 1
                if skipped > HORIZON_DAYS:
                    raise ValueError(f"no working day within five years after {day}")
                current += timedelta(days=1)
        return current
