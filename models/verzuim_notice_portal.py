"""Notices that come from the family side (issue 13, points 3 and 4).

A sick report made in the portal is a sick notice marked as such, with who made it and
whether it came after the school's deadline of the day ("achteraf gemeld"); the frontoffice
confirms it. A decided leave request leaves a notice over its days: extra leave when approved,
"leave refused" (reason Luxe verzuim) when refused, so that the lessons of those days take
that reason also when they are registered later.
"""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class VerzuimNotice(models.Model):
    _inherit = "verzuim.notice"

    notice_type = fields.Selection(
        selection_add=[("leave_refused", "Leave refused")],
        ondelete={"leave_refused": "cascade"},
    )
    verzuim_portal = fields.Boolean(
        string="Reported in the Portal", readonly=True, index=True, tracking=True
    )
    verzuim_reported_by_id = fields.Many2one(
        "res.users", string="Reported By", readonly=True, ondelete="set null"
    )
    verzuim_reported_late = fields.Boolean(
        string="Reported Afterwards",
        readonly=True,
        help="Reported after the school's deadline of the day: the SLB decides, as agreed.",
    )
    verzuim_confirmed = fields.Boolean(
        string="Confirmed", readonly=True, tracking=True, help="The frontoffice checked it."
    )
    verzuim_leave_request_id = fields.Many2one(
        "verzuim.leave.request", string="Leave Request", readonly=True, index=True
    )

    @api.depends("notice_type")
    def _compute_reason_id(self):
        refused = self.filtered(lambda notice: notice.notice_type == "leave_refused")
        for notice in refused:
            notice.reason_id = self.env.ref("mbo_verzuim.reason_luxe")
        return super(VerzuimNotice, self - refused)._compute_reason_id()

    def action_verzuim_confirm(self):
        """The frontoffice confirms sick reports made in the portal."""
        if self.filtered(lambda notice: not notice.verzuim_portal):
            raise UserError(self.env._("Only a report made in the portal needs confirming."))
        self.write({"verzuim_confirmed": True})
