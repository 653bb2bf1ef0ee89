from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

NIVEAUS = [
    ("1", "Niveau 1 (Entree)"),
    ("2", "Niveau 2"),
    ("3", "Niveau 3"),
    ("4", "Niveau 4"),
]


class OpCourse(models.Model):
    _inherit = "op.course"

    verzuim_niveau = fields.Selection(NIVEAUS, string="MBO Level", index=True)

    # OpenEduCat's faculty group (which every verzuim role has) may create and write
    # courses; the MBO level decides which rules apply, so it is the coordinator's and the
    # student administration's, like a student's birth date (see op.student).

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("verzuim_niveau") for vals in vals_list):
            self._verzuim_check_may_set_level()
        return super().create(vals_list)

    def write(self, vals):
        if "verzuim_niveau" in vals:
            self._verzuim_check_may_set_level()
        return super().write(vals)

    @api.model
    def _verzuim_check_may_set_level(self):
        if not self.env["op.student"]._verzuim_may_manage():
            raise AccessError(
                self.env._(
                    "Only the absence coordinator or the student administration may set a "
                    "course's MBO level: it decides which rules apply."
                )
            )
