from odoo import fields
from odoo import models


class OpStudentCourse(models.Model):
    _inherit = "op.student.course"

    verzuim_leerweg = fields.Selection(
        [("bol", "BOL"), ("bbl", "BBL")],
        string="Learning Pathway",
        default="bol",
        help="BOL: school-based (beroepsopleidende leerweg); "
        "BBL: work-based (beroepsbegeleidende leerweg).",
    )
    verzuim_voltijd = fields.Boolean(string="Full-time", default=True)
    verzuim_niveau = fields.Selection(related="course_id.verzuim_niveau", string="MBO Level")
