from datetime import time

from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import VerzuimFixtures


@tagged("post_install", "-at_install")
class TestTeacherRegisterTour(VerzuimFixtures, HttpCase):
    """The register screen in a real headless Chromium, as the teacher uses it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("TR", students=4)
        cls.lesson, cls.sheet = cls.make_lesson(
            fields.Date.today(), start=time(0, 5), end=time(0, 55)
        )
        cls.sheet.unlink()  # the teacher's first click creates the register

    def test_teacher_registers_a_lesson(self):
        self.start_tour(
            "/odoo/action-mbo_verzuim.op_session_action_my_lessons",
            "mbo_verzuim_teacher_register",
            login="TR_teacher",
        )
        sheet = self.lesson.attendance_sheet
        self.assertEqual(sheet.state, "done")
        absent = sheet.attendance_line.filtered(lambda line: line.verzuim_status == "absent")
        self.assertEqual(absent.student_id.name, "TR Student 0")
        self.assertEqual(len(sheet.attendance_line), 4)
