from odoo import fields
from odoo import models


class VerzuimLeaveRefuse(models.TransientModel):
    _name = "verzuim.leave.refuse"
    _description = "Refuse a Leave Request"

    request_ids = fields.Many2many("verzuim.leave.request", string="Requests", required=True)
    reason = fields.Text(required=True, help="Sent to the requester in the decision letter.")

    def action_confirm(self):
        self.ensure_one()
        self.request_ids._refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
