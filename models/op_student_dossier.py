"""The student's dossier for the SLB and the coordinator: its open signals, the most urgent
deadline first."""

from odoo import api
from odoo import fields
from odoo import models

from .verzuim_signal import OPEN_STATES

DOSSIER_GROUPS = "mbo_verzuim.group_slb,mbo_verzuim.group_coordinator"


class OpStudent(models.Model):
    _inherit = "op.student"

    verzuim_signal_ids = fields.One2many(
        "verzuim.signal", "student_id", string="Absence Signals", groups=DOSSIER_GROUPS
    )
    verzuim_open_signal_count = fields.Integer(
        string="Open Signals",
        compute="_compute_verzuim_dossier",
        store=True,
    )
    verzuim_next_deadline = fields.Date(
        string="First Deadline",
        compute="_compute_verzuim_dossier",
        store=True,
        index=True,
        help="The earliest deadline of the student's open signals.",
    )

    @api.depends("verzuim_signal_ids.state", "verzuim_signal_ids.deadline")
    def _compute_verzuim_dossier(self):
        rows = (
            self.env["verzuim.signal"]
            .sudo()
            ._read_group(
                [("student_id", "in", self.ids), ("state", "in", OPEN_STATES)],
                ["student_id"],
                ["__count", "deadline:min"],
            )
        )
        found = {student.id: (count, deadline) for student, count, deadline in rows}
        for student in self:
            count, deadline = found.get(student.id, (0, False))
            student.verzuim_open_signal_count = count
            student.verzuim_next_deadline = deadline

    @api.model
    def action_verzuim_dossier(self):
        """Signals per student: an SLB starts with its own students, the coordinator with
        all of them."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.op_student_action_dossier"
        )
        user = self.env.user
        if user.has_group("mbo_verzuim.group_slb") and not user.has_group(
            "mbo_verzuim.group_coordinator"
        ):
            action["context"] = {"search_default_filter_my_students": 1}
        return action
