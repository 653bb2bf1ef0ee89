"""The demo school: programmes, classes, students, a timetable and registrations.

Everything is dated relative to the day of installation, so the timetable always ends
today and the demo never ages. Called once from demo/demo_school.xml.
"""

import random
import unicodedata
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api
from odoo import fields
from odoo import models

from ..engine.school_time import SCHOOL_TZ

DEMO_WEEKS = 10
DEMO_LOGINS = [
    "docent",
    "docent2",
    "frontoffice",
    "slb",
    "slb2",
    "coordinator",
    "management",
    "beheerder",
]
LESSON_TIMES = [
    (time(8, 30), time(10, 30)),
    (time(10, 45), time(12, 45)),
    (time(13, 30), time(15, 30)),
]
BBL_SCHOOL_DAY = 1  # Tuesday

PROGRAMMES = [
    # code, name, level
    ("ENTREE", "Entree – Assistent dienstverlening", "1"),
    ("LOG2", "Logistiek medewerker", "2"),
    ("VIG3", "Verzorgende-IG", "3"),
    ("SD4", "Software Developer", "4"),
]
CLASSES = [
    # code, programme, leerweg, full-time, teacher login, SLB login
    ("ENT1A", "ENTREE", "bol", True, "docent", "slb"),
    ("LOG2A", "LOG2", "bol", True, "docent", "slb"),
    ("LOG2B", "LOG2", "bbl", False, "docent2", "slb"),
    ("VIG3A", "VIG3", "bol", True, "docent2", "slb2"),
    ("VIG3B", "VIG3", "bbl", False, "docent2", "slb2"),
    ("SD4A", "SD4", "bol", True, "docent", "slb2"),
]
SUBJECTS = [
    ("NED", "Nederlands"),
    ("REK", "Rekenen"),
    ("BV", "Beroepsvaardigheden"),
    ("LB", "Loopbaan en burgerschap"),
]
FIRST_NAMES = [
    "Emma",
    "Noah",
    "Julia",
    "Liam",
    "Sara",
    "Mohammed",
    "Tess",
    "Luca",
    "Zoë",
    "Sem",
    "Mila",
    "Finn",
    "Yara",
    "Daan",
    "Lina",
    "Milan",
    "Nora",
    "Levi",
    "Evi",
    "Ayoub",
    "Fenna",
]
LAST_NAMES = [
    "de Jong",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
]
# Per class the students' (age in years, startkwalificatie, registration profile).
# Profiles: regular, late, truant (unauthorized hours), dropout (absent for weeks),
# sick_long (one long sick period), sick_often (short sick periods), sick_now (sick today),
# luxe (two days of unauthorized holiday).
STUDENTS = {
    "ENT1A": [
        (15, False, "luxe"),
        (16, False, "truant"),
        (17, False, "late"),
        (19, False, "dropout"),
        (20, False, "regular"),
        (18, False, "sick_often"),
        (16, False, "regular"),
    ],
    "LOG2A": [
        (16, False, "dropout"),
        (17, False, "late"),
        (18, False, "regular"),
        (19, False, "truant"),
        (21, False, "dropout"),
        (17, False, "sick_long"),
        (24, True, "regular"),
    ],
    "LOG2B": [
        (19, True, "regular"),
        (22, False, "late"),
        (25, True, "regular"),
        (23, True, "truant"),
        (20, False, "regular"),
        (27, True, "regular"),
        (18, False, "regular"),
    ],
    "VIG3A": [
        (17, True, "regular"),
        (16, False, "truant"),
        (18, True, "late"),
        (19, True, "sick_often"),
        (20, False, "regular"),
        (23, True, "truant"),
        (17, False, "regular"),
    ],
    "VIG3B": [
        (21, True, "regular"),
        (24, True, "regular"),
        (19, False, "late"),
        (30, True, "regular"),
        (22, True, "sick_long"),
        (26, True, "regular"),
        (18, True, "regular"),
    ],
    "SD4A": [
        (18, True, "regular"),
        (17, False, "late"),
        (19, True, "truant"),
        (20, True, "sick_now"),
        (22, False, "dropout"),
        (16, False, "regular"),
        (21, True, "regular"),
    ],
}


class VerzuimDemo(models.AbstractModel):
    _name = "verzuim.demo"
    _description = "Demo school loader"

    @api.model
    def _load_demo_school(self, today=None):
        tz = pytz.timezone(SCHOOL_TZ)
        today = today or datetime.now(tz).date()
        env = (
            self.sudo()
            .with_context(
                tracking_disable=True, mail_create_nolog=True, mail_notrack=True, tz=SCHOOL_TZ
            )
            .env
        )
        env["ir.config_parameter"].set_param("mbo_verzuim.demo_day", today.isoformat())
        self._demo_languages(env)
        users = {
            login: env.ref(f"mbo_verzuim.user_{login}_demo")
            for login in ("docent", "docent2", "slb", "slb2")
        }
        faculty = self._demo_faculty(env, users)
        subjects = self._demo_subjects(env)
        courses = self._demo_courses(env, subjects)
        rng = random.Random(20260901)
        for index, (code, programme, leerweg, full_time, teacher, slb) in enumerate(CLASSES):
            batch = self._demo_batch(env, code, courses[programme], today)
            students = self._demo_students(
                env, index, code, batch, leerweg, full_time, users[slb], today
            )
            register = env["op.attendance.register"].create(
                {
                    "name": code,
                    "code": f"REG-{code}",
                    "course_id": courses[programme].id,
                    "batch_id": batch.id,
                }
            )
            self._demo_timetable(
                env, batch, register, faculty[teacher], subjects, students, leerweg, today, tz, rng
            )
        self._demo_calendar(env, today)
        env.company.verzuim_coordinator_id = env.ref("mbo_verzuim.user_coordinator_demo")
        env["verzuim.signal"]._evaluate(as_of=today)
        self._demo_handled_signals(env, today)

    def _demo_handled_signals(self, env, today):
        """The coaches handled the pedagogical signals whose deadline passed a month ago."""
        handled = env["verzuim.signal"].search(
            [
                ("rule_category", "=", "pedagogical"),
                ("state", "in", ("new", "in_progress")),
                ("deadline", "<", today - timedelta(days=28)),
            ]
        )
        handled.action_done()

    def _demo_calendar(self, env, today):
        """The school's own vacations: the last summer holiday and the coming Christmas."""
        start = today - timedelta(days=7 * DEMO_WEEKS + 7)
        env["verzuim.holiday"].create(
            [
                {
                    "name": "Zomervakantie",
                    "kind": "vacation",
                    "date_from": start - timedelta(days=42),
                    "date_to": start - timedelta(days=1),
                },
                {
                    "name": "Kerstvakantie",
                    "kind": "vacation",
                    "date_from": today + timedelta(days=28),
                    "date_to": today + timedelta(days=41),
                },
            ]
        )

    def _xmlid(self, env, name, record):
        env["ir.model.data"]._update_xmlids(
            [{"xml_id": f"mbo_verzuim.{name}_demo", "record": record, "noupdate": True}]
        )

    def _demo_languages(self, env):
        env["res.lang"]._activate_lang("nl_NL")
        demo_users = env["res.users"].search([("login", "in", DEMO_LOGINS)])
        demo_users.write({"lang": "nl_NL"})

    def _demo_faculty(self, env, users):
        faculty = {}
        for login in ("docent", "docent2"):
            user = users[login]
            first, last = user.name.split(" ", 1)
            user.partner_id.user_id = user
            faculty[login] = env["op.faculty"].create(
                {
                    "partner_id": user.partner_id.id,
                    "name": user.name,
                    "first_name": first,
                    "last_name": last,
                    "birth_date": fields.Date.to_date("1980-03-14"),
                    "gender": "male",
                }
            )
            self._xmlid(env, f"faculty_{login}", faculty[login])
        return faculty

    def _demo_subjects(self, env):
        subjects = env["op.subject"]
        for code, name in SUBJECTS:
            subjects |= env["op.subject"].create({"code": f"VZ-{code}", "name": name})
        return subjects

    def _demo_courses(self, env, subjects):
        courses = {}
        for code, name, level in PROGRAMMES:
            courses[code] = env["op.course"].create(
                {
                    "code": code,
                    "name": name,
                    "verzuim_niveau": level,
                    "subject_ids": [(6, 0, subjects.ids)],
                }
            )
            self._xmlid(env, f"course_{code.lower()}", courses[code])
        return courses

    def _demo_batch(self, env, code, course, today):
        batch = env["op.batch"].create(
            {
                "code": code,
                "name": f"{code} {today.year}",
                "course_id": course.id,
                "start_date": today - timedelta(days=7 * DEMO_WEEKS + 14),
                "end_date": today + timedelta(days=240),
            }
        )
        self._xmlid(env, f"batch_{code.lower()}", batch)
        return batch

    def _demo_students(self, env, index, code, batch, leerweg, full_time, slb, today):
        students = []
        for number, (age, sq, profile) in enumerate(STUDENTS[code]):
            seq = index * 7 + number
            first = FIRST_NAMES[seq % len(FIRST_NAMES)]
            last = LAST_NAMES[(seq * 7) % len(LAST_NAMES)]
            birth = today - relativedelta(years=age, days=30 + 11 * number)
            student = env["op.student"].create(
                {
                    "name": f"{first} {last}",
                    "first_name": first,
                    "last_name": last,
                    "birth_date": birth,
                    "gender": "f" if seq % 2 else "m",
                    "gr_no": f"{code}-{number + 1:02d}",
                    "email": self._demo_email(first, last),
                    "mobile": f"06-{10000000 + seq * 1234567 % 90000000:08d}",
                    "verzuim_startkwalificatie": sq,
                    "verzuim_slb_id": slb.id,
                    "course_detail_ids": [
                        (
                            0,
                            0,
                            {
                                "course_id": batch.course_id.id,
                                "batch_id": batch.id,
                                "roll_number": str(number + 1),
                                "verzuim_leerweg": leerweg,
                                "verzuim_voltijd": full_time,
                            },
                        )
                    ],
                }
            )
            self._xmlid(env, f"student_{code.lower()}_{number + 1:02d}", student)
            students.append((student, profile))
        return students

    @staticmethod
    def _demo_email(first, last):
        """voornaam.achternaam@student.roc-demo.nl, without accents or spaces."""
        plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore")
        return f"{plain.decode().lower().replace(' ', '')}@student.roc-demo.nl"

    def _demo_lesson_days(self, leerweg, today):
        start = today - timedelta(days=today.weekday() + 7 * (DEMO_WEEKS - 1))
        day = start
        while day <= today:
            if day.weekday() < 5 and (leerweg == "bol" or day.weekday() == BBL_SCHOOL_DAY):
                yield day
            day += timedelta(days=1)

    def _demo_timetable(
        self, env, batch, register, faculty, subjects, students, leerweg, today, tz, rng
    ):
        lines = []
        days = list(self._demo_lesson_days(leerweg, today))
        last_past_day = max((day for day in days if day < today), default=None)
        for day in days:
            for slot, (start, end) in enumerate(LESSON_TIMES):
                session = env["op.session"].create(
                    {
                        "course_id": batch.course_id.id,
                        "batch_id": batch.id,
                        "faculty_id": faculty.id,
                        "subject_id": subjects[(day.toordinal() + slot) % len(subjects)].id,
                        "start_datetime": self._utc(tz, day, start),
                        "end_datetime": self._utc(tz, day, end),
                        "state": "done" if day < today else "confirm",
                    }
                )
                if day >= today or (day == last_past_day and slot == 2):
                    continue  # today's lessons and the last one before: still to register
                sheet = env["op.attendance.sheet"].create(
                    {
                        "register_id": register.id,
                        "session_id": session.id,
                        "attendance_date": day,
                        "faculty_id": faculty.id,
                        "state": "done",
                        "verzuim_done_at": self._demo_done_at(tz, day, slot, end),
                    }
                )
                weeks_ago = (
                    today.toordinal() - today.weekday() - day.toordinal() + day.weekday()
                ) // 7
                for student, profile in students:
                    status, late = self._demo_status(profile, weeks_ago, day, slot, rng, today)
                    lines.append(self._demo_line_vals(env, sheet, session, student, status, late))
        env["op.attendance.line"].create(lines)
        self._demo_notices(env, students, today, tz)

    def _demo_done_at(self, tz, day, slot, end):
        """Most registers are completed right after the lesson; now and then one the next
        morning (late), so that registration discipline has something to show."""
        if (day.toordinal() + slot) % 9 == 0:
            return self._utc(tz, day + timedelta(days=1), time(9, 0))
        return self._utc(tz, day, end) + timedelta(minutes=10)

    def _utc(self, tz, day, at):
        local = tz.localize(datetime.combine(day, at))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _demo_status(self, profile, weeks_ago, day, slot, rng, today):
        """(status, late minutes) of one student in one lesson, by the student's profile."""
        if profile == "dropout" and weeks_ago < 9:
            return "absent", 0
        if profile == "truant" and weeks_ago < 3 and day.weekday() in (0, 4):
            return "absent", 0
        if profile == "sick_long" and 2 <= weeks_ago <= 4:
            return "absent", 0
        if profile == "sick_often" and day.weekday() == 2 and weeks_ago % 2 == 1:
            return "absent", 0
        if profile == "sick_now" and (today - day).days <= 2:
            return "absent", 0
        if profile == "luxe" and weeks_ago == 3 and day.weekday() in (3, 4):
            return "absent_luxe", 0
        if profile == "late" and slot == 0 and rng.random() < 0.4:
            return "late", rng.choice((5, 10, 15, 25))
        roll = rng.random()
        if roll < 0.015:
            return "absent", 0
        if roll < 0.02:
            return "absent_doctor", 0
        if roll < 0.045:
            return "late", rng.choice((5, 10))
        if roll < 0.047:
            return "removed", 30
        return "present", 0

    def _demo_line_vals(self, env, sheet, session, student, status, late):
        vals = {"attendance_id": sheet.id, "student_id": student.id}
        if status in ("absent_doctor", "absent_luxe"):
            reason = "reason_arts" if status == "absent_doctor" else "reason_luxe"
            vals["verzuim_teacher_reason_id"] = env.ref(f"mbo_verzuim.{reason}").id
            status = "absent"
        vals["verzuim_status"] = status
        if status == "late":
            vals["verzuim_late_minutes"] = late
        if status == "removed":
            vals["verzuim_removed_at"] = session.end_datetime - timedelta(minutes=late)
        return vals

    def _demo_notices(self, env, students, today, tz):
        """Frontoffice notices that match the profiles: sickness, recovery, leave."""
        Notice = env["verzuim.notice"]
        monday = today - timedelta(days=today.weekday())
        for student, profile in students:
            if profile == "sick_long":
                Notice.create(
                    {
                        "student_id": student.id,
                        "notice_type": "sick",
                        "date_start": self._utc(tz, monday - timedelta(weeks=4), time(7, 0)),
                        "date_end": self._utc(tz, monday - timedelta(weeks=1, days=1), time(18, 0)),
                        "note": "Ziekmelding door ouder (telefonisch).",
                    }
                )
            elif profile == "sick_often":
                for weeks in range(1, 10, 2):
                    wednesday = monday - timedelta(weeks=weeks) + timedelta(days=2)
                    Notice.create(
                        {
                            "student_id": student.id,
                            "notice_type": "sick",
                            "date_start": self._utc(tz, wednesday, time(7, 0)),
                            "date_end": self._utc(tz, wednesday, time(18, 0)),
                        }
                    )
            elif profile == "sick_now":
                Notice.create(
                    {
                        "student_id": student.id,
                        "notice_type": "sick",
                        "date_start": self._utc(tz, today - timedelta(days=2), time(7, 0)),
                    }
                )
            elif profile == "regular" and student.gr_no.endswith("-07"):
                Notice.create(
                    {
                        "student_id": student.id,
                        "notice_type": "extra_leave",
                        "date_start": self._utc(tz, today + timedelta(days=10), time(0, 0)),
                        "date_end": self._utc(tz, today + timedelta(days=11), time(23, 59)),
                        "note": "Bruiloft van een broer, verlof verleend.",
                    }
                )
