from odoo import api
from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    @api.model_create_multi
    def create(self, vals_list):
        groups = super().create(vals_list)
        groups.users._verzuim_update_home_action()
        return groups

    def write(self, vals):
        before = self.users if "users" in vals else None
        result = super().write(vals)
        if before is not None:
            (before | self.users)._verzuim_update_home_action()
        return result
