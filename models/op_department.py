from odoo import fields
from odoo import models


class OpDepartment(models.Model):
    """OpenEduCat's department is the school's team: its programmes (op.course) belong to it."""

    _inherit = "op.department"

    verzuim_manager_id = fields.Many2one(
        "res.users",
        string="Team Manager",
        help="Receives the weekly summary of the team's registration discipline (when the "
        "school switches it on).",
    )
