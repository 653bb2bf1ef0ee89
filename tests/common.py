from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz

from odoo.tests import TransactionCase
from odoo.tests import new_test_user

AMS = pytz.timezone("Europe/Amsterdam")


def utc(day, at):
    """Naive UTC datetime of a local Amsterdam wall-clock time."""
    return AMS.localize(datetime.combine(day, at)).astimezone(pytz.utc).replace(tzinfo=None)


class VerzuimFixtures:
    """A small school of one's own: a class, students, a teacher, an SLB, lessons."""

    @classmethod
    def quiet_env(cls):
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tz="Europe/Amsterdam",
                tracking_disable=True,
                mail_create_nolog=True,
                no_reset_password=True,
            )
        )

    @classmethod
    def make_user(cls, login, *groups):
        return new_test_user(
            cls.env,
            login=login,
            groups=",".join(["base.group_user", *groups]),
            tz="Europe/Amsterdam",
        )

    @classmethod
    def make_teacher(cls, login, first="Test", last="Docent"):
        """A teacher: a user with the teacher role and OpenEduCat's faculty record."""
        user = cls.make_user(login, "mbo_verzuim.group_teacher")
        user.partner_id.user_id = user
        faculty = cls.env["op.faculty"].create(
            {
                "partner_id": user.partner_id.id,
                "name": f"{first} {last}",
                "first_name": first,
                "last_name": last,
                "birth_date": "1980-01-01",
                "gender": "female",
            }
        )
        return user, faculty

    @classmethod
    def make_school(cls, prefix="T", students=3):
        """A course, a class of ``students`` students, a teacher with a user, an SLB."""
        env = cls.env
        cls.teacher_user, cls.faculty = cls.make_teacher(f"{prefix}_teacher")
        cls.slb_user = cls.make_user(f"{prefix}_slb", "mbo_verzuim.group_slb")
        cls.subject = env["op.subject"].create(
            {"name": f"{prefix} Nederlands", "code": f"{prefix}-NED"}
        )
        cls.course = env["op.course"].create(
            {
                "name": f"{prefix} Logistiek",
                "code": f"{prefix}-LOG",
                "verzuim_niveau": "2",
                "subject_ids": [(6, 0, cls.subject.ids)],
            }
        )
        cls.batch = env["op.batch"].create(
            {
                "name": f"{prefix} LOG2A",
                "code": f"{prefix}-LOG2A",
                "course_id": cls.course.id,
                "start_date": "2025-08-01",
                "end_date": "2027-07-31",
            }
        )
        cls.students = env["op.student"]
        for number in range(students):
            cls.students |= cls.make_student(f"{prefix} Student {number}", cls.batch)
        cls.register = env["op.attendance.register"].create(
            {
                "name": f"{prefix}-REG",
                "code": f"{prefix}-REG",
                "course_id": cls.course.id,
                "batch_id": cls.batch.id,
            }
        )

    @classmethod
    def make_student(cls, name, batch, birth_date="2008-05-01", slb=None, sq=False, **enrol):
        return cls.env["op.student"].create(
            {
                "name": name,
                "first_name": name.split()[0],
                "last_name": name.split()[-1],
                "birth_date": birth_date,
                "gender": "m",
                "verzuim_slb_id": (slb or cls.slb_user).id,
                "verzuim_startkwalificatie": sq,
                "course_detail_ids": [
                    (
                        0,
                        0,
                        {
                            "course_id": batch.course_id.id,
                            "batch_id": batch.id,
                            **enrol,
                        },
                    )
                ],
            }
        )

    @classmethod
    def make_lesson(cls, day, start=time(8, 30), end=time(10, 30), faculty=None, batch=None):
        """A session with its sheet (register), no lines yet."""
        batch = batch or cls.batch
        session = cls.env["op.session"].create(
            {
                "course_id": batch.course_id.id,
                "batch_id": batch.id,
                "faculty_id": (faculty or cls.faculty).id,
                "subject_id": cls.subject.id,
                "start_datetime": utc(day, start),
                "end_datetime": utc(day, end),
            }
        )
        register = cls.env["op.attendance.register"].search([("batch_id", "=", batch.id)], limit=1)
        sheet = cls.env["op.attendance.sheet"].create(
            {
                "register_id": register.id,
                "session_id": session.id,
                "attendance_date": day,
                "faculty_id": (faculty or cls.faculty).id,
            }
        )
        return session, sheet

    @classmethod
    def register_line(cls, sheet, student, status="absent", **vals):
        return cls.env["op.attendance.line"].create(
            {
                "attendance_id": sheet.id,
                "student_id": student.id,
                "verzuim_status": status,
                **vals,
            }
        )

    @staticmethod
    def days(start, count):
        return [start + timedelta(days=i) for i in range(count)]


class VerzuimCase(VerzuimFixtures, TransactionCase):
    """Base class: the school's time zone, no mail noise, and a small school of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
