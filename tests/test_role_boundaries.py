"""Role boundaries (issue 8, points 4 and 5), run as each role over the ORM.

A teacher registers the lessons it gives: it opens, fills, completes and reopens their
registers. It does not move a register to another lesson, class, date or teacher, and it
does not change what decides the legal rules (a course's MBO level, an enrolment's class,
status, pathway or full-time) nor enrol students. Those belong with the coordinator, the
timetable office (registers) and the student administration (rule inputs).
"""

from contextlib import contextmanager
from datetime import date
from datetime import time

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)
# The start of each refusal, to be sure it is this boundary that refused.
MOVE = "Only the absence coordinator or the timetable office may move a register"
DERIVED = "A register's class and course come from its attendance register"
OWN_LESSON = "A register takes the date and the teacher of its lesson"
SECOND = "This lesson already has a register"
SAME_CLASS = "A register is of the class of its lesson"
STRANGERS = "a register with registrations stays in its class"
LEVEL = "Only the absence coordinator or the student administration may set a course's MBO"
ENROL = "Only the absence coordinator or the student administration may enrol a student"
ENROLMENT = "Only the absence coordinator or the student administration may change an enrolment"


@tagged("post_install", "-at_install")
class TestRoleBoundaries(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("RBD", students=2)
        cls.student, cls.student2 = cls.students
        cls.frontoffice = cls.make_user("rbd_front", "mbo_verzuim.group_frontoffice")
        cls.coordinator = cls.make_user("rbd_coord", "mbo_verzuim.group_coordinator")
        cls.verzuim_admin = cls.make_user("rbd_admin", "mbo_verzuim.group_admin")
        cls.back_office = cls.make_user("rbd_backoffice", "openeducat_core.group_op_back_office")
        cls.planner = cls.make_user(
            "rbd_planner",
            "openeducat_timetable.group_op_timetable_manager",
            "openeducat_attendance.group_op_attendance_user",
        )
        cls.attendance_user = cls.make_user(
            "rbd_attendance", "openeducat_attendance.group_op_attendance_user"
        )
        cls.other_teacher, cls.other_faculty = cls.make_teacher("rbd_teacher2", "Other", "Teacher")
        # A second class with its own register and student.
        cls.course_b = cls.env["op.course"].create(
            {
                "name": "RBD Zorg",
                "code": "RBD-ZORG",
                "verzuim_niveau": "4",
                "subject_ids": [(6, 0, cls.subject.ids)],
            }
        )
        cls.batch_b = cls.env["op.batch"].create(
            {
                "name": "RBD ZORG4B",
                "code": "RBD-ZORG4B",
                "course_id": cls.course_b.id,
                "start_date": "2025-08-01",
                "end_date": "2027-07-31",
            }
        )
        cls.register_b = cls.env["op.attendance.register"].create(
            {
                "name": "RBD-REG-B",
                "code": "RBD-REG-B",
                "course_id": cls.course_b.id,
                "batch_id": cls.batch_b.id,
            }
        )
        cls.student_b = cls.make_student("RBD Bstudent", cls.batch_b)
        # The teacher's lesson in class A (with registrations), the other teacher's lesson
        # in class A, and a lesson of the teacher in class B.
        cls.mine, cls.my_sheet = cls.make_lesson(MONDAY)
        cls.theirs, cls.their_sheet = cls.make_lesson(
            MONDAY, start=time(10, 45), end=time(12, 45), faculty=cls.other_faculty
        )
        cls.mine_b, cls.my_sheet_b = cls.make_lesson(
            MONDAY, start=time(13, 0), end=time(14, 0), batch=cls.batch_b
        )
        cls.their_bare = cls.bare_lesson(time(15, 0), time(16, 0), faculty=cls.other_faculty)
        cls.line = cls.register_line(cls.my_sheet, cls.student, "absent")
        cls.line2 = cls.register_line(cls.my_sheet, cls.student2, "present")
        cls.enrolment = cls.student.course_detail_ids
        cls.non_managers = (cls.teacher_user, cls.frontoffice, cls.slb_user)

    # --- helpers -------------------------------------------------------------------------

    def placement(self, sheet):
        sheet.invalidate_recordset()
        sheet.attendance_line.invalidate_recordset()
        return (
            sheet.register_id,
            sheet.session_id,
            sheet.attendance_date,
            sheet.faculty_id,
            sheet.batch_id,
            sheet.attendance_line,
            sheet.attendance_line.mapped("verzuim_teacher_user_id"),
            sheet.attendance_line.mapped("batch_id"),
        )

    @contextmanager
    def refused(self, exception, message):
        """Refused by this boundary: the exception, and its message."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(message, str(caught.exception))

    def assert_refused_as(self, user, record, vals, message):
        before = record.read(list(vals))
        with self.refused(AccessError, message):
            record.with_user(user).write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.read(list(vals)), before, f"{vals} was written as {user.login}")

    @classmethod
    def bare_lesson(cls, start, end, faculty=None, batch=None):
        """A lesson without a register yet."""
        batch = batch or cls.batch
        return cls.env["op.session"].create(
            {
                "course_id": batch.course_id.id,
                "batch_id": batch.id,
                "faculty_id": (faculty or cls.faculty).id,
                "subject_id": cls.subject.id,
                "start_datetime": utc(MONDAY, start),
                "end_datetime": utc(MONDAY, end),
            }
        )

    def enrolment_vals(self, student=None, batch=None):
        batch = batch or self.batch
        return {
            "student_id": (student or self.student_b).id,
            "course_id": batch.course_id.id,
            "batch_id": batch.id,
        }

    # --- point 4: registers stay with their lesson and class -------------------------------

    def test_teacher_cannot_move_own_register_to_another_lesson(self):
        before = self.placement(self.my_sheet)
        with self.refused(AccessError, MOVE):
            self.my_sheet.with_user(self.teacher_user).write({"session_id": self.their_bare.id})
        self.assertEqual(self.placement(self.my_sheet), before)
        self.assertEqual(self.line.verzuim_teacher_user_id, self.teacher_user)

    def test_teacher_cannot_move_own_register_to_another_class(self):
        before = self.placement(self.my_sheet)
        with self.refused(AccessError, MOVE):
            self.my_sheet.with_user(self.teacher_user).write({"register_id": self.register_b.id})
        self.assertEqual(self.placement(self.my_sheet), before)
        self.assertEqual(self.line.batch_id, self.batch)

    def test_teacher_cannot_hand_own_register_to_another_teacher(self):
        before = self.placement(self.my_sheet)
        with self.refused(AccessError, MOVE):
            self.my_sheet.with_user(self.teacher_user).write({"faculty_id": self.other_faculty.id})
        self.assertEqual(self.placement(self.my_sheet), before)

    def test_teacher_cannot_change_the_date_of_own_register(self):
        before = self.placement(self.my_sheet)
        with self.refused(AccessError, MOVE):
            self.my_sheet.with_user(self.teacher_user).write({"attendance_date": date(2026, 9, 1)})
        self.assertEqual(self.placement(self.my_sheet), before)

    def test_openeducat_attendance_user_cannot_move_a_register(self):
        """OpenEduCat's own attendance role is not timetable staff either."""
        before = self.placement(self.my_sheet)
        for vals in ({"session_id": self.their_bare.id}, {"register_id": self.register_b.id}):
            with self.refused(AccessError, MOVE):
                self.my_sheet.with_user(self.attendance_user).write(vals)
        self.assertEqual(self.placement(self.my_sheet), before)

    def test_nobody_sets_a_register_class_apart_from_its_attendance_register(self):
        """OpenEduCat's class and course of a register are readonly copies: writing them
        would let the teacher fill its lesson with another class's students."""
        before = self.placement(self.my_sheet)
        for user in (self.teacher_user, self.coordinator):
            for vals in ({"batch_id": self.batch_b.id}, {"course_id": self.course_b.id}):
                with self.refused(UserError, DERIVED):
                    self.my_sheet.with_user(user).write(vals)
        self.assertEqual(self.placement(self.my_sheet), before)
        self.assertEqual(self.my_sheet.course_id, self.course)

    def test_teacher_cannot_open_own_lesson_in_another_class_register(self):
        Sheet = self.env["op.attendance.sheet"]
        lesson = self.bare_lesson(time(16, 0), time(17, 0))
        count = Sheet.search_count([])
        with self.refused(ValidationError, SAME_CLASS):
            Sheet.with_user(self.teacher_user).create(
                {
                    "register_id": self.register_b.id,
                    "session_id": lesson.id,
                    "attendance_date": MONDAY,
                    "faculty_id": self.faculty.id,
                }
            )
        self.assertEqual(Sheet.search_count([]), count)

    def test_teacher_cannot_open_a_second_register_for_a_lesson(self):
        Sheet = self.env["op.attendance.sheet"]
        count = Sheet.search_count([])
        for vals, exception, message in (
            ({"register_id": self.register.id, "session_id": self.mine.id}, UserError, SECOND),
            (
                {
                    "register_id": self.register.id,
                    "session_id": self.mine.id,
                    "attendance_date": date(2026, 10, 6),
                    "faculty_id": self.faculty.id,
                },
                AccessError,
                OWN_LESSON,
            ),
        ):
            with self.refused(exception, message):
                Sheet.with_user(self.teacher_user).create(vals)
        self.assertEqual(Sheet.search_count([]), count)
        self.assertEqual(self.mine.attendance_sheet, self.my_sheet)

    def test_nobody_moves_registrations_out_of_their_class(self):
        """Also the coordinator: the students of the lines must be in the new class."""
        before = self.placement(self.my_sheet)
        lesson_b = self.bare_lesson(time(16, 0), time(17, 0), batch=self.batch_b)
        for vals, message in (
            ({"register_id": self.register_b.id}, STRANGERS),
            ({"session_id": self.mine_b.id}, SAME_CLASS),
            ({"register_id": self.register_b.id, "session_id": lesson_b.id}, STRANGERS),
        ):
            with self.refused(ValidationError, message):
                self.my_sheet.with_user(self.coordinator).write(vals)
        self.assertEqual(self.placement(self.my_sheet), before)

    def test_nobody_moves_a_register_book_with_registrations_to_another_class(self):
        """The class of a register (op.attendance.register) is the class of its lines too."""
        with self.refused(ValidationError, STRANGERS):
            self.register.with_user(self.coordinator).write(
                {"batch_id": self.batch_b.id, "course_id": self.course_b.id}
            )
        self.register.invalidate_recordset()
        self.assertEqual(self.register.batch_id, self.batch)
        self.assertEqual(self.placement(self.my_sheet)[4], self.batch)

    def test_coordinator_and_timetable_staff_move_a_register_within_its_class(self):
        for user in (self.coordinator, self.planner):
            self.my_sheet.with_user(user).write({"session_id": self.their_bare.id})
            self.assertEqual(self.line.verzuim_teacher_user_id, self.other_teacher)
            self.my_sheet.with_user(user).write({"session_id": self.mine.id})
            self.assertEqual(self.line.verzuim_teacher_user_id, self.teacher_user)

    def test_coordinator_moves_an_empty_register_to_another_class(self):
        _lesson, sheet = self.make_lesson(MONDAY, start=time(15, 0), end=time(16, 0))
        lesson_b = self.bare_lesson(time(16, 0), time(17, 0), batch=self.batch_b)
        sheet.with_user(self.coordinator).write(
            {"register_id": self.register_b.id, "session_id": lesson_b.id}
        )
        self.assertEqual(sheet.batch_id, self.batch_b)
        self.register_line(sheet, self.student_b, "absent")

    def test_teacher_still_registers_own_lesson(self):
        lesson = self.bare_lesson(time(16, 0), time(17, 0))
        action = lesson.with_user(self.teacher_user).action_verzuim_open_register()
        sheet = (
            self.env["op.attendance.sheet"].with_user(self.teacher_user).browse(action["res_id"])
        )
        self.assertEqual(sheet.register_id, self.register)
        self.assertEqual(sheet.attendance_date, MONDAY)
        self.assertEqual(sheet.faculty_id, self.faculty)
        line = sheet.attendance_line.filtered(lambda line: line.student_id == self.student)
        line.write({"verzuim_status": "absent"})
        sheet.action_verzuim_complete()
        self.assertEqual(sheet.state, "done")
        sheet.action_verzuim_reopen()
        self.assertEqual(sheet.state, "start")
        # Writing the values the register already has is no move.
        sheet.write({"session_id": lesson.id, "register_id": self.register.id})
        self.assertEqual(line.verzuim_status, "absent")

    def test_teacher_creates_a_register_for_own_lesson_through_openeducat(self):
        """OpenEduCat's form gives the lesson and the register; date and teacher follow."""
        lesson = self.bare_lesson(time(16, 0), time(17, 0))
        sheet = (
            self.env["op.attendance.sheet"]
            .with_user(self.teacher_user)
            .create({"register_id": self.register.id, "session_id": lesson.id})
        )
        self.assertEqual(sheet.attendance_date, MONDAY)
        self.assertEqual(sheet.faculty_id, self.faculty)

    # --- point 5: what decides the legal rules ---------------------------------------------

    def test_only_coordinator_or_administration_changes_a_course_level(self):
        for user in self.non_managers:
            self.assert_refused_as(user, self.course, {"verzuim_niveau": "4"}, LEVEL)
        self.assertEqual(self.course.verzuim_niveau, "2")

    def test_teacher_cannot_create_a_course_with_a_level(self):
        Course = self.env["op.course"]
        count = Course.search_count([])
        with self.refused(AccessError, LEVEL):
            Course.with_user(self.teacher_user).create(
                {"name": "RBD Nieuw", "code": "RBD-NEW", "verzuim_niveau": "1"}
            )
        self.assertEqual(Course.search_count([]), count)

    def test_only_coordinator_or_administration_changes_pathway_or_full_time(self):
        for user in self.non_managers:
            for vals in ({"verzuim_leerweg": "bbl"}, {"verzuim_voltijd": False}):
                self.assert_refused_as(user, self.enrolment, vals, ENROLMENT)
        # OpenEduCat's own path: the student form's enrolment lines.
        with self.refused(AccessError, ENROLMENT):
            self.student.with_user(self.teacher_user).write(
                {"course_detail_ids": [(1, self.enrolment.id, {"verzuim_leerweg": "bbl"})]}
            )
        self.assertEqual(self.enrolment.verzuim_leerweg, "bol")
        self.assertTrue(self.enrolment.verzuim_voltijd)

    def test_teacher_cannot_change_a_level_through_an_enrolment(self):
        self.assert_refused_as(
            self.teacher_user, self.enrolment, {"verzuim_niveau": "4"}, ENROLMENT
        )
        self.assertEqual(self.course.verzuim_niveau, "2")

    def test_only_coordinator_or_administration_moves_or_ends_an_enrolment(self):
        for user in self.non_managers:
            for vals in (
                {"batch_id": self.batch_b.id, "course_id": self.course_b.id},
                {"course_id": self.course_b.id},
                {"state": "finished"},
                {"student_id": self.student_b.id},
            ):
                self.assert_refused_as(user, self.enrolment, vals, ENROLMENT)

    def test_teacher_cannot_enrol_a_student(self):
        """An enrolment made by a teacher would also let it register any student."""
        Enrolment = self.env["op.student.course"]
        count = Enrolment.search_count([])
        for user in self.non_managers:
            with self.refused(AccessError, ENROL):
                Enrolment.with_user(user).create(self.enrolment_vals())
            # OpenEduCat's own path: a new line on the student form.
            with self.refused(AccessError, ENROL):
                self.student_b.with_user(user).write(
                    {"course_detail_ids": [(0, 0, self.enrolment_vals())]}
                )
        self.assertEqual(Enrolment.search_count([]), count)
        with self.assertRaises(ValidationError):
            self.register_line(self.my_sheet, self.student_b, "absent")

    def test_teacher_still_edits_harmless_enrolment_details(self):
        enrolment = self.enrolment.with_user(self.teacher_user)
        enrolment.write({"roll_number": "RBD-17", "subject_ids": [(6, 0, self.subject.ids)]})
        self.assertEqual(self.enrolment.roll_number, "RBD-17")

    def test_coordinator_and_administration_manage_the_rule_inputs(self):
        for user in (self.coordinator, self.back_office, self.verzuim_admin):
            self.course.with_user(user).write({"verzuim_niveau": "3"})
            self.assertEqual(self.course.verzuim_niveau, "3")
            self.enrolment.with_user(user).write(
                {"verzuim_leerweg": "bbl", "verzuim_voltijd": False}
            )
            self.assertEqual(self.enrolment.verzuim_leerweg, "bbl")
            self.assertFalse(self.enrolment.verzuim_voltijd)
            self.enrolment.with_user(user).write(
                {"verzuim_leerweg": "bol", "verzuim_voltijd": True}
            )
            enrolment = (
                self.env["op.student.course"]
                .with_user(user)
                .create(self.enrolment_vals(student=self.student_b))
            )
            self.assertEqual(enrolment.batch_id, self.batch)
            self.assertTrue(self.register_line(self.my_sheet, self.student_b, "absent"))
            self.my_sheet.attendance_line.filtered(
                lambda line: line.student_id == self.student_b
            ).unlink()
            enrolment.sudo().unlink()
