"""Each role lands on its own first screen after login (the user's home action)."""

from odoo import api
from odoo import models

# Highest role first: a user with several roles lands on the screen of the first one.
HOME_ACTIONS = [
    ("mbo_verzuim.group_coordinator", "mbo_verzuim.op_student_action_dossier"),
    ("mbo_verzuim.group_slb", "mbo_verzuim.op_attendance_line_action_slb"),
    ("mbo_verzuim.group_frontoffice", "mbo_verzuim.verzuim_notice_action"),
    ("mbo_verzuim.group_management", "mbo_verzuim.verzuim_dashboard_action"),
    ("mbo_verzuim.group_teacher", "mbo_verzuim.op_session_action_my_lessons"),
]
# Screens that were a role's first screen before: a user still on one follows the roles.
FORMER_HOME_ACTIONS = ["mbo_verzuim.verzuim_absence_report_action"]
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._verzuim_update_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._verzuim_update_home_action()
        return result

    @api.model
    def _verzuim_home_actions(self):
        """(group, action) per role, highest role first; an extension point."""
        return [
            (self.env.ref(group, raise_if_not_found=False), self.env.ref(action, False))
            for group, action in HOME_ACTIONS
        ]

    def _verzuim_update_home_action(self):
        """Give a user the first screen of the highest role, unless an administrator chose
        another home action: only an empty home action, or one of the roles' screens (set
        here when an earlier role was given), follows the roles."""
        homes = [(group, action) for group, action in self._verzuim_home_actions() if action]
        ours = {action.id for _group, action in homes} | {
            action.id
            for action in (self.env.ref(xmlid, False) for xmlid in FORMER_HOME_ACTIONS)
            if action
        }
        for user in self.sudo():
            if user.action_id and user.action_id.id not in ours:
                continue
            home = next(
                (action for group, action in homes if group and group in user.groups_id),
                self.env["ir.actions.actions"],
            )
            if user.action_id.id != home.id:
                user.action_id = home.id

    @api.model
    def _verzuim_update_home_action_all(self):
        groups = [group for group, _action in self._verzuim_home_actions() if group]
        users = self.env["res.users"].union(*[group.users for group in groups])
        users.with_context(active_test=False)._verzuim_update_home_action()
