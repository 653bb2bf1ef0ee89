from odoo import api
from odoo import fields
from odoo import models


class VerzuimRegistrationWizard(models.TransientModel):
    _name = "verzuim.registration.wizard"
    _description = "Late or Removed from Class"

    line_id = fields.Many2one("op.attendance.line", required=True, ondelete="cascade")
    mode = fields.Selection(
        [("late", "Late"), ("removed", "Removed from class")],
        string="What Happened",
        required=True,
        default="late",
    )
    student_name = fields.Char(related="line_id.student_id.name", string="Student")
    lesson_minutes = fields.Integer(related="line_id.verzuim_lesson_minutes")
    late_minutes = fields.Integer(string="Minutes Late", default=5)
    removed_at = fields.Datetime(string="Time of Removal")
    reason_id = fields.Many2one(
        "verzuim.reason",
        string="Reason (if known)",
        domain="[('applies_to', 'in', ('late', 'both')), ('code', '!=', 'onbekend')]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        line = self.env["op.attendance.line"].browse(values.get("line_id"))
        session = line.attendance_id.session_id
        if session and "removed_at" in fields_list:
            now = fields.Datetime.now()
            inside = session.start_datetime <= now < session.end_datetime
            values["removed_at"] = now if inside else session.start_datetime
        return values

    def action_confirm(self):
        self.ensure_one()
        vals = {"verzuim_status": self.mode, "verzuim_teacher_reason_id": self.reason_id.id}
        if self.mode == "late":
            vals["verzuim_late_minutes"] = self.late_minutes
        else:
            vals["verzuim_removed_at"] = self.removed_at
        self.line_id.write(vals)
        return {"type": "ir.actions.act_window_close"}
