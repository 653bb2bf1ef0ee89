from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import VerzuimCase
from .test_install import ROLES


@tagged("post_install", "-at_install")
class TestMenusPerRole(VerzuimCase):
    """Every menu a role sees opens without an access error: no dead ends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {role: cls.make_user(f"menu_{role}", f"mbo_verzuim.{role}") for role in ROLES}
        root = cls.env.ref("mbo_verzuim.verzuim_menu_root")
        cls.menus = cls.env["ir.ui.menu"].search([("id", "child_of", root.id)])

    def visible_actions(self, user):
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

        def shown(menu):  # the web client hides a menu whose parent is hidden
            return not menu or (menu.id in visible and shown(menu.parent_id))

        return [
            menu.action
            for menu in self.menus
            if shown(menu) and menu.action and menu.action._name == "ir.actions.act_window"
        ]

    def open(self, user, action):
        model = self.env[action.res_model].with_user(user)
        eval_context = {"uid": user.id, "context_today": lambda: None}
        domain = safe_eval(action.domain or "[]", eval_context)
        context = safe_eval(action.context or "{}", {"uid": user.id})
        model = model.with_context(**context)
        for view_type in action.view_mode.split(","):
            if view_type not in ("list", "kanban", "pivot", "graph"):
                continue
            views = model.get_views([(False, view_type), (False, "search")])
            arch = etree.fromstring(views["views"][view_type]["arch"])
            names = [
                node.get("name") for node in arch.iter("field") if node.get("name") in model._fields
            ]
            if action.res_model == "res.config.settings":
                continue
            model.search_read(domain, list(dict.fromkeys(names)), limit=20)

    def test_every_role_sees_its_screens(self):
        expected = {
            "group_teacher": {"op_session_action_my_lessons", "op_session_action_to_register"},
            "group_frontoffice": {
                "verzuim_notice_action",
                "op_attendance_line_action_all",
                "op_student_action",
            },
            "group_slb": {
                "op_attendance_line_action_slb",
                "verzuim_signal_action",
                "verzuim_notice_action",
                "op_student_action",
            },
            "group_management": {
                "verzuim_absence_report_action",
                "verzuim_registration_report_action",
                "verzuim_pipeline_report_action",
                "verzuim_urennorm_report_action",
            },
        }
        for role, user in self.users.items():
            actions = self.visible_actions(user)
            names = {a.get_external_id()[a.id].split(".")[1] for a in actions}
            for name in expected.get(role, ()):
                self.assertIn(name, names, f"{role} misses {name}")
            for action in actions:
                with self.subTest(role=role, action=action.name):
                    self.open(user, action)

    def test_management_sees_no_registrations_menu(self):
        actions = self.visible_actions(self.users["group_management"])
        models = {action.res_model for action in actions}
        self.assertEqual(
            models,
            {
                "verzuim.absence.report",
                "verzuim.registration.report",
                "verzuim.pipeline.report",
                "verzuim.urennorm.report",
                "verzuim.rapportage",
            },
        )
