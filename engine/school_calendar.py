"""The school calendar of domain.md §6: school days, working days and lesweken."""

from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

SCHOOL_DAYS_PER_LESWEEK = 5
# Five years of consecutive days without a school (or working) day is taken as a calendar
# without any: the search stops there instead of running forever.
HORIZON_DAYS = 5 * 366


@dataclass(frozen=True)
class LesweekBlock:
    """Lesweek block j from a start day s (domain.md §6).

    ``first`` is s for block 1 and the day after the previous block otherwise; ``end`` is the
    block's last school day sd(5j); ``last`` the day before the next block's first school day,
    so the non-school days after ``end`` belong to this block.
    """

    number: int
    first: date
    end: date
    last: date


class SchoolCalendar:
    """Vacation days and public holidays of one institution; every other weekday is a school day.

    Days are plain dates: the time of day, time zones and daylight saving play no part.
    """

    def __init__(self, public_holidays: Iterable[date] = (), vacation_days: Iterable[date] = ()):
        self.public_holidays = frozenset(public_holidays)
        self.vacation_days = frozenset(vacation_days)
        self._forward_cache: dict[tuple[date, int], date] = {}
        self._backward_cache: dict[tuple[date, int], date] = {}

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

    def school_day_from(self, start: date, k: int) -> date:
        """sd(k): the ``k``-th school day on or after ``start`` (sd1 = ``start`` on a school day).

        Raises ValueError when ``k`` < 1 or when five years pass without a school day.
        """
        if k < 1:
            raise ValueError(f"count school days from 1, got {k}")
        found = self._forward_cache.get((start, k))
        if found is None:
            found = self._forward_cache[start, k] = self._step(start, k, 1)
        return found

    def school_day_back(self, day: date, k: int) -> date:
        """The ``k``-th school day on or before ``day``, counting back."""
        if k < 1:
            raise ValueError(f"count school days from 1, got {k}")
        found = self._backward_cache.get((day, k))
        if found is None:
            found = self._backward_cache[day, k] = self._step(day, k, -1)
        return found

    def _step(self, day: date, k: int, direction: int) -> date:
        counted = skipped = 0
        step = timedelta(days=direction)
        while True:
            if self.is_school_day(day):
                counted += 1
                skipped = 0
                if counted == k:
                    return day
            else:
                skipped += 1
                if skipped > HORIZON_DAYS:
                    raise ValueError(f"no school day within five years of {day}")
            day += step

    def lesweek_end(self, start: date, n: int) -> date:
        """Last day of ``n`` lesweken from ``start``: the school day sd(5n) (domain.md §6).

        A lesweek is five school days, so vacations and public holidays anywhere in the span
        lengthen it. Raises ValueError when ``n`` < 1.
        """
        if n < 1:
            raise ValueError(f"lesweek_end needs at least one lesweek, got {n}")
        return self.school_day_from(start, SCHOOL_DAYS_PER_LESWEEK * n)

    def lesweek_start(self, end: date, n: int) -> date:
        """First day of the ``n`` lesweken that end on ``end``: 5n school days counted back."""
        if n < 1:
            raise ValueError(f"lesweek_start needs at least one lesweek, got {n}")
        return self.school_day_back(end, SCHOOL_DAYS_PER_LESWEEK * n)

    def lesweek_blocks(self, start: date) -> Iterator[LesweekBlock]:
        """The lesweek blocks from ``start`` (block 1 starts on ``start``), endlessly."""
        first, number = start, 1
        first_school_day = self.school_day_from(start, 1)
        while True:
            end = self.school_day_from(first_school_day, SCHOOL_DAYS_PER_LESWEEK)
            following = self.school_day_from(end + timedelta(days=1), 1)
            yield LesweekBlock(number, first, end, following - timedelta(days=1))
            first = first_school_day = following
            number += 1

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
