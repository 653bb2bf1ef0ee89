from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    verzuim_min_group_size = fields.Integer(
        string="Minimum Group Size for Management",
        default=5,
        help="Management does not see figures made of fewer students than this, so that "
        "nobody is singled out. The absence coordinator sees every figure.",
    )
    verzuim_register_deadline = fields.Float(
        string="Register on Time Until",
        default=24.0,
        help="A lesson's register completed before this hour of the lesson's day is on time "
        "(24:00: before the end of the day).",
    )
    verzuim_discipline_mail = fields.Boolean(
        string="Weekly Registration Summary to Team Managers",
        default=False,
        help="Every Monday each team's manager receives last week's registration discipline "
        "of the team's programmes.",
    )
    verzuim_norm_bol = fields.Float(string="Urennorm BOL (hours a year)", default=1000.0)
    verzuim_norm_bbl = fields.Float(string="Urennorm BBL (hours a year)", default=850.0)

    @api.constrains(
        "verzuim_min_group_size",
        "verzuim_register_deadline",
        "verzuim_norm_bol",
        "verzuim_norm_bbl",
    )
    def _check_verzuim_analysis_settings(self):
        for company in self:
            if company.verzuim_min_group_size < 1:
                raise ValidationError(self.env._("The minimum group size is at least 1."))
            if not 0 < company.verzuim_register_deadline <= 24:
                raise ValidationError(
                    self.env._("The hour a register is on time until lies between 0:00 and 24:00.")
                )
            if company.verzuim_norm_bol < 0 or company.verzuim_norm_bbl < 0:
                raise ValidationError(self.env._("An urennorm cannot be negative."))
