from datetime import date
from datetime import time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestNoticeRecovered(VerzuimCase):
    """Issue 10, points 10 and 11: the recovery date is asked, the title is a local Dutch date,
    and the notice's lessons open in the module's own registration list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("NR", students=1)
        cls.student = cls.students
        cls.lessons = [cls.make_lesson(day) for day in cls.days(MONDAY, 3)]
        cls.lines = cls.env["op.attendance.line"].concat(
            *[cls.register_line(sheet, cls.student) for _s, sheet in cls.lessons]
        )

    def sick_notice(self, start):
        return self.env["verzuim.notice"].create(
            {"student_id": self.student.id, "notice_type": "sick", "date_start": start}
        )

    def recover(self, notice, when):
        action = notice.action_recovered()
        self.assertEqual(action["res_model"], "verzuim.notice.recovered")
        wizard = self.env[action["res_model"]].with_context(**action["context"]).create({})
        wizard.date_end = when
        return wizard.action_confirm()

    def test_recovered_on_a_chosen_day(self):
        notice = self.sick_notice(utc(MONDAY, time(7, 0)))
        self.recover(notice, utc(MONDAY, time(18, 0)))
        self.assertEqual(notice.state, "closed")
        self.assertEqual(notice.date_end, utc(MONDAY, time(18, 0)))
        sick = self.env.ref("mbo_verzuim.reason_ziek")
        self.assertEqual(self.lines[0].verzuim_reason_id, sick)
        self.assertNotEqual(self.lines[1].verzuim_reason_id, sick)

    def test_recovered_before_the_start_is_refused(self):
        notice = self.sick_notice(utc(MONDAY, time(7, 0)))
        with self.assertRaisesRegex(UserError, "05-10-2026 07:00"):
            self.recover(notice, utc(MONDAY, time(6, 0)))
        self.assertEqual(notice.state, "open")

    def test_display_name_uses_the_local_dutch_date(self):
        # 23:30 in Amsterdam on Monday is 21:30 UTC: still Monday, shown as dd-mm-yyyy.
        notice = self.sick_notice(utc(MONDAY, time(23, 30)))
        self.assertIn("05-10-2026", notice.display_name)
        self.assertNotIn("2026-10", notice.display_name)
        notice.action_cancel()
        # 00:30 on Tuesday in Amsterdam is Monday in UTC: the local day counts.
        tuesday = self.sick_notice(utc(MONDAY.replace(day=6), time(0, 30)))
        self.assertIn("06-10-2026", tuesday.display_name)

    def test_lessons_open_the_registration_list(self):
        notice = self.sick_notice(utc(MONDAY, time(7, 0)))
        action = notice.action_view_lines()
        own = self.env.ref("mbo_verzuim.op_attendance_line_action_all")
        self.assertEqual(action["id"], own.id)
        self.assertEqual(action["domain"], [("verzuim_notice_id", "=", notice.id)])
        self.assertEqual(self.env["op.attendance.line"].search(action["domain"]), self.lines)
