"""A corrected registration queues its student's re-evaluation (verzuim.evaluation.queue)."""

from odoo import models

ENGINE_FIELDS = {
    "verzuim_status",
    "verzuim_late_minutes",
    "verzuim_removed_at",
    "verzuim_teacher_reason_id",
    "verzuim_manual_reason_id",
    "verzuim_reason_id",
    "verzuim_visible_reason_id",
    "verzuim_notice_id",
    "active",
}
CORRECTIONS = {"verzuim_manual_reason_id", "verzuim_reason_id", "verzuim_visible_reason_id"}


class OpAttendanceLine(models.Model):
    _inherit = "op.attendance.line"

    def write(self, vals):
        if not ENGINE_FIELDS & set(vals) or self.env.context.get("verzuim_queued"):
            return super().write(vals)
        # The inverses write line by line: queue once, for the whole selection.
        result = super(OpAttendanceLine, self.with_context(verzuim_queued=True)).write(vals)
        if CORRECTIONS & set(vals):
            changed = self.sudo()
        else:
            # While the teacher registers, completing the register queues the class at once.
            changed = self.sudo().filtered(lambda line: line.attendance_id.state == "done")
        self.env["verzuim.evaluation.queue"]._enqueue(changed.student_id)
        return result
