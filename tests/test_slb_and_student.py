from datetime import date
from datetime import time
from datetime import timedelta

from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestSlbWorklist(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("WL", students=3)
        cls.other_slb = cls.make_user("wl_slb2", "mbo_verzuim.group_slb")
        cls.students[2].verzuim_slb_id = cls.other_slb
        cls.lines = cls.env["op.attendance.line"]
        for day in cls.days(MONDAY, 3):
            _session, sheet = cls.make_lesson(day)
            for student in cls.students:
                cls.lines |= cls.register_line(sheet, student, "absent")
        cls.action = cls.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.op_attendance_line_action_slb"
        )

    def worklist(self, user):
        domain = [
            ("verzuim_is_unknown", "=", True),
            ("verzuim_slb_id", "=", user.id),
        ]
        self.assertIn("verzuim_is_unknown", self.action["domain"])
        return (
            self.env["op.attendance.line"]
            .with_user(user)
            .search(domain, order="verzuim_lesson_date asc, id asc")
        )

    def test_own_students_unknown_absence_oldest_first(self):
        mine = self.worklist(self.slb_user)
        self.assertEqual(mine.student_id, self.students[:2])
        self.assertEqual(len(mine), 6)
        self.assertEqual(mine[0].verzuim_lesson_date, MONDAY)
        self.assertEqual(self.worklist(self.other_slb).student_id, self.students[2])

    def test_bulk_reason_empties_the_list(self):
        mine = self.worklist(self.slb_user)
        mine[:4].write({"verzuim_visible_reason_id": self.env.ref("mbo_verzuim.reason_arts").id})
        self.assertEqual(len(self.worklist(self.slb_user)), 2)
        self.assertEqual(set(self.lines[:1].mapped("verzuim_reason_source")), {"manual"})
        mine = self.worklist(self.slb_user)
        mine.write({"verzuim_visible_reason_id": self.env.ref("mbo_verzuim.reason_spijbelen").id})
        self.assertFalse(self.worklist(self.slb_user))

    def test_notice_removes_from_the_list(self):
        self.env["verzuim.notice"].create(
            {
                "student_id": self.students[0].id,
                "notice_type": "sick",
                "date_start": utc(MONDAY, time(7, 0)),
                "date_end": utc(MONDAY + timedelta(days=2), time(18, 0)),
            }
        )
        self.assertEqual(self.worklist(self.slb_user).student_id, self.students[1])


@tagged("post_install", "-at_install")
class TestStudentSummary(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("SU", students=1)
        cls.student = cls.students
        # Week of 5 October: absent Monday (2 h, unknown), sick Tuesday (2 h), present after.
        for offset, status in enumerate(["absent", "absent", "present", "late"]):
            _session, sheet = cls.make_lesson(MONDAY + timedelta(days=offset))
            vals = {"verzuim_late_minutes": 30} if status == "late" else {}
            if offset == 1:
                vals["verzuim_teacher_reason_id"] = cls.env.ref("mbo_verzuim.reason_ziek").id
            cls.register_line(sheet, cls.student, status, **vals)

    def test_hours_in_the_last_four_lesweken_and_attendance_rate(self):
        student = self.student.with_context(verzuim_date="2026-10-09")
        self.assertAlmostEqual(student.verzuim_unauthorized_hours, 2.5)
        self.assertAlmostEqual(student.verzuim_authorized_hours, 2.0)
        # 8 hours of lessons, 4.5 missed
        self.assertAlmostEqual(student.verzuim_attendance_rate, 100 * 3.5 / 8, places=1)
        self.assertEqual(student.verzuim_line_count, 4)
        later = self.student.with_context(verzuim_date="2026-11-20")
        self.assertEqual(later.verzuim_unauthorized_hours, 0)

    def test_age_and_obligation(self):
        student = self.student.with_context(verzuim_date="2026-10-09")
        self.assertEqual(student.verzuim_age, 18)
        self.assertEqual(student.verzuim_obligation, "rmc")
        younger = self.student.with_context(verzuim_date="2026-04-30")
        self.assertEqual(younger.verzuim_obligation, "kwalificatieplichtig")
