"""Issue 8: health data at the edges, archiving, and bad input (each found by probing)."""

from datetime import date
from datetime import time

from odoo.addons.mail.tools.discuss import Store
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)
HEALTH_WORDS = ("Pregnan", "Zwanger", "Sick", "Ziek", "Doctor", "Arts")


@tagged("post_install", "-at_install")
class TestHealthDataAtTheEdges(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("HD", students=2)
        cls.frontoffice = cls.make_user("hd_front", "mbo_verzuim.group_frontoffice")
        cls.session, cls.sheet = cls.make_lesson(MONDAY)
        cls.student, cls.student2 = cls.students
        cls.line = cls.register_line(cls.sheet, cls.student, "absent")
        cls.line2 = cls.register_line(cls.sheet, cls.student2, "absent")
        cls.pregnant = cls.env.ref("mbo_verzuim.reason_zwanger")
        cls.sick = cls.env.ref("mbo_verzuim.reason_ziek")
        cls.doctor = cls.env.ref("mbo_verzuim.reason_arts")
        # The frontoffice sets a health reason afterwards.
        cls.line.with_user(cls.frontoffice).verzuim_visible_reason_id = cls.pregnant

    def assert_no_health_word(self, text):
        for word in HEALTH_WORDS:
            self.assertNotIn(word, text)

    def test_teacher_marks_present_over_a_reason_set_afterwards(self):
        line = self.line.with_user(self.teacher_user)
        line.action_verzuim_present()
        self.assertEqual(self.line.verzuim_status, "present")
        self.assertFalse(self.line.verzuim_manual_reason_id)
        self.assertFalse(self.line.verzuim_reason_id)

    def test_teacher_marks_everyone_present_and_late(self):
        self.sheet.with_user(self.teacher_user).action_verzuim_all_present()
        self.assertEqual(self.line.verzuim_status, "present")
        self.line.with_user(self.frontoffice).verzuim_visible_reason_id = False
        self.line.verzuim_status = "absent"
        self.line.with_user(self.frontoffice).verzuim_visible_reason_id = self.pregnant
        wizard = (
            self.env["verzuim.registration.wizard"]
            .with_user(self.teacher_user)
            .create({"line_id": self.line.id, "mode": "late", "late_minutes": 10})
        )
        wizard.action_confirm()
        self.assertEqual((self.line.verzuim_status, self.line.verzuim_minutes), ("late", 10))
        self.assertFalse(self.line.verzuim_manual_reason_id)

    def test_no_message_the_teacher_reads_names_the_hidden_reason(self):
        # As if the registration was made in an earlier transaction: a record is tracked from
        # the commit after its creation on.
        self.env.flush_all()
        self.env.cr.precommit.run()
        line = self.line.with_user(self.teacher_user).with_context(tracking_disable=False)
        line.action_verzuim_present()
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is written just before the commit
        messages = (
            self.env["mail.message"]
            .with_user(self.teacher_user)
            .search([("model", "=", "op.attendance.line"), ("res_id", "=", self.line.id)])
        )
        self.assertTrue(messages, "the change of status is tracked")
        formatted = repr(Store(messages, for_current_user=True).get_result())
        self.assert_no_health_word(formatted)
        # Late after a health reason set afterwards: the reason ends, nothing is refused.
        self.line.verzuim_status = "absent"
        self.line.with_user(self.frontoffice).verzuim_visible_reason_id = self.pregnant
        line.write({"verzuim_status": "late", "verzuim_late_minutes": 5})
        self.assertFalse(self.line.verzuim_manual_reason_id)
        # An error names only the reason the teacher gave itself.
        self.line.verzuim_status = "absent"
        self.line.with_user(self.frontoffice).verzuim_visible_reason_id = self.pregnant
        line.verzuim_teacher_reason_id = self.sick
        with self.assertRaises(ValidationError) as caught:
            line.write({"verzuim_teacher_reason_id": self.sick.id, "verzuim_late_minutes": 5})
            line.write({"verzuim_status": "late"})
        message = str(caught.exception)
        self.assertIn(self.sick.name, message)
        self.assertNotIn(self.pregnant.name, message)

    def test_a_guessed_reason_is_shown_as_the_teachers_own_entry(self):
        notice = self.env["verzuim.notice"].create(
            {
                "student_id": self.student2.id,
                "notice_type": "sick",
                "date_start": utc(MONDAY, time(7, 0)),
            }
        )
        self.assertEqual(self.line2.verzuim_reason_id, self.sick)
        line = self.line2.with_user(self.teacher_user)
        shown = {}
        for guess in (self.sick, self.doctor):
            line.verzuim_teacher_reason_id = guess
            line.invalidate_recordset()
            shown[guess.code] = (line.verzuim_reason_label, line.verzuim_visible_reason_id)
        # Right or wrong, the teacher reads back its own entry: the guess is not confirmed.
        self.assertEqual(shown["ziek"], (self.sick.name, self.sick))
        self.assertEqual(shown["arts"], (self.doctor.name, self.doctor))
        self.assertEqual(self.line2.verzuim_reason_id, self.sick)
        notice.action_cancel()

    def test_teacher_search_follows_what_the_teacher_reads(self):
        Line = self.env["op.attendance.line"].with_user(self.teacher_user)
        self.assertFalse(Line.search([("verzuim_visible_reason_id", "=", self.pregnant.id)]))
        self.line2.with_user(self.teacher_user).verzuim_teacher_reason_id = self.doctor
        self.assertEqual(
            Line.search([("verzuim_visible_reason_id", "=", self.doctor.id)]), self.line2
        )

    def test_slb_searches_own_lines_by_the_reason_shown(self):
        Line = self.env["op.attendance.line"].with_user(self.slb_user)
        found = Line.search([("verzuim_visible_reason_id", "=", self.pregnant.id)])
        self.assertEqual(found, self.line)
        self.assertEqual(Line.search_count([("verzuim_visible_reason_id.code", "=", "zwanger")]), 1)
        other_slb = self.make_user("hd_slb2", "mbo_verzuim.group_slb")
        self.assertFalse(
            self.env["op.attendance.line"]
            .with_user(other_slb)
            .search([("verzuim_visible_reason_id", "=", self.pregnant.id)])
        )


@tagged("post_install", "-at_install")
class TestArchivingAndDeleting(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("AD", students=1)
        cls.coordinator = cls.make_user("ad_coord", "mbo_verzuim.group_coordinator")
        cls.session, cls.sheet = cls.make_lesson(MONDAY)
        cls.line = cls.register_line(cls.sheet, cls.students, "absent")

    def test_teacher_cannot_archive_a_registration(self):
        with self.assertRaises(AccessError):
            self.line.with_user(self.teacher_user).write({"active": False})
        self.assertTrue(self.line.active)
        with self.assertRaises(AccessError):
            self.line.with_user(self.teacher_user).action_archive()
        self.assertTrue(self.line.active)

    def test_coordinator_archives_but_does_not_delete(self):
        with self.assertRaises(UserError):
            self.line.with_user(self.coordinator).unlink()
        self.assertTrue(self.line.exists())
        self.line.with_user(self.coordinator).action_archive()
        self.assertFalse(self.line.active)


@tagged("post_install", "-at_install")
class TestBadInput(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("BI", students=1)
        cls.session, cls.sheet = cls.make_lesson(MONDAY)
        cls.line = cls.register_line(cls.sheet, cls.students, "absent")

    def assert_refused(self, vals):
        before = self.line.read(["verzuim_status", "verzuim_teacher_reason_id"])
        with self.assertRaises(ValidationError) as caught:
            self.line.with_user(self.teacher_user).write(vals)
        self.assertEqual(self.line.read(["verzuim_status", "verzuim_teacher_reason_id"]), before)
        return str(caught.exception)

    def test_empty_status(self):
        for value in ("", False, "gone"):
            self.assertIn("present, absent, late", self.assert_refused({"verzuim_status": value}))

    def test_reason_that_is_no_reason(self):
        self.assert_refused({"verzuim_teacher_reason_id": "abc"})
        self.assert_refused({"verzuim_teacher_reason_id": 10**9})

    def test_contradicting_flags(self):
        self.assert_refused({"present": True, "absent": True})
        self.assert_refused({"present": True, "late": True})

    def test_unknown_is_not_a_reason_to_give(self):
        unknown = self.env.ref("mbo_verzuim.reason_onbekend")
        self.assertIn("empty", self.assert_refused({"verzuim_teacher_reason_id": unknown.id}))
        with self.assertRaises(ValidationError):
            self.env["op.attendance.line"].create(
                {
                    "attendance_id": self.sheet.id,
                    "student_id": self.students.id,
                    "verzuim_status": "absent",
                    "verzuim_teacher_reason_id": unknown.id,
                }
            )


@tagged("post_install", "-at_install")
class TestRegistrationsStayPut(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("SP", students=2)
        cls.first, cls.sheet = cls.make_lesson(MONDAY)
        cls.second, cls.other_sheet = cls.make_lesson(MONDAY, start=time(10, 45), end=time(12, 45))
        cls.line = cls.register_line(cls.sheet, cls.students[0], "absent")

    def test_teacher_cannot_move_a_line_to_another_register_or_student(self):
        line = self.line.with_user(self.teacher_user)
        for vals in (
            {"attendance_id": self.other_sheet.id},
            {"student_id": self.students[1].id},
        ):
            with self.assertRaises(AccessError):
                line.write(vals)
        self.assertEqual(
            (self.line.attendance_id, self.line.student_id), (self.sheet, self.students[0])
        )

    def test_a_register_with_registrations_is_not_deleted(self):
        coordinator = self.make_user("sp_coord", "mbo_verzuim.group_coordinator")
        with self.assertRaises(UserError):
            self.sheet.with_user(coordinator).unlink()
        self.assertTrue(self.line.exists())
        self.other_sheet.with_user(coordinator).unlink()
        self.assertFalse(self.other_sheet.exists())
