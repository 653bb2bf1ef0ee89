from datetime import date
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
        """{student id: StudentFacts} for registrations and sick notices up to ``date_to``.

        Registrations from ``date_from``, or for a student whose unauthorized absence was still
        going on then, from the last registration before it that broke the absence (attended,
        or authorized): a long absence is then always seen from its start, whatever day the
        look-back begins."""
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
        """Registrations aggregated per student, day, category, attended and reason (two
        queries: where each student's facts begin, then the registrations)."""
        self.env["op.attendance.line"].flush_model()
        ids = list(students.ids)
        starts = dict(
            self.env.execute_query(
                SQL(
                    """
                SELECT student.id,
                       (SELECT previous.verzuim_lesson_date
                          FROM op_attendance_line previous
                         WHERE previous.student_id = student.id
                           AND previous.active
                           AND previous.verzuim_lesson_date < %(date_from)s
                           AND (previous.verzuim_attended
                                OR previous.verzuim_category IS DISTINCT FROM 'unauthorized')
                      ORDER BY previous.verzuim_lesson_date DESC
                         LIMIT 1)
                  FROM unnest(%(ids)s::int[]) AS student(id)
                    """,
                    ids=ids,
                    date_from=date_from,
                )
            )
        )
        # From the last registration before date_from that broke an absence; without one, an
        # absence (if any) goes back to the student's first registration.
        bounds = [min(starts.get(student_id) or date.min, date_from) for student_id in ids]
        codes = dict(self.env.execute_query(SQL("SELECT id, code FROM verzuim_reason")))
        rows = self.env.execute_query(
            SQL(
                """
                SELECT line.student_id, line.verzuim_lesson_date, line.verzuim_category,
                       line.verzuim_attended, line.verzuim_reason_id, SUM(line.verzuim_minutes),
                       MAX(line.verzuim_lesson_start), ARRAY_AGG(line.id ORDER BY line.id)
                  FROM op_attendance_line line
                  JOIN unnest(%(ids)s::int[], %(bounds)s::date[]) AS bound(student_id, day)
                    ON bound.student_id = line.student_id
                 WHERE line.active AND line.student_id = ANY(%(ids)s)
                   AND line.verzuim_lesson_date >= bound.day
                   AND line.verzuim_lesson_date <= %(date_to)s
              GROUP BY 1, 2, 3, 4, 5
                """,
                ids=ids,
                bounds=bounds,
                date_to=date_to,
            )
        )
        result = {}
        for student_id, day, category, attended, reason_id, minutes, start, line_ids in rows:
            order = start or datetime.combine(day, time.min)
            result.setdefault(student_id, []).append(
                Registration(
                    line_ids=tuple(line_ids),
                    day=day,
                    order=order,
                    minutes=int(minutes or 0),
                    category=category or "present",
                    attended=bool(attended),
                    reason=codes.get(reason_id),
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
