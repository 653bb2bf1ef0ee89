"""The letters and forms of a report to DUO (see verzuim_letters.py)."""

from odoo import models
from odoo.exceptions import UserError

from .verzuim_letters import FILED_STATES
from .verzuim_letters import LETTERS
from .verzuim_letters import VERZUIMLOKET_TYPES


class VerzuimMelding(models.Model):
    _name = "verzuim.melding"
    _inherit = ["verzuim.melding", "verzuim.letter.mixin"]

    def _verzuim_letter_check_record(self, letter):
        if letter == "report_letter" and self.melding_type not in VERZUIMLOKET_TYPES:
            raise UserError(
                self.env._(
                    "The letter 'report filed' is for a report to the verzuimloket; for a "
                    "Melding afwezigheid, send the student's copy."
                )
            )
        if letter in ("ma_form", "ma_copy") and self.melding_type != "duo_ma":
            raise UserError(
                self.env._("This form and its copy are for a Melding afwezigheid only.")
            )
        if letter in ("report_letter", "ma_copy") and self.state not in FILED_STATES:
            raise UserError(
                self.env._("This letter tells that the report was filed: file the report first.")
            )

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        self._verzuim_letter_posted(message)
        return message

    def action_verzuim_report_letter(self):
        """Send the letter that the report was filed (student, and parents of a minor)."""
        return self._verzuim_letter_compose("report_letter")

    def action_verzuim_duo_ma_copy(self):
        """Send the student's copy of the Melding afwezigheid."""
        return self._verzuim_letter_compose("ma_copy")

    def action_verzuim_duo_ma_form(self):
        """Print DUO's form Melding afwezigheid (coordinator only: it holds the BSN)."""
        self._verzuim_letter_check("ma_form")
        return self.env.ref(LETTERS["ma_form"]["report"]).report_action(self)
