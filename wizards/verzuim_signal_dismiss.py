from odoo import fields
from odoo import models


class VerzuimSignalDismiss(models.TransientModel):
    _name = "verzuim.signal.dismiss"
    _description = "Dismiss a Signal"

    signal_ids = fields.Many2many("verzuim.signal", string="Signals", required=True)
    reason = fields.Text(string="Why", required=True, help="Why no further action is needed.")

    def action_confirm(self):
        self.ensure_one()
        self.signal_ids._dismiss(self.reason)
        return {"type": "ir.actions.act_window_close"}
