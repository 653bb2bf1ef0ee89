from datetime import date
from datetime import time
from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestRegistration(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("RG", students=3)
        cls.session, cls.sheet = cls.make_lesson(MONDAY)  # 08:30-10:30, 120 minutes
        cls.student = cls.students[0]
        cls.unknown = cls.env.ref("mbo_verzuim.reason_onbekend")

    def flags(self, line):
        return {f: line[f] for f in ("present", "absent", "late", "excused")}

    def test_absent_without_reason_is_unknown_and_unauthorized(self):
        line = self.register_line(self.sheet, self.student, "absent")
        self.assertEqual(line.verzuim_reason_id, self.unknown)
        self.assertEqual(line.verzuim_reason_source, "default")
        self.assertEqual(line.verzuim_category, "unauthorized")
        self.assertEqual(line.verzuim_minutes, 120)
        self.assertFalse(line.verzuim_attended)
        self.assertTrue(line.verzuim_is_unknown)
        self.assertEqual(
            self.flags(line), {"present": False, "absent": True, "late": False, "excused": False}
        )

    def test_present_by_default(self):
        line = self.env["op.attendance.line"].create(
            {"attendance_id": self.sheet.id, "student_id": self.student.id}
        )
        self.assertEqual(line.verzuim_status, "present")
        self.assertEqual(line.verzuim_category, "present")
        self.assertFalse(line.verzuim_reason_id)
        self.assertEqual(line.verzuim_minutes, 0)
        self.assertTrue(line.verzuim_attended)
        self.assertEqual(
            self.flags(line), {"present": True, "absent": False, "late": False, "excused": False}
        )

    def test_openeducat_booleans_through_rpc_give_one_status(self):
        # OpenEduCat alone stores present=True and absent=True for {'absent': True}.
        line = self.env["op.attendance.line"].create(
            {"attendance_id": self.sheet.id, "student_id": self.student.id, "absent": True}
        )
        self.assertEqual(line.verzuim_status, "absent")
        self.assertFalse(line.present)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.write({"late": True})  # lateness needs its minutes
        line.write({"late": True, "verzuim_late_minutes": 10})
        self.assertEqual(line.verzuim_status, "late")
        self.assertEqual(
            self.flags(line), {"present": False, "absent": False, "late": True, "excused": False}
        )
        line.write({"present": True})
        self.assertEqual(line.verzuim_status, "present")
        self.assertEqual(line.verzuim_late_minutes, 0)
        self.assertEqual(
            self.flags(line), {"present": True, "absent": False, "late": False, "excused": False}
        )

    def test_excused_boolean_is_an_authorized_absence(self):
        line = self.env["op.attendance.line"].create(
            {"attendance_id": self.sheet.id, "student_id": self.student.id, "excused": True}
        )
        self.assertEqual(line.verzuim_status, "absent")
        self.assertEqual(line.verzuim_category, "authorized")
        self.assertEqual(
            self.flags(line), {"present": False, "absent": False, "late": False, "excused": True}
        )

    def test_teacher_reason_sets_category_and_flags(self):
        line = self.register_line(
            self.sheet,
            self.student,
            "absent",
            verzuim_teacher_reason_id=self.env.ref("mbo_verzuim.reason_arts").id,
        )
        self.assertEqual(line.verzuim_reason_source, "teacher")
        self.assertEqual(line.verzuim_category, "authorized")
        self.assertTrue(line.excused)
        self.assertFalse(line.absent)

    def test_late_minutes_count(self):
        line = self.register_line(self.sheet, self.student, "late", verzuim_late_minutes=15)
        self.assertEqual(line.verzuim_minutes, 15)
        self.assertTrue(line.verzuim_attended)
        self.assertEqual(line.verzuim_category, "unauthorized")

    def test_late_minutes_are_kept_whatever_the_rules_count(self):
        # Each hours rule decides whether late minutes count (count_late_minutes); the
        # registration always keeps them.
        line = self.register_line(self.sheet, self.student, "late", verzuim_late_minutes=15)
        self.assertEqual((line.verzuim_minutes, line.verzuim_attended), (15, True))

    def test_removed_from_class_misses_until_the_end(self):
        line = self.register_line(
            self.sheet,
            self.student,
            "removed",
            verzuim_removed_at=utc(MONDAY, time(9, 45)),
        )
        self.assertEqual(line.verzuim_minutes, 45)
        self.assertTrue(line.verzuim_attended)

    def test_status_change_clears_lateness(self):
        line = self.register_line(self.sheet, self.student, "late", verzuim_late_minutes=10)
        line.verzuim_status = "absent"
        self.assertEqual(line.verzuim_late_minutes, 0)
        self.assertEqual(line.verzuim_minutes, 120)

    def test_lesson_date_is_the_local_date(self):
        # 00:30 local on Tuesday is 22:30 UTC on Monday (summer time ended on 25 October).
        day = date(2026, 10, 27)
        session, sheet = self.make_lesson(day, start=time(0, 30), end=time(1, 30))
        self.assertEqual(session.start_datetime.date(), day - timedelta(days=1))
        line = self.register_line(sheet, self.student, "absent")
        self.assertEqual(line.verzuim_lesson_date, day)
        self.assertEqual(line.verzuim_lesson_minutes, 60)

    def test_lesson_minutes_across_dst_change(self):
        # Sunday 29 March 2026 02:00 -> 03:00: a lesson 01:30-03:30 local lasts one hour.
        day = date(2026, 3, 29)
        _session, sheet = self.make_lesson(day, start=time(1, 30), end=time(3, 30))
        line = self.register_line(sheet, self.student, "absent")
        self.assertEqual(line.verzuim_lesson_minutes, 60)

    def test_bad_late_minutes_write_nothing(self):
        for minutes in (0, -5, 121):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.register_line(self.sheet, self.student, "late", verzuim_late_minutes=minutes)
        self.assertFalse(self.sheet.attendance_line)

    def test_removal_needs_a_time_inside_the_lesson(self):
        with self.assertRaises(ValidationError):
            self.register_line(
                self.sheet, self.student, "removed", verzuim_removed_at=utc(MONDAY, time(11, 0))
            )

    def test_student_outside_the_class_is_refused(self):
        other_batch = self.env["op.batch"].create(
            {
                "name": "Other",
                "code": "RG-OTHER",
                "course_id": self.course.id,
                "start_date": "2025-08-01",
                "end_date": "2027-07-31",
            }
        )
        outsider = self.make_student("Outside Student", other_batch)
        with self.assertRaises(ValidationError):
            self.register_line(self.sheet, outsider, "absent")
        self.assertFalse(self.sheet.attendance_line)

    def test_lateness_reason_on_absence_and_reverse_refused(self):
        absence_only = self.env.ref("mbo_verzuim.reason_spijbelen")
        with self.assertRaises(ValidationError):
            self.register_line(
                self.sheet,
                self.student,
                "late",
                verzuim_late_minutes=5,
                verzuim_teacher_reason_id=absence_only.id,
            )
        late_only = self.env["verzuim.reason"].create(
            {"code": "rg_bus", "name": "Bus late", "category": "authorized", "applies_to": "late"}
        )
        with self.assertRaises(ValidationError):
            self.register_line(
                self.sheet, self.student, "absent", verzuim_teacher_reason_id=late_only.id
            )
        self.assertFalse(self.sheet.attendance_line)

    def test_reason_changes_are_tracked(self):
        # records created without tracking are not tracked in the same transaction
        line = (
            self.env["op.attendance.line"]
            .with_context(tracking_disable=False)
            .create(
                {
                    "attendance_id": self.sheet.id,
                    "student_id": self.student.id,
                    "verzuim_status": "absent",
                }
            )
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        line.verzuim_reason_id = self.env.ref("mbo_verzuim.reason_spijbelen")
        self.env.flush_all()
        self.env.cr.precommit.run()
        values = line.message_ids.tracking_value_ids
        fields_changed = values.field_id.mapped("name")
        self.assertIn("verzuim_reason_id", fields_changed)
        tracked = values.filtered(lambda v: v.field_id.name == "verzuim_reason_id")
        self.assertEqual(tracked.old_value_char, "Unknown absence")
        self.assertEqual(tracked.new_value_char, "Truancy")
        self.assertEqual(tracked.mail_message_id.author_id, self.env.user.partner_id)
