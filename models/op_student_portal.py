"""Who sees a student's absence in the portal (issue 13, point 1).

A student sees its own absence. A parent (OpenEduCat's ``op.parent``) sees a student under 18;
a student of 18 or older decides whether the parents see anything (``verzuim_parent_consent``).
The consent is set by the student in the portal or by the coordinator, and every change is
logged on the student.
"""

from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from ..engine.obligation import age_on

ADULT_AGE = 18


class OpStudent(models.Model):
    _inherit = "op.student"

    verzuim_parent_consent = fields.Boolean(
        string="Parents May See My Absence",
        tracking=True,
        help="For a student of 18 or older: whether the parents see the absence in the portal "
        "and get its e-mails. Set by the student in the portal or by the coordinator.",
    )

    def write(self, vals):
        if "verzuim_parent_consent" in vals and not self._verzuim_may_set_consent():
            raise AccessError(
                self.env._(
                    "Only the student (in the portal) or the absence coordinator decides "
                    "whether the parents see the absence."
                )
            )
        return super().write(vals)

    def _verzuim_may_set_consent(self):
        return self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator")

    def _verzuim_is_adult(self, day=None):
        """18 or older on ``day`` (default today). Without a birth date: treated as an adult,
        so that no parent sees a student whose age the school does not know."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        age = age_on(self.birth_date, day)
        return age is None or age >= ADULT_AGE

    def _verzuim_parents_may_see(self, day=None):
        self.ensure_one()
        return not self._verzuim_is_adult(day) or self.verzuim_parent_consent

    def _verzuim_parent_users(self):
        """The active parents' portal users of this student (who may see it)."""
        self.ensure_one()
        student = self.sudo()
        if not student._verzuim_parents_may_see():
            return self.env["res.users"]
        return student.parent_ids.filtered("active").user_id
