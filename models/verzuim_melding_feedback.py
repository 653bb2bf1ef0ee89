"""Feedback on a report (terugkoppeling): what the municipality, the RMC or DUO let the school
know, dated. Feedback with a new status moves the report through DUO's flow."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from .verzuim_melding import CLOSING_REASONS
from .verzuim_melding import MUNICIPALITY_STATES
from .verzuim_melding import STATES

SOURCES = [
    ("municipality", "Municipality (leerplichtambtenaar)"),
    ("rmc", "RMC"),
    ("duo", "DUO"),
]
# The statuses that come from outside the school (see verzuim_melding.TRANSITIONS).
NEW_STATES = [(key, label) for key, label in STATES if key in MUNICIPALITY_STATES]
# A feedback entry records what was said; it is not rewritten into something else later.
FIXED_FIELDS = {"melding_id", "new_state", "closing_reason"}


class VerzuimMeldingFeedback(models.Model):
    _name = "verzuim.melding.feedback"
    _description = "Feedback on a Report to DUO"
    _order = "date desc, id desc"

    melding_id = fields.Many2one(
        "verzuim.melding", string="Report", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    source = fields.Selection(SOURCES, string="From", required=True, default="municipality")
    text = fields.Text(string="Feedback", required=True)
    new_state = fields.Selection(
        NEW_STATES, string="New Status", help="The status the report has after this feedback."
    )
    closing_reason = fields.Selection(CLOSING_REASONS)
    company_id = fields.Many2one(related="melding_id.company_id", store=True, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        entries = super().create(vals_list)
        for entry in entries.filtered("new_state"):
            if entry.melding_id.state != entry.new_state:
                entry.melding_id.write(
                    {"state": entry.new_state, "closing_reason": entry.closing_reason}
                )
        return entries

    def write(self, vals):
        if FIXED_FIELDS & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "Feedback that changed a report's status stays as it was recorded: record "
                    "new feedback instead."
                )
            )
        return super().write(vals)
