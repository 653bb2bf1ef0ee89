from odoo import api
from odoo import fields
from odoo import models


class OpAttendanceSheet(models.Model):
    """When a register was first completed, to the minute: registration discipline tells
    on time from late by it (reopening and completing again keeps the first moment)."""

    _inherit = "op.attendance.sheet"

    verzuim_done_at = fields.Datetime(string="Completed At", copy=False, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state") == "done" and not vals.get("verzuim_done_at"):
                vals["verzuim_done_at"] = fields.Datetime.now()
        return super().create(vals_list)

    def write(self, vals):
        first = self.browse()
        if vals.get("state") == "done" and "verzuim_done_at" not in vals:
            first = self.filtered(lambda sheet: not sheet.verzuim_done_at)
        result = super().write(vals)
        if first:
            first.sudo().write({"verzuim_done_at": fields.Datetime.now()})
        return result
