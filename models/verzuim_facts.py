from datetime import datetime
from datetime import time

from odoo import api
from odoo import models
from odoo.tools import SQL

from ..engine import Registration
from ..engine import SickPeriod
from ..engine import StudentFacts
from ..engine.school_time import local_date


class VerzuimFacts(models.AbstractModel):
    """What the rule engine needs to know about students, read in bulk: a fixed number of
    queries per batch of students, whatever the number of registrations."""

    _name = "verzuim.facts"
    _description = "Absence Facts for the Rule Engine"

    @api.model
    def _collect(self, students, date_from, date_to):
        """{student id: StudentFacts} for registrations and sick notices in the period."""
        registrations = self._registrations(students, date_from, date_to)
        sick = self._sick_periods(students, date_to)
        profiles = self._profiles(students)
        return {
            student_id: StudentFacts(
                student_id=student_id,
                registrations=tuple(registrations.get(student_id, ())),
                sick_periods=tuple(sick.get(student_id, ())),
                **profiles.get(student_id, {}),
            )
            for student_id in students.ids
        }

    def _registrations(self, students, date_from, date_to):
        """Registrations aggregated per student, day, category and attended (one query)."""
        self.env["op.attendance.line"].flush_model()
        self.env["op.session"].flush_model(["start_datetime"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT line.student_id, line.verzuim_lesson_date, line.verzuim_category,
                       line.verzuim_attended, SUM(line.verzuim_minutes),
                       MAX(session.start_datetime), ARRAY_AGG(line.id ORDER BY line.id)
                  FROM op_attendance_line line
             LEFT JOIN op_session session ON session.id = line.verzuim_session_id
                 WHERE line.student_id IN %s
                   AND line.active
                   AND line.verzuim_lesson_date BETWEEN %s AND %s
              GROUP BY 1, 2, 3, 4
                """,
                tuple(students.ids) or (0,),
                date_from,
                date_to,
            )
        )
        result = {}
        for student_id, day, category, attended, minutes, start, line_ids in rows:
            order = start or datetime.combine(day, time.min)
            result.setdefault(student_id, []).append(
                Registration(
                    line_ids=tuple(line_ids),
                    day=day,
                    order=order,
                    minutes=int(minutes or 0),
                    category=category or "present",
                    attended=bool(attended),
                )
            )
        return result

    def _sick_periods(self, students, date_to):
        notices = (
            self.env["verzuim.notice"]
            .sudo()
            .search_read(
                [
                    ("student_id", "in", students.ids),
                    ("notice_type", "=", "sick"),
                    ("state", "!=", "cancelled"),
                    ("date_start", "<=", datetime.combine(date_to, time.max)),
                ],
                ["student_id", "date_start", "date_end"],
            )
        )

        result = {}
        for notice in notices:
            result.setdefault(notice["student_id"][0], []).append(
                SickPeriod(
                    notice["id"], local_date(notice["date_start"]), local_date(notice["date_end"])
                )
            )
        return result

    def _profiles(self, students):
        """Birth date, startkwalificatie and the running enrolment of each student."""
        result = {
            row["id"]: {
                "birth_date": row["birth_date"] or None,
                "startkwalificatie": row["verzuim_startkwalificatie"],
            }
            for row in students.sudo().read(["birth_date", "verzuim_startkwalificatie"])
        }
        enrolments = (
            self.env["op.student.course"]
            .sudo()
            .search([("student_id", "in", students.ids), ("state", "=", "running")], order="id")
        )
        for enrolment in enrolments:
            result[enrolment.student_id.id].update(
                level=enrolment.course_id.verzuim_niveau or None,
                leerweg=enrolment.verzuim_leerweg or None,
                full_time=enrolment.verzuim_voltijd,
            )
        return result
