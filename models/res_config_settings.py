from odoo import fields
from odoo import models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Per institution, on res.company: a Boolean stored as a system parameter with
    # default=True cannot be switched off (unticking deletes the parameter).
    verzuim_coordinator_id = fields.Many2one(
        related="company_id.verzuim_coordinator_id", readonly=False
    )
    verzuim_liberation_day = fields.Boolean(
        related="company_id.verzuim_liberation_day", readonly=False
    )
    verzuim_good_friday = fields.Boolean(related="company_id.verzuim_good_friday", readonly=False)
    verzuim_reopen_days = fields.Integer(related="company_id.verzuim_reopen_days", readonly=False)

    def action_verzuim_generate_holidays(self):
        self.execute()
        count = self.env["verzuim.holiday"]._generate_public_holidays(company=self.company_id)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s public holidays added to the school calendar.", count),
            },
        }
