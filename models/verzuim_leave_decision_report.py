from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from .verzuim_letter_reports import layout_values

DECIDED = ("approved", "refused")


class ReportLeaveDecision(models.AbstractModel):
    _name = "report.mbo_verzuim.report_verzuim_leave_decision"
    _description = "Leave Decision Letter: Values"

    @api.model
    def _get_report_values(self, docids, data=None):
        requests = self.env["verzuim.leave.request"].browse(docids)
        user = self.env.user
        if not (self.env.su or user.has_group("mbo_verzuim.group_frontoffice")):
            raise AccessError(self.env._("Only the school prints decision letters."))
        requests.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "verzuim.leave.request",
            "docs": requests.filtered(lambda r: r.state in DECIDED),
            "today": fields.Date.context_today(self),
            **layout_values(data),
        }
