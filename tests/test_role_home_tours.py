from datetime import date
from datetime import time

from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import VerzuimFixtures
from .common import utc

MONDAY = date(2027, 6, 7)


@tagged("post_install", "-at_install")
class TestRoleHomeTours(VerzuimFixtures, HttpCase):
    """Issue 10: after login the frontoffice lands on the notices and reports a sick student
    recovered on a chosen day; management lands on the figures; no promotional pop-up."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("FR", students=1)
        cls.frontoffice = cls.make_user("FR_front", "mbo_verzuim.group_frontoffice")
        cls.management = cls.make_user("FR_mgmt", "mbo_verzuim.group_management")
        _session, sheet = cls.make_lesson(MONDAY)
        cls.line = cls.register_line(sheet, cls.students, "absent")
        cls.notice = cls.env["verzuim.notice"].create(
            {
                "student_id": cls.students.id,
                "notice_type": "sick",
                "date_start": utc(MONDAY, time(7, 30)),
            }
        )

    def test_frontoffice_reports_recovered(self):
        self.start_tour("/odoo", "mbo_verzuim_frontoffice_recovered", login="FR_front")
        self.assertEqual(self.notice.state, "closed")
        # Typed as 08-06-2027 18:00 in the browser's time zone.
        self.assertEqual(self.notice.date_end.date(), date(2027, 6, 8))
        self.assertEqual(self.notice.line_ids, self.line)

    def test_the_module_has_its_icon(self):
        response = self.url_open("/mbo_verzuim/static/description/icon.png")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/png")
        # PNG header: width and height, big-endian, at bytes 16..24.
        self.assertEqual(response.content[16:24], (256).to_bytes(4, "big") * 2)

    def test_management_lands_on_the_figures(self):
        self.start_tour("/odoo", "mbo_verzuim_management_figures", login="FR_mgmt")


@tagged("post_install", "-at_install")
class TestStudentSmartButtonsTour(VerzuimFixtures, HttpCase):
    """Issue 10, point 12: the student's smart buttons work for a student without the e-mail
    and mobile that OpenEduCat's form requires."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("SB", students=1)
        cls.coordinator = cls.make_user("SB_coord", "mbo_verzuim.group_coordinator")

    def test_every_smart_button_opens_its_list(self):
        student = self.students
        self.assertFalse(student.email or student.mobile)
        self.start_tour(
            f"/odoo/action-mbo_verzuim.op_student_action/{student.id}",
            "mbo_verzuim_student_smart_buttons",
            login="SB_coord",
        )

    def test_demo_students_have_email_and_mobile(self):
        demo = self.env.ref("mbo_verzuim.student_ent1a_01_demo")  # make test installs the demo
        self.assertRegex(demo.email, r"^[a-z]+(\.[a-z]+)+@student\.roc-demo\.nl$")
        self.assertRegex(demo.mobile, r"^06-\d{8}$")
