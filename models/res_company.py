from odoo import fields
from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    verzuim_coordinator_id = fields.Many2one(
        "res.users",
        string="Absence Coordinator",
        help="Receives the signals that the coordinator handles (verzuimloket, RMC, DUO).",
    )
