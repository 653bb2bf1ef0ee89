"""The warning letter on a signal (see verzuim_letters.py)."""

from odoo import models
from odoo.exceptions import UserError

from .verzuim_letters import WARNING_RULE_CATEGORIES
from .verzuim_letters import WARNING_RULE_CODES
from .verzuim_letters import registration_rows


class VerzuimSignal(models.Model):
    _name = "verzuim.signal"
    _inherit = ["verzuim.signal", "verzuim.letter.mixin"]

    def _verzuim_letter_check_record(self, letter):
        if letter == "warning_letter" and not self._verzuim_warns():
            raise UserError(
                self.env._(
                    "A warning letter follows a signal of unauthorized absence (10 hours) or a "
                    "legal signal; this signal is '%(rule)s'.",
                    rule=self.sudo().rule_id.name,
                )
            )

    def _verzuim_warns(self):
        signal = self.sudo()
        return signal.state != "obsolete" and (
            signal.rule_code in WARNING_RULE_CODES
            or signal.rule_category in WARNING_RULE_CATEGORIES
        )

    def _verzuim_letter_absences(self):
        """The unauthorized absences behind the signal, as a parent may read them: an
        evidence line whose reason was corrected to an authorized one (a sick notice) is
        left out, and no authorized reason is ever named."""
        self.ensure_one()
        lines = self.sudo().line_ids.filtered(
            lambda ln: ln.verzuim_category == "unauthorized" and ln.verzuim_minutes
        )
        return registration_rows(self.env, lines, show_health=False)

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        self._verzuim_letter_posted(message)
        return message

    def action_verzuim_warning_letter(self):
        """Send the warning letter (to the student, and the parents of a minor)."""
        return self._verzuim_letter_compose("warning_letter")
