"""The SLB's worklist: hours instead of minutes, labels that say what is unknown, and the
action that sets one reason for a selection of registrations."""

from odoo import api
from odoo import fields
from odoo import models


class OpAttendanceLine(models.Model):
    _inherit = "op.attendance.line"

    verzuim_hours = fields.Float(
        string="Hours Missed",
        compute="_compute_verzuim_hours",
        store=True,
        digits=(6, 1),
        aggregator="sum",
    )

    @api.depends("verzuim_minutes")
    def _compute_verzuim_hours(self):
        for line in self:
            line.verzuim_hours = line.verzuim_minutes / 60

    def _compute_verzuim_visible_reason(self):
        """A late or removed registration without a reason is not an unknown absence: it says
        what it is."""
        res = super()._compute_verzuim_visible_reason()
        unknown = self.env["verzuim.reason"].sudo()._unknown()
        for line in self:
            if line.sudo().verzuim_reason_id != unknown:
                continue
            if line.verzuim_status == "late":
                line.verzuim_reason_label = self.env._("Late, reason unknown")
            elif line.verzuim_status == "removed":
                line.verzuim_reason_label = self.env._("Removed, reason unknown")
        return res

    def action_verzuim_set_reason(self):
        """Ask for one reason for the selected registrations (verzuim.reason.set)."""
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Set reason"),
            "res_model": "verzuim.reason.set",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_ids": self.ids},
        }
