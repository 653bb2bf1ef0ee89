from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

UNKNOWN_CODE = "onbekend"


class VerzuimReasonSet(models.TransientModel):
    """One reason for a selection of registrations (the SLB's worklist)."""

    _name = "verzuim.reason.set"
    _description = "Set a Reason for Registrations"

    line_ids = fields.Many2many("op.attendance.line", string="Registrations", required=True)
    line_count = fields.Integer(
        string="Number of Registrations", compute="_compute_allowed_reason_ids"
    )
    allowed_reason_ids = fields.Many2many(
        "verzuim.reason", compute="_compute_allowed_reason_ids", string="Reasons That Fit"
    )
    reason_id = fields.Many2one(
        "verzuim.reason",
        required=True,
        domain="[('id', 'in', allowed_reason_ids)]",
    )

    @api.depends("line_ids")
    def _compute_allowed_reason_ids(self):
        """Only the reasons that fit the status of every selected registration."""
        reasons = self.env["verzuim.reason"].search([("code", "!=", UNKNOWN_CODE)])
        for wizard in self:
            statuses = set(wizard.line_ids.mapped("verzuim_status")) - {"present"}
            wizard.line_count = len(wizard.line_ids)
            wizard.allowed_reason_ids = reasons.filtered(
                lambda reason, statuses=statuses: statuses
                and all(reason._fits_status(status) for status in statuses)
            )

    def action_confirm(self):
        self.ensure_one()
        if self.reason_id not in self.allowed_reason_ids:
            raise UserError(
                self.env._(
                    "The reason '%(reason)s' does not fit every selected registration: select "
                    "absences and late registrations separately.",
                    reason=self.reason_id.name,
                )
            )
        self.line_ids.write({"verzuim_visible_reason_id": self.reason_id.id})
        return {"type": "ir.actions.act_window_close"}
