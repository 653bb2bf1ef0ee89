from odoo import fields
from odoo import models

from .verzuim_melding import ENDED_STATES


class VerzuimMelding(models.Model):
    """The day a report's case ended (closed or acknowledged), for the legal pipeline's time
    from report to closing."""

    _inherit = "verzuim.melding"

    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)

    def write(self, vals):
        result = super().write(vals)
        state = vals.get("state")
        if state in ENDED_STATES:
            self.filtered(lambda m: not m.date_closed).sudo().write(
                {"date_closed": fields.Date.context_today(self)}
            )
        elif state:
            self.filtered("date_closed").sudo().write({"date_closed": False})
        return result
