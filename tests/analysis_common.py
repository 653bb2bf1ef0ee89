"""A school for the management information tests (issue 11): two classes of one programme
(six students and two), two teachers, lessons in two school years, and each figure computed
again here from the raw registrations and lessons."""

from collections import defaultdict
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz

from .common import AMS
from .common import VerzuimCase
from .common import utc

MARCH_2 = date(2026, 3, 2)


def school_year(day):
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


class AnalysisCase(VerzuimCase):
    PREFIX = "MI"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.make_school(cls.PREFIX, students=6)
        cls.management = cls.make_user(f"{cls.PREFIX}_mgmt", "mbo_verzuim.group_management")
        cls.coordinator = cls.make_user(f"{cls.PREFIX}_coord", "mbo_verzuim.group_coordinator")
        cls.frontoffice = cls.make_user(f"{cls.PREFIX}_front", "mbo_verzuim.group_frontoffice")
        cls.other_slb = cls.make_user(f"{cls.PREFIX}_slb2", "mbo_verzuim.group_slb")
        cls.teacher2_user, cls.faculty2 = cls.make_teacher(f"{cls.PREFIX}_t2", "Lies", "Laat")
        cls.subject2 = env["op.subject"].create(
            {"name": f"{cls.PREFIX} Rekenen", "code": f"{cls.PREFIX}-REK"}
        )
        cls.small = env["op.batch"].create(
            {
                "name": f"{cls.PREFIX} LOG2B",
                "code": f"{cls.PREFIX}-LOG2B",
                "course_id": cls.course.id,
                "start_date": "2025-08-01",
                "end_date": "2027-07-31",
            }
        )
        env["op.attendance.register"].create(
            {
                "name": f"{cls.PREFIX}-REGB",
                "code": f"{cls.PREFIX}-REGB",
                "course_id": cls.course.id,
                "batch_id": cls.small.id,
            }
        )
        cls.small_students = env["op.student"]
        for number in range(2):
            cls.small_students |= cls.make_student(
                f"{cls.PREFIX} Klein {number}",
                cls.small,
                slb=cls.other_slb,
                verzuim_leerweg="bbl",
            )
        s = cls.students
        ziek = env.ref("mbo_verzuim.reason_ziek")
        # Lesson 1: 120 minutes; unknown absence, 15 minutes late, sick, three present.
        cls.l1, cls.sheet1 = cls.make_lesson(MARCH_2, time(8, 30), time(10, 30))
        cls.register_line(cls.sheet1, s[0], "absent")
        cls.register_line(cls.sheet1, s[1], "late", verzuim_late_minutes=15)
        cls.register_line(cls.sheet1, s[2], "absent", verzuim_teacher_reason_id=ziek.id)
        for student in s[3:]:
            cls.register_line(cls.sheet1, student, "present")
        # Lesson 2: 45 minutes, the other teacher and subject; absent, late 10 minutes.
        cls.l2, cls.sheet2 = cls.make_lesson(
            MARCH_2 + timedelta(days=7), time(11, 0), time(11, 45), faculty=cls.faculty2
        )
        cls.l2.subject_id = cls.subject2
        cls.register_line(cls.sheet2, s[0], "absent")
        cls.register_line(cls.sheet2, s[4], "late", verzuim_late_minutes=10)
        for student in s[1:4] | s[5]:
            cls.register_line(cls.sheet2, student, "present")
        # Lesson 3: the small class, 60 minutes.
        cls.l3, cls.sheet3 = cls.make_lesson(
            MARCH_2 + timedelta(days=1), time(8, 30), time(9, 30), batch=cls.small
        )
        cls.register_line(cls.sheet3, cls.small_students[0], "absent")
        cls.register_line(cls.sheet3, cls.small_students[1], "present")
        # Lesson 4: the next school year, 60 minutes.
        cls.l4, cls.sheet4 = cls.make_lesson(date(2026, 9, 7), time(8, 30), time(9, 30))
        cls.register_line(cls.sheet4, s[0], "absent")
        for student in s[1:]:
            cls.register_line(cls.sheet4, student, "present")
        cls.lines = cls.sheet1.attendance_line | cls.sheet2.attendance_line
        cls.lines |= cls.sheet3.attendance_line | cls.sheet4.attendance_line
        env.flush_all()

    # --- the figures again, from the raw registrations ------------------------------------------

    @staticmethod
    def raw(line):
        """(planned, attended, authorized, unauthorized) minutes of one registration, from its
        lesson's times, its status, its late minutes and its reason."""
        session = line.attendance_id.session_id
        planned = int((session.end_datetime - session.start_datetime).total_seconds() // 60)
        status = line.verzuim_status
        missed = {"present": 0, "absent": planned, "late": line.verzuim_late_minutes}[status]
        reason = line.sudo().verzuim_teacher_reason_id
        authorized = missed if status == "absent" and reason.category == "authorized" else 0
        return planned, planned - missed, authorized, missed - authorized

    def expected(self, lines, key):
        """{key(line): (planned h, attended h, authorized h, unauthorized h, rate, students)}"""
        sums = defaultdict(lambda: [0, 0, 0, 0, set()])
        for line in lines:
            total = sums[key(line)]
            for i, minutes in enumerate(self.raw(line)):
                total[i] += minutes
            total[4].add(line.student_id.id)
        return {
            k: (p / 60, a / 60, au / 60, un / 60, a / p if p else None, len(students))
            for k, (p, a, au, un, students) in sums.items()
        }

    @staticmethod
    def deadline(session, hour=24.0):
        """The end of the lesson's day in the school's time zone (or ``hour`` that day), UTC."""
        moment = datetime.combine(session.verzuim_lesson_date, time(0)) + timedelta(hours=hour)
        return AMS.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)


def at(day, hour, minute=0):
    return utc(day, time(hour, minute))
