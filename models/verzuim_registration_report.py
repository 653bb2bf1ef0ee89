from odoo import fields
from odoo import models
from odoo import tools
from odoo.tools import SQL
from odoo.tools.sql import create_index

from ..engine.school_time import SCHOOL_TZ
from .verzuim_absence_report import school_year_sql

REGISTRATION_STATES = [
    ("on_time", "Registered on time"),
    ("late", "Registered late"),
    ("missing", "Not registered"),
]


class VerzuimRegistrationReport(models.Model):
    """Registration discipline: every lesson given (ended, not cancelled) and whether its
    register was completed on time (before the school's hour on the lesson's day), late, or
    not at all. Rows are lessons, never students."""

    _name = "verzuim.registration.report"
    _inherit = "verzuim.report.privacy"
    _description = "Registration Discipline"
    _auto = False
    _order = "lesson_date desc"
    _verzuim_ratios = {"on_time_rate": ("on_time", "lessons", 100)}

    session_id = fields.Many2one("op.session", string="Lesson", readonly=True)
    lesson_date = fields.Date(readonly=True)
    school_year = fields.Char(readonly=True)
    teacher_id = fields.Many2one("op.faculty", readonly=True)
    batch_id = fields.Many2one("op.batch", string="Class", readonly=True)
    course_id = fields.Many2one("op.course", string="Programme", readonly=True)
    department_id = fields.Many2one("op.department", string="Team", readonly=True)
    subject_id = fields.Many2one("op.subject", readonly=True)
    company_id = fields.Many2one("res.company", string="Institution", readonly=True)
    registration_state = fields.Selection(REGISTRATION_STATES, string="Registration", readonly=True)
    deadline = fields.Datetime(string="On Time Until", readonly=True)
    done_at = fields.Datetime(string="Completed At", readonly=True)
    lessons = fields.Integer(string="Lessons Given", readonly=True, aggregator="sum")
    on_time = fields.Integer(readonly=True, aggregator="sum")
    late = fields.Integer(readonly=True, aggregator="sum")
    missing = fields.Integer(string="Not Registered", readonly=True, aggregator="sum")
    on_time_rate = fields.Float(
        string="On Time (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",  # computed as sum(on_time) / sum(lessons)
    )

    def _verzuim_min_group(self):
        # Lessons and teachers, not students: no figure here singles a student out.
        return 0

    def init(self):
        # A lesson's registers by session (OpenEduCat indexes no session_id): the join when
        # the view is filtered to a few lessons.
        create_index(
            self.env.cr,
            "op_attendance_sheet_verzuim_session_idx",
            "op_attendance_sheet",
            ["session_id"],
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH lesson AS (
                        SELECT session.id, session.verzuim_lesson_date, session.faculty_id,
                               session.batch_id, session.course_id, session.subject_id,
                               COALESCE(session.company_id, faculty_partner.company_id)
                                   AS company_id,
                               session.verzuim_register_state,
                               ((session.verzuim_lesson_date
                                 + make_interval(secs => COALESCE(company.verzuim_register_deadline,
                                                                  24) * 3600))
                                AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC' AS deadline,
                               sheet.done_at
                          FROM op_session session
                     LEFT JOIN (
                                SELECT session_id,
                                       MAX(COALESCE(verzuim_done_at, verzuim_done_date::timestamp))
                                           AS done_at
                                  FROM op_attendance_sheet
                              GROUP BY session_id
                               ) sheet ON sheet.session_id = session.id
                     LEFT JOIN op_faculty faculty ON faculty.id = session.faculty_id
                     LEFT JOIN res_partner faculty_partner
                            ON faculty_partner.id = faculty.partner_id
                     LEFT JOIN res_company company ON company.id = session.company_id
                         WHERE session.active
                           AND session.state != 'cancel'
                           AND session.end_datetime <= (now() AT TIME ZONE 'UTC')
                    )
                    SELECT lesson.id,
                           lesson.id AS session_id,
                           lesson.verzuim_lesson_date AS lesson_date,
                           %(school_year)s AS school_year,
                           lesson.faculty_id AS teacher_id,
                           lesson.batch_id,
                           lesson.course_id,
                           course.department_id,
                           lesson.subject_id,
                           lesson.company_id,
                           lesson.deadline,
                           CASE WHEN lesson.verzuim_register_state = 'done'
                                THEN lesson.done_at END AS done_at,
                           CASE WHEN lesson.verzuim_register_state != 'done'
                                  OR lesson.verzuim_register_state IS NULL THEN 'missing'
                                WHEN lesson.done_at <= lesson.deadline THEN 'on_time'
                                ELSE 'late' END AS registration_state,
                           1 AS lessons,
                           CASE WHEN lesson.verzuim_register_state = 'done'
                                 AND lesson.done_at <= lesson.deadline THEN 1 ELSE 0 END
                               AS on_time,
                           CASE WHEN lesson.verzuim_register_state = 'done'
                                 AND (lesson.done_at IS NULL OR lesson.done_at > lesson.deadline)
                                THEN 1 ELSE 0 END AS late,
                           CASE WHEN lesson.verzuim_register_state = 'done' THEN 0 ELSE 1 END
                               AS missing,
                           CASE WHEN lesson.verzuim_register_state = 'done'
                                 AND lesson.done_at <= lesson.deadline THEN 100.0 ELSE 0.0 END
                               AS on_time_rate
                      FROM lesson
                 LEFT JOIN op_course course ON course.id = lesson.course_id
                )
                """,
                view=SQL.identifier(self._table),
                tz=SCHOOL_TZ,
                school_year=school_year_sql(SQL("lesson.verzuim_lesson_date")),
            )
        )
