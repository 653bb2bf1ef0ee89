from odoo import fields
from odoo import models
from odoo import tools
from odoo.tools import SQL


class VerzuimAbsenceReport(models.Model):
    """Absence figures for management: per class, programme, day and category, never per
    student (management reads aggregates only)."""

    _name = "verzuim.absence.report"
    _description = "Absence Figures"
    _auto = False
    _order = "lesson_date desc"

    lesson_date = fields.Date(readonly=True)
    batch_id = fields.Many2one("op.batch", string="Class", readonly=True)
    course_id = fields.Many2one("op.course", string="Programme", readonly=True)
    niveau = fields.Selection(
        [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3"), ("4", "Level 4")],
        string="MBO Level",
        readonly=True,
    )
    category = fields.Selection(
        [("present", "Present"), ("authorized", "Authorized"), ("unauthorized", "Unauthorized")],
        readonly=True,
    )
    company_id = fields.Many2one("res.company", string="Institution", readonly=True)
    registrations = fields.Integer(readonly=True, aggregator="sum")
    lesson_hours = fields.Float(readonly=True, aggregator="sum")
    missed_hours = fields.Float(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT MIN(line.id) AS id,
                           line.verzuim_lesson_date AS lesson_date,
                           line.batch_id,
                           line.course_id,
                           course.verzuim_niveau AS niveau,
                           line.verzuim_category AS category,
                           partner.company_id,
                           COUNT(*) AS registrations,
                           SUM(line.verzuim_lesson_minutes) / 60.0 AS lesson_hours,
                           SUM(line.verzuim_minutes) / 60.0 AS missed_hours
                      FROM op_attendance_line line
                 LEFT JOIN op_course course ON course.id = line.course_id
                 LEFT JOIN op_student student ON student.id = line.student_id
                 LEFT JOIN res_partner partner ON partner.id = student.partner_id
                     WHERE line.active
                  GROUP BY line.verzuim_lesson_date, line.batch_id, line.course_id,
                           course.verzuim_niveau, line.verzuim_category, partner.company_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
