from odoo.tests import tagged

from .common import VerzuimCase

ROLES = [
    "group_teacher",
    "group_frontoffice",
    "group_slb",
    "group_coordinator",
    "group_management",
    "group_admin",
]


@tagged("post_install", "-at_install")
class TestInstall(VerzuimCase):
    def test_module_installed_on_openeducat(self):
        module = self.env["ir.module.module"].search([("name", "=", "mbo_verzuim")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, "18.0.1.2.0")
        deps = set(module.dependencies_id.mapped("name"))
        self.assertEqual(deps, {"openeducat_attendance", "openeducat_parent", "mail", "portal"})

    def test_six_roles_in_category_verzuim(self):
        category = self.env.ref("mbo_verzuim.module_category_verzuim")
        groups = [self.env.ref(f"mbo_verzuim.{xmlid}") for xmlid in ROLES]
        self.assertEqual(category.name, "Verzuim")
        for group in groups:
            self.assertEqual(group.category_id, category, group.name)

    def test_admin_implies_every_other_role(self):
        admin = self.env.ref("mbo_verzuim.group_admin")
        implied = admin.trans_implied_ids
        for xmlid in ROLES[:-1]:
            self.assertIn(self.env.ref(f"mbo_verzuim.{xmlid}"), implied, xmlid)

    def test_roles_imply_the_openeducat_groups_they_need(self):
        faculty = self.env.ref("openeducat_core.group_op_faculty")
        timetable_user = self.env.ref("openeducat_timetable.group_op_timetable_user")
        for xmlid in ("group_teacher", "group_frontoffice", "group_slb"):
            self.assertIn(faculty, self.env.ref(f"mbo_verzuim.{xmlid}").trans_implied_ids)
        teacher = self.env.ref("mbo_verzuim.group_teacher")
        self.assertIn(timetable_user, teacher.trans_implied_ids)
        attendance_manager = self.env.ref("openeducat_attendance.group_op_attendance_manager")
        coordinator = self.env.ref("mbo_verzuim.group_coordinator")
        self.assertIn(attendance_manager, coordinator.trans_implied_ids)

    def test_teacher_does_not_get_openeducat_see_all_attendance(self):
        # openeducat's attendance user group reads every attendance line (rule 1=1);
        # a teacher must only see the lessons the teacher gives.
        attendance_user = self.env.ref("openeducat_attendance.group_op_attendance_user")
        for xmlid in ("group_teacher", "group_slb", "group_frontoffice", "group_management"):
            group = self.env.ref(f"mbo_verzuim.{xmlid}")
            self.assertNotIn(attendance_user, group.trans_implied_ids, xmlid)

    def test_management_is_not_staff_of_openeducat(self):
        management = self.env.ref("mbo_verzuim.group_management")
        faculty = self.env.ref("openeducat_core.group_op_faculty")
        self.assertNotIn(faculty, management.trans_implied_ids)

    def test_session_name_without_user_time_zone(self):
        # OpenEduCat computes the session name in the user's time zone and fails
        # without one; the school's zone is the fallback.
        user = self.env["res.users"].create(
            {
                "name": "No TZ",
                "login": "notz",
                "tz": False,
                "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        self.assertFalse(user.tz)
        faculty = self.env.ref("mbo_verzuim.faculty_docent_demo")
        batch = self.env.ref("mbo_verzuim.batch_ent1a_demo")
        session = (
            self.env["op.session"]
            .with_user(user)
            .with_context(tz=None)
            .sudo()
            .create(
                {
                    "course_id": batch.course_id.id,
                    "batch_id": batch.id,
                    "faculty_id": faculty.id,
                    "subject_id": batch.course_id.subject_ids[:1].id,
                    "start_datetime": "2026-03-29 07:00:00",
                    "end_datetime": "2026-03-29 09:00:00",
                }
            )
        )
        # 07:00 UTC on the day summer time starts is 09:00 in Amsterdam.
        self.assertIn("29-03-2026 09:00-11:00", session.name)
