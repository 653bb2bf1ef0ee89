from datetime import date
from datetime import time
from datetime import timedelta

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestSlbWorklistActions(VerzuimCase):
    """Issue 10, point 9: hours, a visible "Set reason", reasons that fit, honest labels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("WA", students=3)
        _session, sheet = cls.make_lesson(MONDAY)
        cls.absent = cls.register_line(sheet, cls.students[0], "absent")
        cls.late = cls.register_line(sheet, cls.students[1], "late", verzuim_late_minutes=30)
        cls.removed = cls.register_line(
            sheet, cls.students[2], "removed", verzuim_removed_at=utc(MONDAY, time(9, 30))
        )
        cls.ziek = cls.env.ref("mbo_verzuim.reason_ziek")
        cls.arts = cls.env.ref("mbo_verzuim.reason_arts")

    def test_hours_not_minutes(self):
        self.assertEqual(self.absent.verzuim_minutes, 120)
        self.assertAlmostEqual(self.absent.verzuim_hours, 2.0)
        self.assertAlmostEqual(self.late.verzuim_hours, 0.5)
        arch = self.env["op.attendance.line"].get_view(
            self.env.ref("mbo_verzuim.op_attendance_line_view_list_slb").id, "list"
        )["arch"]
        self.assertIn('name="verzuim_hours"', arch)
        self.assertNotIn('name="verzuim_minutes"', arch)
        self.assertIn('name="action_verzuim_set_reason"', arch)
        self.assertIn("applies_to", arch)

    def test_the_inline_reason_offers_only_reasons_that_fit_the_status(self):
        view = self.env.ref("mbo_verzuim.op_attendance_line_view_list_slb")
        arch = etree.fromstring(self.env["op.attendance.line"].get_view(view.id, "list")["arch"])
        domain = arch.xpath("//field[@name='verzuim_visible_reason_id']")[0].get("domain")
        Reason = self.env["verzuim.reason"]
        for status, offered, refused in [
            ("late", self.arts, self.ziek),
            ("removed", self.arts, self.ziek),
            ("absent", self.ziek, Reason._unknown()),
        ]:
            reasons = Reason.search(safe_eval(domain, {"verzuim_status": status}))
            self.assertIn(offered, reasons, status)
            self.assertNotIn(refused, reasons, status)
            self.assertTrue(all(reason._fits_status(status) for reason in reasons), status)

    def test_late_and_removed_say_what_they_are(self):
        lines = (self.absent | self.late | self.removed).with_user(self.slb_user)
        self.assertEqual(
            lines.mapped("verzuim_reason_label"),
            ["Unknown absence", "Late, reason unknown", "Removed, reason unknown"],
        )

    def wizard(self, lines, reason=None):
        action = lines.with_user(self.slb_user).action_verzuim_set_reason()
        self.assertEqual(action["res_model"], "verzuim.reason.set")
        return (
            self.env["verzuim.reason.set"]
            .with_user(self.slb_user)
            .with_context(**action["context"])
            .create({"reason_id": (reason or self.env.ref("mbo_verzuim.reason_correctie")).id})
        )

    def test_only_reasons_that_fit_are_offered(self):
        offered = self.wizard(self.late).allowed_reason_ids
        self.assertIn(self.arts, offered)
        self.assertNotIn(self.ziek, offered)
        self.assertIn(self.ziek, self.wizard(self.absent).allowed_reason_ids)
        mixed = self.wizard(self.absent | self.late).allowed_reason_ids
        self.assertEqual(set(mixed.mapped("applies_to")), {"both"})
        self.assertNotIn("onbekend", mixed.mapped("code"))

    def test_set_reason_for_a_selection(self):
        wizard = self.wizard(self.absent | self.late, self.arts)
        self.assertEqual(wizard.line_count, 2)
        wizard.action_confirm()
        self.assertEqual((self.absent | self.late).mapped("verzuim_reason_id"), self.arts)
        self.assertEqual(set((self.absent | self.late).mapped("verzuim_reason_source")), {"manual"})

    def test_a_reason_that_does_not_fit_is_refused_before_writing(self):
        wizard = self.wizard(self.late, self.ziek)
        with self.assertRaises(UserError):
            wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestAttendanceRateRecent(VerzuimCase):
    """Issue 10, point 13: the attendance this school year and in the last 4 lesweken."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("AR", students=1)
        cls.student = cls.students
        # Early October: absent twice (4 h); five weeks later: present, and late 30 minutes.
        for day, status in [(MONDAY, "absent"), (MONDAY + timedelta(days=1), "absent")]:
            _session, sheet = cls.make_lesson(day)
            cls.register_line(sheet, cls.student, status)
        later = MONDAY + timedelta(weeks=5)
        for day, status in [(later, "present"), (later + timedelta(days=1), "late")]:
            _session, sheet = cls.make_lesson(day)
            vals = {"verzuim_late_minutes": 30} if status == "late" else {}
            cls.register_line(sheet, cls.student, status, **vals)
        cls.as_of = str(later + timedelta(days=4))

    def test_year_and_last_four_lesweken(self):
        student = self.student.with_user(self.slb_user).with_context(verzuim_date=self.as_of)
        # Year: 8 hours of lessons, 4.5 missed. Last 4 lesweken: 4 hours, 0.5 missed.
        self.assertAlmostEqual(student.verzuim_attendance_rate, 100 * 3.5 / 8, places=1)
        self.assertAlmostEqual(student.verzuim_attendance_rate_recent, 100 * 3.5 / 4, places=1)

    def test_shown_on_the_form_and_the_lists(self):
        Student = self.env["op.student"].with_user(self.slb_user)
        form = Student.get_view(self.env.ref("openeducat_core.view_op_student_form").id, "form")
        self.assertIn('name="verzuim_attendance_rate_recent"', form["arch"])
        self.assertIn('name="verzuim_attendance_rate"', form["arch"])
        dossier = Student.get_view(
            self.env.ref("mbo_verzuim.op_student_view_list_dossier").id, "list"
        )
        self.assertIn('name="verzuim_attendance_rate_recent"', dossier["arch"])
        students = Student.get_view(self.env.ref("openeducat_core.view_op_student_tree").id, "list")
        self.assertIn('name="verzuim_attendance_rate_recent"', students["arch"])
