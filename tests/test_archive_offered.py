from odoo.tests import tagged

from .common import VerzuimCase


@tagged("post_install", "-at_install")
class TestArchiveOffered(VerzuimCase):
    """Issue 10, point 15: Archive/Unarchive is offered only to whom the server allows it.
    The web client offers them when the ``active`` field it receives is writable."""

    def readonly(self, user):
        Line = self.env["op.attendance.line"].with_user(user)
        return Line.fields_get(["active"], ["readonly"])["active"]["readonly"]

    def test_registrations_archive_is_the_coordinators(self):
        self.make_school("AR", students=1)
        frontoffice = self.make_user("AR_front", "mbo_verzuim.group_frontoffice")
        coordinator = self.make_user("AR_coord", "mbo_verzuim.group_coordinator")
        self.assertTrue(self.readonly(frontoffice))
        self.assertTrue(self.readonly(self.slb_user))
        self.assertTrue(self.readonly(self.teacher_user))
        self.assertFalse(self.readonly(coordinator))

    def test_the_views_receive_it(self):
        frontoffice = self.make_user("AR_front2", "mbo_verzuim.group_frontoffice")
        action = self.env.ref("mbo_verzuim.op_attendance_line_action_all")
        views = (
            self.env["op.attendance.line"]
            .with_user(frontoffice)
            .get_views([(v.view_id.id, v.view_mode) for v in action.view_ids] + [(False, "search")])
        )
        self.assertTrue(views["models"]["op.attendance.line"]["fields"]["active"]["readonly"])

    def test_reasons_and_rules_archive_is_the_administrators(self):
        teacher = self.make_user("AR_teach", "mbo_verzuim.group_teacher")
        slb = self.make_user("AR_slb3", "mbo_verzuim.group_slb")
        admin = self.make_user("AR_admin", "mbo_verzuim.group_admin")
        for model, user, readonly in (
            ("verzuim.reason", teacher, True),
            ("verzuim.rule", slb, True),
            ("verzuim.reason", admin, False),
            ("verzuim.rule", admin, False),
        ):
            with self.subTest(model=model, user=user.login):
                fields = self.env[model].with_user(user).fields_get(["active"], ["readonly"])
                self.assertEqual(fields["active"]["readonly"], readonly)
