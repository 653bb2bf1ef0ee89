from odoo import fields
from odoo import models
from odoo import tools
from odoo.tools import SQL

from .verzuim_absence_report import school_year_sql

LEERWEGEN = [("bol", "BOL"), ("bbl", "BBL")]


class VerzuimUrennormReport(models.Model):
    """The urennorm (domain §10) per class and school year: the hours programmed in the
    timetable against the norm of the class's learning pathway, and the hours its students
    attended on average."""

    _name = "verzuim.urennorm.report"
    _inherit = "verzuim.report.privacy"
    _description = "Urennorm"
    _auto = False
    _order = "school_year desc, batch_id"
    _verzuim_ratios = {
        "attended_hours": ("total_attended_hours", "student_count"),
        "norm_rate": ("programmed_hours", "norm_hours", 100),
    }
    _verzuim_figures = ("attended_hours", "total_attended_hours")

    school_year = fields.Char(readonly=True)
    batch_id = fields.Many2one("op.batch", string="Class", readonly=True)
    course_id = fields.Many2one("op.course", string="Programme", readonly=True)
    department_id = fields.Many2one("op.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Institution", readonly=True)
    leerweg = fields.Selection(LEERWEGEN, string="Learning Pathway", readonly=True)
    lessons = fields.Integer(readonly=True, aggregator="sum")
    programmed_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    given_hours = fields.Float(
        readonly=True, aggregator="sum", digits=(16, 1), help="Programmed lessons that have ended."
    )
    norm_hours = fields.Float(
        string="Norm (hours)", readonly=True, aggregator="sum", digits=(16, 0)
    )
    norm_rate = fields.Float(
        string="Programmed / Norm (%)",
        digits=(16, 1),
        readonly=True,
        aggregator="avg",  # computed as sum(programmed) / sum(norm)
    )
    below_norm = fields.Boolean(readonly=True)
    student_count = fields.Integer(string="Students", readonly=True, aggregator="sum")
    total_attended_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    attended_hours = fields.Float(
        string="Attended Hours per Student",
        readonly=True,
        aggregator="avg",  # computed as sum(total attended) / sum(students)
        digits=(16, 1),
    )

    def _verzuim_students_sql(self):
        return SQL("SUM(%s)", SQL.identifier(self._table, "student_count"))

    def _verzuim_row_students(self):
        return {row.id: row.student_count for row in self}

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH lesson AS (
                        SELECT session.batch_id,
                               %(session_year)s AS school_year,
                               MIN(session.company_id) AS company_id,
                               COUNT(*) AS lessons,
                               SUM(EXTRACT(EPOCH FROM session.end_datetime
                                                      - session.start_datetime)) / 3600.0
                                   AS programmed_hours,
                               SUM(CASE WHEN session.end_datetime <= (now() AT TIME ZONE 'UTC')
                                        THEN EXTRACT(EPOCH FROM session.end_datetime
                                                                - session.start_datetime)
                                        ELSE 0 END) / 3600.0 AS given_hours
                          FROM op_session session
                         WHERE session.active AND session.state != 'cancel'
                      GROUP BY session.batch_id, 2
                    ), attendance AS (
                        SELECT line.batch_id,
                               %(line_year)s AS school_year,
                               COUNT(DISTINCT line.student_id) AS student_count,
                               SUM(GREATEST(line.verzuim_lesson_minutes - line.verzuim_minutes, 0))
                                   / 60.0 AS attended_hours
                          FROM op_attendance_line line
                         WHERE line.active
                      GROUP BY line.batch_id, 2
                    ), pathway AS (
                        SELECT enrolment.batch_id,
                               MODE() WITHIN GROUP (ORDER BY enrolment.verzuim_leerweg) AS leerweg
                          FROM op_student_course enrolment
                         WHERE enrolment.verzuim_leerweg IS NOT NULL
                      GROUP BY enrolment.batch_id
                    )
                    SELECT ROW_NUMBER() OVER (ORDER BY lesson.batch_id, lesson.school_year) AS id,
                           lesson.school_year,
                           lesson.batch_id,
                           batch.course_id,
                           course.department_id,
                           lesson.company_id,
                           COALESCE(pathway.leerweg, 'bol') AS leerweg,
                           lesson.lessons,
                           lesson.programmed_hours,
                           lesson.given_hours,
                           norm.hours AS norm_hours,
                           100 * lesson.programmed_hours / NULLIF(norm.hours, 0) AS norm_rate,
                           lesson.programmed_hours < norm.hours AS below_norm,
                           COALESCE(attendance.student_count, 0) AS student_count,
                           COALESCE(attendance.attended_hours, 0) AS total_attended_hours,
                           attendance.attended_hours / NULLIF(attendance.student_count, 0)
                               AS attended_hours
                      FROM lesson
                      JOIN op_batch batch ON batch.id = lesson.batch_id
                 LEFT JOIN op_course course ON course.id = batch.course_id
                 LEFT JOIN pathway ON pathway.batch_id = lesson.batch_id
                 LEFT JOIN attendance ON attendance.batch_id = lesson.batch_id
                                     AND attendance.school_year = lesson.school_year
                 LEFT JOIN res_company company ON company.id = lesson.company_id
                 CROSS JOIN LATERAL (
                        SELECT CASE WHEN COALESCE(pathway.leerweg, 'bol') = 'bbl'
                                    THEN COALESCE(company.verzuim_norm_bbl, 850)
                                    ELSE COALESCE(company.verzuim_norm_bol, 1000) END AS hours
                    ) norm
                )
                """,
                view=SQL.identifier(self._table),
                session_year=school_year_sql(SQL("session.verzuim_lesson_date")),
                line_year=school_year_sql(SQL("line.verzuim_lesson_date")),
            )
        )
