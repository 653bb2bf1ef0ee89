"""The absence overview of a student (see verzuim_letters.py and the report)."""

from odoo import models


class OpStudent(models.Model):
    _inherit = "op.student"

    def action_verzuim_overview(self):
        """Ask for the period of the absence overview."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Absence overview"),
            "res_model": "verzuim.overview.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_student_ids": self.ids},
        }

    def _verzuim_overview_filename(self):
        self.ensure_one()
        return f"{self.env._('Absence overview')} - {self.name}"

    def _verzuim_overview_enrolment(self):
        self.ensure_one()
        enrolments = self.sudo().course_detail_ids
        return enrolments.filtered(lambda e: e.state == "running")[:1] or enrolments[:1]
