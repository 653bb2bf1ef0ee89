from odoo import fields
from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    verzuim_sick_deadline = fields.Float(
        string="Report Sick Before",
        default=8.5,
        help="A sick report made in the portal after this time of the day it starts is marked "
        "'reported afterwards'.",
    )
    verzuim_leave_decision_days = fields.Integer(
        string="Days to Decide on Leave",
        default=10,
        help="The coordinator's to-do for a submitted leave request is due after these days.",
    )
    verzuim_same_day_notice = fields.Boolean(
        string="Same-Day E-mail of Unauthorized Absence",
        help="After a register is completed with an unauthorized absence, the parents of a "
        "student under 18 (or of an adult who consented) and the student get one e-mail a "
        "day that lists the day's unauthorized absences.",
    )
