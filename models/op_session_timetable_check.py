from collections import defaultdict

from odoo import api
from odoo import models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.sql import create_index

# OpenEduCat's timetable settings (ir.config_parameter) and what each one forbids: two lessons
# on the same day whose times overlap and that share these columns.
TIMETABLE_CHECKS = (
    ("timetable.is_faculty_constraint", ("faculty_id",)),
    ("timetable.is_classroom_constraint", ("classroom_id",)),
    ("timetable.is_batch_and_subject_constraint", ("batch_id", "subject_id")),
    ("timetable.is_batch_constraint", ("batch_id",)),
)


class OpSessionTimetableCheck(models.Model):
    """OpenEduCat's overlap checks of the timetable, on the sessions that can clash only.

    OpenEduCat's own constraint reads every session of the database for each session created
    or changed (quadratic in the size of the timetable) and fails on a batch create. This one
    asks PostgreSQL, once per setting for the whole batch, for a session of the same day that
    overlaps in time and shares the faculty, classroom or class; an empty classroom clashes
    with nothing."""

    _inherit = "op.session"

    def init(self):
        result = super().init()
        for column in ("faculty_id", "classroom_id", "batch_id"):
            create_index(
                self.env.cr,
                f"op_session_{column}_start_idx",
                self._table,
                [column, "start_datetime"],
            )
        return result

    @api.model_create_multi
    def create(self, vals_list):
        """A batch of lessons in one INSERT. OpenEduCat's create (it subscribes the teacher and
        the class's students to each lesson) reads one session only: a batch skips it and
        subscribes them per group of lessons with the same people (below). The only other
        create of op.session before it is the module's rights check, done here as well."""
        if len(vals_list) <= 1:
            return super().create(vals_list)
        self._verzuim_check_timetable_rights()
        sessions = super(self._openeducat_class(), self).create(vals_list)
        sessions._subscribe_lesson_people()
        return sessions

    def _openeducat_class(self):
        return next(
            cls
            for cls in type(self).mro()
            if cls.__module__ == "odoo.addons.openeducat_timetable.models.timetable"
            and "create" in cls.__dict__
        )

    def _subscribe_lesson_people(self):
        """What OpenEduCat's create does for one lesson, for a batch: the teacher's user and
        the users of the students enrolled in the lesson's class follow it ("Discussions")."""
        subtype = (
            self.env["mail.message.subtype"].sudo().search([("name", "=", "Discussions")], limit=1)
        )
        if not subtype:
            return
        enrolments = (
            self.env["op.student.course"].sudo().search([("batch_id", "in", self.batch_id.ids)])
        )
        students = defaultdict(set)
        for enrolment in enrolments.filtered("student_id.user_id"):
            key = (enrolment.batch_id.id, enrolment.course_id.id)
            students[key].add(enrolment.student_id.user_id.partner_id.id)
        by_people = defaultdict(list)
        for session in self.sudo():
            people = set(students.get((session.batch_id.id, session.course_id.id), ()))
            if session.faculty_id.user_id:
                people.add(session.faculty_id.user_id.partner_id.id)
            if people:
                by_people[frozenset(people)].append(session.id)
        for people, ids in by_people.items():
            self.sudo().browse(ids).message_subscribe(
                partner_ids=sorted(people), subtype_ids=subtype.ids
            )

    @api.constrains("start_datetime", "end_datetime")
    def _check_date_time(self):
        """OpenEduCat's check, for a batch of sessions too."""
        for session in self:
            if (
                session.start_datetime
                and session.end_datetime
                and session.start_datetime > session.end_datetime
            ):
                raise ValidationError(self.env._("End Time cannot be set before Start Time."))

    @api.constrains(
        "faculty_id", "start_datetime", "end_datetime", "classroom_id", "batch_id", "subject_id"
    )
    def check_timetable_fields(self):
        params = self.env["ir.config_parameter"].sudo()
        checks = [(key, columns) for key, columns in TIMETABLE_CHECKS if params.get_param(key)]
        sessions = self.filtered(lambda s: s.start_datetime and s.end_datetime)
        if not checks or not sessions:
            return
        self.flush_model(
            [
                "faculty_id",
                "classroom_id",
                "batch_id",
                "subject_id",
                "start_datetime",
                "end_datetime",
            ]
        )
        for key, columns in checks:
            same = SQL(" AND ").join(
                SQL(
                    "other.%s = session.%s",
                    SQL.identifier(column),
                    SQL.identifier(column),
                )
                for column in columns
            )
            clash = self.env.execute_query(
                SQL(
                    """
                SELECT session.id
                  FROM op_session session
                  JOIN op_session other
                    ON other.id <> session.id
                   AND %(same)s
                   AND other.start_datetime >= date_trunc('day', session.start_datetime)
                   AND other.start_datetime < date_trunc('day', session.start_datetime)
                                              + INTERVAL '1 day'
                   AND other.start_datetime < session.end_datetime
                   AND session.start_datetime < other.end_datetime
                 WHERE session.id = ANY(%(ids)s)
                 LIMIT 1
                    """,
                    same=same,
                    ids=sessions.ids,
                )
            )
            if clash:
                raise ValidationError(self._timetable_clash_message(key))

    def _timetable_clash_message(self, key):
        return {
            "timetable.is_faculty_constraint": self.env._(
                "This teacher already has a lesson at that time on that day. Choose another "
                "time or teacher."
            ),
            "timetable.is_classroom_constraint": self.env._(
                "This classroom is already in use at that time on that day. Choose another "
                "time or classroom."
            ),
            "timetable.is_batch_and_subject_constraint": self.env._(
                "This class already has a lesson of this subject at that time on that day."
            ),
            "timetable.is_batch_constraint": self.env._(
                "This class already has a lesson at that time on that day. Choose another time."
            ),
        }[key]
