"""A completed register queues the re-evaluation of its students."""

from odoo import models


class OpAttendanceSheet(models.Model):
    _inherit = "op.attendance.sheet"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "done":
            self.env["verzuim.evaluation.queue"]._enqueue(self.sudo().attendance_line.student_id)
        return result
