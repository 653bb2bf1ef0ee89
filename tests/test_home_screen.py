from odoo.tests import tagged

from .common import VerzuimCase

HOMES = {
    "mbo_verzuim.group_teacher": "mbo_verzuim.op_session_action_my_lessons",
    "mbo_verzuim.group_slb": "mbo_verzuim.op_attendance_line_action_slb",
    "mbo_verzuim.group_coordinator": "mbo_verzuim.op_student_action_dossier",
    "mbo_verzuim.group_management": "mbo_verzuim.verzuim_dashboard_action",
    "mbo_verzuim.group_frontoffice": "mbo_verzuim.verzuim_notice_action",
}


@tagged("post_install", "-at_install")
class TestHomeScreen(VerzuimCase):
    """Issue 10, point 14: each role lands on its own first screen, not in Discuss."""

    def test_each_role_lands_on_its_own_screen(self):
        for group, action in HOMES.items():
            with self.subTest(group=group):
                user = self.make_user(f"home_{group.split('_', 2)[-1]}", group)
                self.assertEqual(user.action_id.id, self.env.ref(action).id)

    def test_a_coach_who_also_teaches_lands_on_the_worklist(self):
        user = self.make_user("home_slb_teacher", "mbo_verzuim.group_teacher")
        self.assertEqual(user.action_id.id, self.env.ref(HOMES["mbo_verzuim.group_teacher"]).id)
        user.groups_id = [(4, self.env.ref("mbo_verzuim.group_slb").id)]
        self.assertEqual(user.action_id.id, self.env.ref(HOMES["mbo_verzuim.group_slb"]).id)

    def test_a_role_given_on_the_group(self):
        user = self.make_user("home_plain")
        self.assertFalse(user.action_id)
        self.env.ref("mbo_verzuim.group_management").users = [(4, user.id)]
        self.assertEqual(user.action_id.id, self.env.ref(HOMES["mbo_verzuim.group_management"]).id)
        self.env.ref("mbo_verzuim.group_management").users = [(3, user.id)]
        self.assertFalse(user.action_id)

    def test_a_home_action_an_administrator_chose_stays(self):
        user = self.make_user("home_chosen")
        chosen = self.env.ref("mbo_verzuim.verzuim_reason_action")
        user.action_id = chosen.id
        user.groups_id = [(4, self.env.ref("mbo_verzuim.group_frontoffice").id)]
        self.assertEqual(user.action_id.id, chosen.id)

    def test_demo_users_have_their_home(self):
        for login, action in (
            ("docent", HOMES["mbo_verzuim.group_teacher"]),
            ("slb", HOMES["mbo_verzuim.group_slb"]),
            ("frontoffice", HOMES["mbo_verzuim.group_frontoffice"]),
            ("coordinator", HOMES["mbo_verzuim.group_coordinator"]),
            ("management", HOMES["mbo_verzuim.group_management"]),
        ):
            user = self.env["res.users"].search([("login", "=", login)])
            if user:
                self.assertEqual(user.action_id.id, self.env.ref(action).id, login)

    def test_management_on_the_former_figures_screen_moves_to_the_dashboard(self):
        user = self.make_user("home_former_mgmt", "mbo_verzuim.group_management")
        user.action_id = self.env.ref("mbo_verzuim.verzuim_absence_report_action").id
        self.env["res.users"]._verzuim_update_home_action_all()
        self.assertEqual(user.action_id.id, self.env.ref(HOMES["mbo_verzuim.group_management"]).id)
