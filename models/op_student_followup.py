"""The student's follow-up: interventions and reports to DUO, as smart buttons."""

from odoo import fields
from odoo import models

FOLLOW_UP = "mbo_verzuim.group_slb,mbo_verzuim.group_coordinator"


class OpStudent(models.Model):
    _inherit = "op.student"

    verzuim_intervention_count = fields.Integer(
        string="Interventions", compute="_compute_verzuim_intervention_count", groups=FOLLOW_UP
    )
    verzuim_melding_count = fields.Integer(
        string="Reports to DUO", compute="_compute_verzuim_melding_count", groups=FOLLOW_UP
    )

    def _compute_verzuim_intervention_count(self):
        counts = dict(
            self.env["verzuim.intervention"]._read_group(
                [("student_id", "in", self.ids)], ["student_id"], ["__count"]
            )
        )
        for student in self:
            student.verzuim_intervention_count = counts.get(student, 0)

    def _compute_verzuim_melding_count(self):
        counts = dict(
            self.env["verzuim.melding"]._read_group(
                [("student_id", "in", self.ids)], ["student_id"], ["__count"]
            )
        )
        for student in self:
            student.verzuim_melding_count = counts.get(student, 0)

    def action_verzuim_view_interventions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.verzuim_intervention_action"
        )
        action["domain"] = [("student_id", "=", self.id)]
        action["context"] = {"default_student_id": self.id}
        return action

    def action_verzuim_view_meldingen(self):
        """The student's reports; a new one from here is a draft by judgement."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mbo_verzuim.verzuim_melding_action")
        action["domain"] = [("student_id", "=", self.id)]
        action["context"] = {"default_student_id": self.id, "default_melding_type": "overig"}
        return action
