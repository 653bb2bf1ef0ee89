"""The rules of domain.md §7 evaluated on real lessons, registrations and notices.

Every expected value is worked out by hand from the domain. The calendar is our own: the
fixtures remove every day off between September 2026 and January 2027, so that a vacation or a
public holiday exists only where a test creates one. Weekdays used below: 5 October 2026 is a
Monday, 25 October 2026 the end of summer time, 1 and 29 November 2026 are Sundays.
"""

from datetime import date
from datetime import time
from datetime import timedelta

from .common import VerzuimCase
from .common import utc

SLOT_A = (time(8, 30), time(10, 30))  # 120 minutes
SLOT_B = (time(10, 45), time(12, 45))  # 120 minutes
MONDAY = date(2026, 10, 5)
UNDER_18 = "2010-03-01"  # 16 in the autumn of 2026
AGE_19 = "2007-06-01"
RE_EVALUATION_QUERIES = 22  # measured on 9 students with nothing to change (incl. a savepoint)


def d(month, day):
    """A day in the autumn of 2026."""
    return date(2026, month, day)


def weekdays(first, last):
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def mondays(first, count):
    return [first + timedelta(weeks=i) for i in range(count)]


class EvaluationCase(VerzuimCase):
    """A school of one's own, a coordinator, and a calendar without days off."""

    PREFIX = "EV"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["verzuim.holiday"].search(
            [("date_from", "<=", date(2027, 1, 31)), ("date_to", ">=", date(2026, 9, 1))]
        ).unlink()
        cls.coordinator = cls.make_user(f"{cls.PREFIX}_coord", "mbo_verzuim.group_coordinator")
        cls.env.company.verzuim_coordinator_id = cls.coordinator
        cls.make_school(cls.PREFIX, students=0)
        cls.sheets = {}

    @classmethod
    def add_lessons(cls, days, slots=(SLOT_A,), batch=None):
        batch = batch or cls.batch
        for day in days:
            for start, end in slots:
                cls.sheets[batch.id, day, start] = cls.make_lesson(day, start, end, batch=batch)[1]

    @classmethod
    def student(cls, name, birth_date="2008-05-01", **vals):
        return cls.make_student(f"{cls.PREFIX} {name}", cls.batch, birth_date, **vals)

    @classmethod
    def mark(cls, student, days, slots=(SLOT_A,), status="absent", batch=None, **vals):
        batch = batch or cls.batch
        lines = cls.env["op.attendance.line"]
        for day in days:
            for start, _end in slots:
                sheet = cls.sheets[batch.id, day, start]
                lines |= cls.register_line(sheet, student, status, **vals)
        return lines

    def evaluate(self, as_of, students=None):
        """Evaluate this class's students (default: all of them, also those of the test)."""
        if students is None:
            students = self.env["op.student"].search([("name", "=like", f"{self.PREFIX} %")])
        return self.env["verzuim.signal"]._evaluate(as_of=as_of, students=students)

    def signals(self, student, code=None):
        domain = [("student_id", "in", student.ids)]
        if code:
            domain.append(("rule_code", "=", code))
        return self.env["verzuim.signal"].search(domain, order="rule_code, date_start")

    def codes(self, student):
        return self.signals(student).mapped("rule_code")

    def sick_notice(self, student, first, last=None):
        return self.env["verzuim.notice"].create(
            {
                "student_id": student.id,
                "notice_type": "sick",
                "date_start": utc(first, time(7, 0)),
                "date_end": last and utc(last, time(18, 0)),
            }
        )

    def vacation(self, first, last, kind="vacation"):
        return self.env["verzuim.holiday"].create(
            {"name": "Test day off", "date_from": first, "date_to": last, "kind": kind}
        )
