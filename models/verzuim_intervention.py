"""What the school did about a student's absence (domain.md §7): talks, warnings, hand-overs.

A letter that is sent (warning letter, report filed) is recorded as an intervention too, linked
to its report when there is one.
"""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

INTERVENTION_TYPES = [
    ("slb_talk", "SLB talk"),
    ("warning_talk", "Warning talk"),
    ("warning_letter", "Warning letter"),
    ("care_team", "Hand-over to the BAT / care team"),
    ("youth_doctor", "M@ZL / youth doctor"),
    ("duo_procedure", "Contact about the DUO procedure"),
    ("parents_informed", "Parents informed"),
    ("report_letter", "Letter: report filed"),
    ("other", "Other"),
]


class VerzuimIntervention(models.Model):
    _name = "verzuim.intervention"
    _description = "Absence Intervention"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    intervention_type = fields.Selection(
        INTERVENTION_TYPES, string="Type", required=True, default="slb_talk", tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    notes = fields.Text(help="What was agreed. No diagnosis: only what the school needs to know.")
    signal_id = fields.Many2one("verzuim.signal", index=True, ondelete="set null")
    melding_id = fields.Many2one(
        "verzuim.melding", string="Report to DUO", index=True, ondelete="set null"
    )
    student_id = fields.Many2one(
        "op.student",
        compute="_compute_student_id",
        store=True,
        readonly=False,
        required=True,
        index=True,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Institution",
        compute="_compute_company_id",
        store=True,
        index=True,
    )

    @api.depends("signal_id", "melding_id")
    def _compute_student_id(self):
        for intervention in self:
            source = intervention.signal_id or intervention.melding_id
            intervention.student_id = source.student_id if source else intervention.student_id

    @api.depends("student_id.company_id")
    def _compute_company_id(self):
        for intervention in self:
            intervention.company_id = intervention.student_id.company_id or self.env.company

    @api.depends("intervention_type", "student_id", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["intervention_type"]._description_selection(self.env))
        for intervention in self:
            day = intervention.date.strftime("%d-%m-%Y") if intervention.date else ""
            intervention.display_name = (
                f"{labels.get(intervention.intervention_type, '')}: "
                f"{intervention.student_id.name or ''} ({day})"
            )

    @api.constrains("signal_id", "melding_id", "student_id")
    def _check_same_student(self):
        for intervention in self:
            for source in (intervention.signal_id, intervention.melding_id):
                if source and source.sudo().student_id != intervention.student_id:
                    raise ValidationError(
                        self.env._("An intervention is about the student of its signal and report.")
                    )

    @api.model_create_multi
    def create(self, vals_list):
        interventions = super().create(vals_list)
        interventions.signal_id._verzuim_follow("in_progress", from_states={"new"})
        return interventions

    def write(self, vals):
        result = super().write(vals)
        if not self.env.su:
            # The record rules are checked on the values before a write; an SLB may not move
            # an intervention to another student or author either.
            self.check_access("write")
        if vals.get("signal_id"):
            self.signal_id._verzuim_follow("in_progress", from_states={"new"})
        return result
