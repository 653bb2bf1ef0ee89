from odoo import models

ROLES = (
    "mbo_verzuim.group_teacher",
    "mbo_verzuim.group_frontoffice",
    "mbo_verzuim.group_slb",
    "mbo_verzuim.group_management",
)


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Tell the web client whether the user has a role in the module: OpenEduCat's
        promotional review pop-up is not shown to them (static/src/js/g2_review_patch.js)."""
        info = super().session_info()
        user = self.env.user
        info["mbo_verzuim_no_promotion"] = bool(user) and any(
            user.has_group(group) for group in ROLES
        )
        return info
