from odoo import fields
from odoo import models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    verzuim_min_group_size = fields.Integer(
        related="company_id.verzuim_min_group_size", readonly=False
    )
    verzuim_register_deadline = fields.Float(
        related="company_id.verzuim_register_deadline", readonly=False
    )
    verzuim_discipline_mail = fields.Boolean(
        related="company_id.verzuim_discipline_mail", readonly=False
    )
    verzuim_norm_bol = fields.Float(related="company_id.verzuim_norm_bol", readonly=False)
    verzuim_norm_bbl = fields.Float(related="company_id.verzuim_norm_bbl", readonly=False)
