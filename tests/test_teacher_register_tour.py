from datetime import time

from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged

from ..engine.school_time import local_date
from .common import VerzuimFixtures
from .common import utc


@tagged("post_install", "-at_install")
class TestTeacherRegisterTour(VerzuimFixtures, HttpCase):
    """The teacher's daily task in a real headless Chromium (issue 10, points 1-5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("TR", students=4)
        # The school's today (not UTC's): on a Sunday evening in UTC it is already Monday in
        # Amsterdam, and "this week" is the school's week.
        today = local_date(fields.Datetime.now())
        cls.lesson, cls.sheet = cls.make_lesson(today, start=time(0, 5), end=time(0, 55))
        cls.sheet.unlink()  # the teacher's first click creates the register
        cls.lesson.classroom_id = cls.env["op.classroom"].create(
            {"name": "TR Lokaal 2.04", "code": "TR-204", "capacity": 30}
        )
        cls.env["verzuim.notice"].create(
            {
                "student_id": cls.students.filtered(lambda s: s.name == "TR Student 1").id,
                "notice_type": "sick",
                "date_start": utc(today, time(0, 0)),
            }
        )

    def test_teacher_registers_a_lesson(self):
        self.start_tour(
            "/odoo/action-mbo_verzuim.op_session_action_my_lessons",
            "mbo_verzuim_teacher_register",
            login="TR_teacher",
            # OpenEduCat's promotional pop-up opens after 5 seconds over the register unless
            # this cookie is set (its suppression is issue 10, point 15).
            cookies={f"g2_review_{self.env.cr.dbname}": "true"},
        )
        sheet = self.lesson.attendance_sheet
        self.assertEqual(sheet.state, "done")
        self.assertEqual(len(sheet.attendance_line), 4)
        status = {line.student_id.name: line.verzuim_status for line in sheet.attendance_line}
        self.assertEqual(
            status,
            {
                "TR Student 0": "absent",
                "TR Student 1": "absent",
                "TR Student 2": "late",
                "TR Student 3": "absent",
            },
        )
        # "Correction: student: old → new", in the teacher's language.
        corrections = sheet.message_ids.filtered(lambda m: "→" in (m.body or ""))
        self.assertEqual(len(corrections), 1)
        self.assertEqual(corrections.author_id, self.teacher_user.partner_id)
