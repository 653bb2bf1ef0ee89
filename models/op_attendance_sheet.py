from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class OpAttendanceSheet(models.Model):
    _inherit = "op.attendance.sheet"

    verzuim_absent_count = fields.Integer(string="Absent", compute="_compute_verzuim_counts")
    verzuim_late_count = fields.Integer(string="Late", compute="_compute_verzuim_counts")
    verzuim_student_count = fields.Integer(string="Students", compute="_compute_verzuim_counts")

    @api.depends("attendance_line.verzuim_status")
    def _compute_verzuim_counts(self):
        for sheet in self:
            statuses = sheet.attendance_line.mapped("verzuim_status")
            sheet.verzuim_student_count = len(statuses)
            sheet.verzuim_absent_count = statuses.count("absent")
            sheet.verzuim_late_count = statuses.count("late") + statuses.count("removed")

    def _verzuim_class_students(self):
        """The students enrolled (running) in the sheet's class."""
        self.ensure_one()
        enrolments = (
            self.env["op.student.course"]
            .sudo()
            .search(
                [
                    ("batch_id", "=", self.batch_id.id),
                    ("state", "=", "running"),
                ]
            )
        )
        return enrolments.student_id

    def _verzuim_fill_lines(self):
        """A line, present, for every student of the class that has none yet."""
        for sheet in self:
            if sheet.state == "done":
                continue
            missing = sheet._verzuim_class_students() - sheet.attendance_line.student_id
            if missing:
                self.env["op.attendance.line"].create(
                    [
                        {
                            "attendance_id": sheet.id,
                            "student_id": student.id,
                            "verzuim_status": "present",
                        }
                        for student in missing
                    ]
                )

    def action_verzuim_all_present(self):
        self._verzuim_check_open()
        self.attendance_line.filtered(lambda line: line.verzuim_status != "present").write(
            {"verzuim_status": "present"}
        )

    def action_verzuim_complete(self):
        """Complete the register: everyone without a line is present, the sheet is done."""
        self._verzuim_check_open()
        self._verzuim_fill_lines()
        self.write({"state": "done"})
        sessions = self.session_id
        self.env["mail.activity"].sudo().search(
            [
                ("res_model", "=", "op.session"),
                ("res_id", "in", sessions.ids),
                ("activity_type_id", "=", self.env.ref("mail.mail_activity_data_todo").id),
            ]
        ).action_feedback(feedback=self.env._("Register completed."))
        return True

    def action_verzuim_reopen(self):
        self.write({"state": "start"})

    def _verzuim_check_open(self):
        if any(sheet.state == "done" for sheet in self):
            raise UserError(self.env._("This register is complete. Reopen it first to change it."))
