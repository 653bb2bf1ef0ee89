from odoo import fields
from odoo import models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    verzuim_coordinator_id = fields.Many2one(
        related="company_id.verzuim_coordinator_id", readonly=False
    )
    verzuim_liberation_day = fields.Boolean(
        string="5 May (Liberation Day) is a day off",
        config_parameter="mbo_verzuim.holiday_liberation_day",
        default=True,
    )
    verzuim_good_friday = fields.Boolean(
        string="Good Friday is a day off",
        config_parameter="mbo_verzuim.holiday_good_friday",
    )

    def action_verzuim_generate_holidays(self):
        self.execute()
        count = self.env["verzuim.holiday"]._generate_public_holidays()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s public holidays added to the school calendar.", count),
            },
        }
