from odoo import fields
from odoo import models
from odoo import tools
from odoo.tools import SQL
from odoo.tools.sql import create_index

# Rows are registrations: the view keeps the student to count distinct students per group
# (small groups are hidden from management) and for the SLB's record rule; only the
# coordinator and the SLB read or group by the student.
STUDENT_READERS = "mbo_verzuim.group_coordinator,mbo_verzuim.group_slb"
FIGURES = (
    "registrations",
    "planned_hours",
    "attended_hours",
    "authorized_hours",
    "unauthorized_hours",
    "missed_hours",
    "attendance_rate",
)


def school_year_sql(day):
    """The school year ("2025-2026", from 1 August) of a date column, in SQL."""
    return SQL(
        "CASE WHEN EXTRACT(MONTH FROM %(d)s) >= 8"
        " THEN EXTRACT(YEAR FROM %(d)s)::int || '-' || (EXTRACT(YEAR FROM %(d)s)::int + 1)"
        " ELSE (EXTRACT(YEAR FROM %(d)s)::int - 1) || '-' || EXTRACT(YEAR FROM %(d)s)::int END",
        d=day,
    )


class VerzuimAbsenceReport(models.Model):
    """Attendance figures per programme, level, class, team, teacher, subject and period:
    planned, attended, authorized and unauthorized hours and the attendance rate."""

    _name = "verzuim.absence.report"
    _inherit = "verzuim.report.privacy"
    _description = "Attendance Analysis"
    _auto = False
    _order = "lesson_date desc"
    _verzuim_ratios = {"attendance_rate": ("attended_hours", "planned_hours", 100)}
    _verzuim_figures = FIGURES

    lesson_date = fields.Date(readonly=True)
    school_year = fields.Char(readonly=True, help="From 1 August to 31 July.")
    batch_id = fields.Many2one("op.batch", string="Class", readonly=True)
    course_id = fields.Many2one("op.course", string="Programme", readonly=True)
    department_id = fields.Many2one("op.department", string="Team", readonly=True)
    niveau = fields.Selection(
        [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3"), ("4", "Level 4")],
        string="MBO Level",
        readonly=True,
    )
    teacher_id = fields.Many2one("op.faculty", readonly=True)
    subject_id = fields.Many2one("op.subject", readonly=True)
    category = fields.Selection(
        [("present", "Present"), ("authorized", "Authorized"), ("unauthorized", "Unauthorized")],
        readonly=True,
    )
    student_id = fields.Many2one("op.student", readonly=True, groups=STUDENT_READERS)
    slb_id = fields.Many2one("res.users", string="SLB", readonly=True, groups=STUDENT_READERS)
    company_id = fields.Many2one("res.company", string="Institution", readonly=True)
    registrations = fields.Integer(readonly=True, aggregator="sum")
    planned_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    attended_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    authorized_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    unauthorized_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    missed_hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 1))
    attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",  # computed as sum(attended) / sum(planned): see verzuim.report.privacy
        help="Attended hours divided by planned hours, in percent.",
    )

    def init(self):
        # The dashboard and the PDF read one programme over a period.
        create_index(
            self.env.cr,
            "op_attendance_line_verzuim_course_date_idx",
            "op_attendance_line",
            ["course_id", "verzuim_lesson_date"],
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT line.id AS id,
                           line.verzuim_lesson_date AS lesson_date,
                           %(school_year)s AS school_year,
                           line.batch_id,
                           line.course_id,
                           course.department_id,
                           course.verzuim_niveau AS niveau,
                           session.faculty_id AS teacher_id,
                           session.subject_id,
                           line.verzuim_category AS category,
                           line.student_id,
                           line.verzuim_slb_id AS slb_id,
                           partner.company_id,
                           1 AS registrations,
                           line.verzuim_lesson_minutes / 60.0 AS planned_hours,
                           GREATEST(line.verzuim_lesson_minutes - line.verzuim_minutes, 0) / 60.0
                               AS attended_hours,
                           CASE WHEN line.verzuim_category = 'authorized'
                                THEN line.verzuim_minutes / 60.0 ELSE 0 END AS authorized_hours,
                           CASE WHEN line.verzuim_category = 'unauthorized'
                                THEN line.verzuim_minutes / 60.0 ELSE 0 END AS unauthorized_hours,
                           line.verzuim_minutes / 60.0 AS missed_hours,
                           CASE WHEN line.verzuim_lesson_minutes > 0
                                THEN 100.0 * GREATEST(
                                         line.verzuim_lesson_minutes - line.verzuim_minutes, 0
                                     ) / line.verzuim_lesson_minutes
                           END AS attendance_rate
                      FROM op_attendance_line line
                 LEFT JOIN op_session session ON session.id = line.verzuim_session_id
                 LEFT JOIN op_course course ON course.id = line.course_id
                 LEFT JOIN op_student student ON student.id = line.student_id
                 LEFT JOIN res_partner partner ON partner.id = student.partner_id
                     WHERE line.active
                )
                """,
                view=SQL.identifier(self._table),
                school_year=school_year_sql(SQL("line.verzuim_lesson_date")),
            )
        )
