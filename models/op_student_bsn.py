"""The student's personal number for DUO (domain.md §8, §9): a BSN or, for a student without
one, an onderwijsnummer. Only the coordinator reads or writes it; it is checked with the
eleven-test (elfproef) of python-stdnum and stored in its compact form (nine digits)."""

from stdnum.nl import bsn
from stdnum.nl import onderwijsnummer

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class OpStudent(models.Model):
    _inherit = "op.student"

    verzuim_bsn = fields.Char(
        string="Personal Number (BSN or Onderwijsnummer)",
        groups="mbo_verzuim.group_coordinator",
        copy=False,
        help="Nine digits. An onderwijsnummer starts with 10. Only the absence coordinator sees "
        "this number; it goes into the reports to DUO.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "verzuim_bsn" in vals:
                vals["verzuim_bsn"] = self._verzuim_clean_bsn(vals["verzuim_bsn"])
        return super().create(vals_list)

    def write(self, vals):
        if "verzuim_bsn" in vals:
            vals = {**vals, "verzuim_bsn": self._verzuim_clean_bsn(vals["verzuim_bsn"])}
        return super().write(vals)

    @api.model
    def _verzuim_clean_bsn(self, number):
        """The number in nine digits, or an error before anything is written. The number
        itself is never repeated in the message (it would land in logs)."""
        if not number or not str(number).strip():
            return False
        number = str(number)
        if onderwijsnummer.is_valid(number):
            return onderwijsnummer.compact(number)
        if bsn.is_valid(number):
            return bsn.compact(number)
        raise ValidationError(
            self.env._(
                "This is not a valid BSN or onderwijsnummer: it must have nine digits and pass "
                "the eleven-test (elfproef). An onderwijsnummer starts with 10. Check the number "
                "with the student's documents."
            )
        )
