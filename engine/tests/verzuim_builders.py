"""Builders for readable scenarios: a calendar, a student's lessons week by week, the signals."""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from itertools import count

from engine import AUTHORIZED
from engine import DEFAULT_RULES
from engine import PRESENT
from engine import UNAUTHORIZED
from engine import Registration
from engine import SchoolCalendar
from engine import SickPeriod
from engine import StudentFacts
from engine import evaluate

AUTUMN = (date(2026, 10, 17), date(2026, 10, 25))
CHRISTMAS = (date(2026, 12, 19), date(2027, 1, 3))
AUTUMN_BREAK = (date(2026, 10, 19), date(2026, 10, 23))  # Monday to Friday
PUBLIC_HOLIDAYS = (
    date(2026, 4, 6),  # Easter Monday
    date(2026, 4, 27),  # King's Day
    date(2026, 5, 14),  # Ascension
    date(2026, 5, 25),  # Whit Monday
    date(2026, 12, 25),
    date(2026, 12, 26),
    date(2027, 1, 1),
    date(2027, 3, 29),  # Easter Monday, the day after the change to summer time
    date(2027, 4, 27),
    date(2027, 5, 5),
    date(2027, 5, 6),
    date(2027, 5, 17),
)

SIXTEEN = date(2010, 2, 10)  # 16 throughout the school year 2026-27
NINETEEN = date(2007, 2, 10)  # 19 throughout the school year 2026-27


def days(first: date, last: date):
    """Every date from ``first`` to ``last`` inclusive."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def school_calendar() -> SchoolCalendar:
    """The school year 2026-27 of the scenarios."""
    return SchoolCalendar(PUBLIC_HOLIDAYS, [*days(*AUTUMN), *days(*CHRISTMAS)])


def autumn_break_calendar() -> SchoolCalendar:
    """The calendar of the worked examples: a vacation of exactly Monday 19 to Friday 23
    October 2026, and the public holidays."""
    return SchoolCalendar(PUBLIC_HOLIDAYS, days(*AUTUMN_BREAK))


class Timeline:
    """One student's registrations, added lesson by lesson, day by day or week by week.

    Lessons start on the hour from 9:00; an absence misses the whole lesson.
    """

    def __init__(self, calendar: SchoolCalendar):
        self.calendar = calendar
        self.registrations: list[Registration] = []
        self.sick_periods: list[SickPeriod] = []
        self._ids = count(1)

    def lesson(self, day, category=UNAUTHORIZED, minutes=60, hour=9, attended=None, reason=None):
        """One registered lesson; attended by default only when present."""
        registration = Registration(
            line_ids=(next(self._ids),),
            day=day,
            order=datetime.combine(day, time(hour)),
            minutes=minutes,
            category=category,
            attended=category == PRESENT if attended is None else attended,
            reason=reason,
        )
        self.registrations.append(registration)
        return registration

    def day(self, day, *categories, minutes=60, reason=None):
        """A day of lessons from 9:00, one per category (four unauthorized absences by default);
        ``reason`` goes on its absences."""
        categories = categories or (UNAUTHORIZED,) * 4
        return [
            self.lesson(
                day, category, minutes, hour=9 + i, reason=None if category == PRESENT else reason
            )
            for i, category in enumerate(categories)
        ]

    def absent(self, first, last=None, *categories, minutes=60, reason=None):
        """The same day of lessons on every school day from ``first`` to ``last``."""
        added = []
        for day in days(first, last or first):
            if self.calendar.is_school_day(day):
                added += self.day(day, *categories, minutes=minutes, reason=reason)
        return added

    def luxe(self, first, last=None, lessons=4):
        """Absent with reason Luxe verzuim (unauthorized) from every lesson of the school days."""
        return self.absent(first, last, *(UNAUTHORIZED,) * lessons, reason="luxe")

    def late(self, day, minutes, hour=9):
        """Came ``minutes`` late to a lesson: attended, with unauthorized minutes."""
        return self.lesson(day, UNAUTHORIZED, minutes, hour=hour, attended=True)

    def present(self, first, last=None, lessons=4):
        """Present at every lesson on the school days from ``first`` to ``last``."""
        return self.absent(first, last, *(PRESENT,) * lessons)

    def sick(self, first, last=None, lessons=4):
        """Authorized (sick) absence from every lesson of the school days."""
        return self.absent(first, last, *(AUTHORIZED,) * lessons)

    def notice(self, start, end=None):
        """A sick notice from the frontoffice (open when ``end`` is None)."""
        period = SickPeriod(notice_id=len(self.sick_periods) + 1, start=start, end=end)
        self.sick_periods.append(period)
        return period

    def facts(self, birth_date=SIXTEEN, **values) -> StudentFacts:
        """The student: 16, no startkwalificatie, BOL full-time level 2, unless told otherwise."""
        defaults = {"startkwalificatie": False, "level": "2", "leerweg": "bol", "full_time": True}
        return StudentFacts(
            student_id=1,
            birth_date=birth_date,
            registrations=tuple(self.registrations),
            sick_periods=tuple(self.sick_periods),
            **{**defaults, **values},
        )

    def signals(self, as_of, code=None, rules=DEFAULT_RULES, **student):
        """The signals on ``as_of`` (of the rule ``code`` only, if given)."""
        found = evaluate(self.facts(**student), rules, self.calendar, as_of)
        return [s for s in found if code is None or s.rule_code == code]


def periods(signals):
    """(start, end) of each signal."""
    return [(s.date_start, s.date_end) for s in signals]
