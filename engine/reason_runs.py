"""Runs of absence with one reason (luxe verzuim)."""

from collections.abc import Iterable
from datetime import date
from datetime import timedelta

from .facts import Registration
from .school_calendar import SchoolCalendar
from .streaks import registration_sort_key


def reason_runs(
    registrations: Iterable[Registration], reason_code: str, calendar: SchoolCalendar
) -> list[list[Registration]]:
    """The absences with ``reason_code``, grouped into runs, oldest first.

    Two days with such an absence belong to one run when every school day between them holds
    one too: as the days are taken in order, when no school day lies strictly between them.
    """
    absences = sorted(
        (r for r in registrations if r.reason == reason_code and not r.attended),
        key=registration_sort_key,
    )
    runs: list[list[Registration]] = []
    for registration in absences:
        if runs and not _school_day_between(calendar, runs[-1][-1].day, registration.day):
            runs[-1].append(registration)
        else:
            runs.append([registration])
    return runs


def _school_day_between(calendar: SchoolCalendar, before: date, after: date) -> bool:
    if after <= before + timedelta(days=1):
        return False
    return calendar.school_day_from(before + timedelta(days=1), 1) < after
