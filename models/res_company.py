from odoo import fields
from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    verzuim_coordinator_id = fields.Many2one(
        "res.users",
        string="Absence Coordinator",
        help="Receives the signals that the coordinator handles (verzuimloket, RMC, DUO).",
    )
    verzuim_liberation_day = fields.Boolean(
        string="5 May (Liberation Day) is a day off",
        default=True,
        help="Added to the school calendar every year, not only in lustrum years.",
    )
    verzuim_good_friday = fields.Boolean(
        string="Good Friday is a day off",
        default=False,
    )
    verzuim_reopen_days = fields.Integer(
        string="Days a Teacher May Reopen a Register",
        default=0,
        help="0: only on the day the register was completed. After these days only the absence "
        "coordinator reopens it.",
    )
