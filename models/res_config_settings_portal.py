from odoo import fields
from odoo import models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    verzuim_sick_deadline = fields.Float(related="company_id.verzuim_sick_deadline", readonly=False)
    verzuim_leave_decision_days = fields.Integer(
        related="company_id.verzuim_leave_decision_days", readonly=False
    )
    verzuim_same_day_notice = fields.Boolean(
        related="company_id.verzuim_same_day_notice", readonly=False
    )
