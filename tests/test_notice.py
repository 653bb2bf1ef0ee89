from datetime import date
from datetime import time
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestNotice(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("NT", students=3)
        cls.student = cls.students[0]
        cls.lessons = [cls.make_lesson(day) for day in cls.days(MONDAY, 5)]
        cls.sick = cls.env.ref("mbo_verzuim.reason_ziek")
        cls.unknown = cls.env.ref("mbo_verzuim.reason_onbekend")

    def absences(self, days=5, status="absent"):
        return self.env["op.attendance.line"].concat(
            *[self.register_line(sheet, self.student, status) for _s, sheet in self.lessons[:days]]
        )

    def notice(self, kind="sick", start=MONDAY, end=None, **vals):
        return self.env["verzuim.notice"].create(
            {
                "student_id": self.student.id,
                "notice_type": kind,
                "date_start": utc(start, time(7, 0)),
                "date_end": end and utc(end, time(18, 0)),
                **vals,
            }
        )

    def test_sick_notice_gives_overlapping_absences_its_reason(self):
        lines = self.absences()
        notice = self.notice(end=MONDAY + timedelta(days=2))
        self.assertEqual(lines[:3].mapped("verzuim_reason_id"), self.sick)
        self.assertEqual(set(lines[:3].mapped("verzuim_reason_source")), {"notice"})
        self.assertEqual(lines[3:].mapped("verzuim_reason_id"), self.unknown)
        self.assertEqual(notice.line_count, 3)
        self.assertEqual(notice.state, "closed")

    def test_registrations_made_after_the_notice_take_its_reason(self):
        notice = self.notice()
        self.assertEqual(notice.state, "open")
        line = self.register_line(self.lessons[2][1], self.student, "absent")
        self.assertEqual(line.verzuim_reason_id, self.sick)
        self.assertEqual(line.verzuim_category, "authorized")
        self.assertTrue(line.excused)

    def test_present_stays_present(self):
        self.notice()
        line = self.register_line(self.lessons[0][1], self.student, "present")
        self.assertEqual(line.verzuim_status, "present")
        self.assertEqual(line.verzuim_category, "present")
        self.assertFalse(line.verzuim_reason_id)

    def test_precedence_manual_over_notice_over_teacher(self):
        arts = self.env.ref("mbo_verzuim.reason_arts")
        line = self.register_line(
            self.lessons[0][1], self.student, "absent", verzuim_teacher_reason_id=arts.id
        )
        self.assertEqual(line.verzuim_reason_source, "teacher")
        notice = self.notice()
        self.assertEqual(line.verzuim_reason_id, self.sick)
        line.verzuim_reason_id = self.env.ref("mbo_verzuim.reason_spijbelen")
        self.assertEqual(line.verzuim_reason_source, "manual")
        notice.action_cancel()
        self.assertEqual(line.verzuim_reason_source, "manual")
        line.verzuim_manual_reason_id = False
        self.assertEqual(line.verzuim_reason_id, arts)

    def test_cancel_and_shorten_restore(self):
        lines = self.absences()
        notice = self.notice(end=MONDAY + timedelta(days=4))
        self.assertEqual(lines.mapped("verzuim_reason_id"), self.sick)
        notice.date_end = utc(MONDAY + timedelta(days=1), time(18, 0))
        self.assertEqual(lines[:2].mapped("verzuim_reason_id"), self.sick)
        self.assertEqual(lines[2:].mapped("verzuim_reason_id"), self.unknown)
        notice.action_cancel()
        self.assertEqual(notice.state, "cancelled")
        self.assertEqual(lines.mapped("verzuim_reason_id"), self.unknown)
        self.assertFalse(lines.filtered("excused"))

    def test_recovered_closes_an_open_sick_notice(self):
        notice = self.notice(start=date(2026, 11, 2))
        action = notice.action_recovered()
        wizard = self.env[action["res_model"]].with_context(**action["context"]).create({})
        self.assertTrue(wizard.date_end)
        wizard.action_confirm()
        self.assertEqual(notice.state, "closed")
        self.assertEqual(notice.date_end, wizard.date_end)
        with self.assertRaises(UserError):
            notice.action_recovered()

    def test_planned_leave_in_the_future(self):
        notice = self.notice("extra_leave", start=date(2030, 1, 7), end=date(2030, 1, 8))
        self.assertEqual(notice.reason_id, self.env.ref("mbo_verzuim.reason_verlof"))

    def test_other_types_and_their_reasons(self):
        for kind, code in [
            ("access_refused", "toegang_geweigerd"),
            ("suspension", "schorsing"),
            ("pregnancy", "zwanger"),
        ]:
            notice = self.notice(kind, start=date(2027, 1, 4), end=date(2027, 1, 5))
            self.assertEqual(notice.reason_id.code, code)
            notice.action_cancel()

    def test_bad_periods_write_nothing(self):
        Notice = self.env["verzuim.notice"]
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.notice(start=MONDAY, end=MONDAY - timedelta(days=1))
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.notice("suspension", start=MONDAY, end=None)
        self.notice(start=MONDAY, end=MONDAY + timedelta(days=3))
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.notice(start=MONDAY + timedelta(days=2), end=MONDAY + timedelta(days=6))
        self.assertEqual(Notice.search_count([("student_id", "=", self.student.id)]), 1)
        # another type may overlap
        self.notice("extra_leave", start=MONDAY + timedelta(days=2), end=MONDAY + timedelta(days=6))

    def count_queries(self, action):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        action()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_applying_a_notice_costs_the_same_for_one_or_five_lessons(self):
        for _s, sheet in self.lessons:
            for student in self.students:
                self.register_line(sheet, student, "absent")
        self.count_queries(  # warm the caches: the first notice of a run costs more
            lambda: self.env["verzuim.notice"].create(
                {
                    "student_id": self.students[2].id,
                    "notice_type": "sick",
                    "date_start": utc(MONDAY, time(7, 0)),
                    "date_end": utc(MONDAY, time(18, 0)),
                }
            )
        )
        one = self.count_queries(lambda: self.notice(end=MONDAY))
        five = self.count_queries(
            lambda: self.env["verzuim.notice"].create(
                {
                    "student_id": self.students[1].id,
                    "notice_type": "sick",
                    "date_start": utc(MONDAY, time(7, 0)),
                    "date_end": utc(MONDAY + timedelta(days=4), time(18, 0)),
                }
            )
        )
        self.assertEqual(one, five)
        covered = self.env["op.attendance.line"].search(
            [("student_id", "=", self.students[1].id), ("verzuim_reason_id", "=", self.sick.id)]
        )
        self.assertEqual(len(covered), 5)
