from datetime import date
from datetime import time

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)
HEALTH_WORDS = ("Sick", "Ziek", "Doctor", "Arts", "Pregnan", "Zwanger")


@tagged("post_install", "-at_install")
class TestAccess(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("AC", students=2)
        cls.frontoffice = cls.make_user("ac_front", "mbo_verzuim.group_frontoffice")
        cls.coordinator = cls.make_user("ac_coord", "mbo_verzuim.group_coordinator")
        cls.management = cls.make_user("ac_mgmt", "mbo_verzuim.group_management")
        cls.other_teacher, cls.other_faculty = cls.make_teacher("ac_teacher2", "Other", "Teacher")
        cls.other_slb = cls.make_user("ac_slb2", "mbo_verzuim.group_slb")
        cls.mine, cls.my_sheet = cls.make_lesson(MONDAY)
        cls.theirs, cls.their_sheet = cls.make_lesson(
            MONDAY, start=time(10, 45), end=time(12, 45), faculty=cls.other_faculty
        )
        cls.student, cls.student2 = cls.students
        cls.student2.verzuim_slb_id = cls.other_slb
        cls.sick_line = cls.register_line(cls.my_sheet, cls.student, "absent")
        cls.other_line = cls.register_line(cls.their_sheet, cls.student, "absent")
        cls.line_student2 = cls.register_line(cls.my_sheet, cls.student2, "absent")
        cls.notice = cls.env["verzuim.notice"].create(
            {
                "student_id": cls.student.id,
                "notice_type": "sick",
                "date_start": utc(MONDAY, time(7, 0)),
            }
        )
        cls.Line = cls.env["op.attendance.line"]

    def test_teacher_sees_only_lessons_the_teacher_gives(self):
        lines = self.Line.with_user(self.teacher_user).search([])
        self.assertEqual(lines, self.sick_line | self.line_student2)
        with self.assertRaises(AccessError):
            self.other_line.with_user(self.teacher_user).read(["verzuim_status"])
        with self.assertRaises(AccessError):
            self.other_line.with_user(self.teacher_user).write({"verzuim_status": "present"})

    def test_teacher_edits_own_lesson(self):
        line = self.sick_line.with_user(self.teacher_user)
        line.write({"verzuim_status": "late", "verzuim_late_minutes": 10})
        self.assertEqual(line.verzuim_status, "late")

    def test_teacher_never_learns_a_health_reason(self):
        line = self.sick_line.with_user(self.teacher_user)
        self.assertEqual(self.sick_line.verzuim_reason_id.code, "ziek")
        readable = line.check_field_access_rights("read", None)
        values = line.read(readable)[0]
        text = repr(values)
        for word in HEALTH_WORDS:
            self.assertNotIn(word, text, f"a teacher can read '{word}'")
        self.assertEqual(values["verzuim_reason_label"], "Authorized absence")
        self.assertFalse(values["verzuim_visible_reason_id"])
        for restricted in (
            "verzuim_reason_id",
            "verzuim_notice_id",
            "verzuim_reason_source",
            "verzuim_manual_reason_id",
        ):
            with self.assertRaises(AccessError):
                line.read([restricted])
        with self.assertRaises(AccessError):
            self.notice.with_user(self.teacher_user).read(["notice_type"])

    def test_teacher_cannot_search_or_group_by_a_reason(self):
        Line = self.Line.with_user(self.teacher_user)
        for domain in (
            [("verzuim_reason_id.code", "=", "ziek")],
            [("verzuim_notice_id.notice_type", "=", "sick")],
        ):
            with self.assertRaises(AccessError):
                Line.search_count(domain)
        # The reason shown may be searched: it finds what the teacher reads, no more.
        self.assertFalse(Line.search_count([("verzuim_visible_reason_id.code", "=", "ziek")]))
        with self.assertRaises(AccessError):
            Line.read_group([], ["verzuim_minutes:sum"], ["verzuim_reason_id"])

    def test_teacher_label_in_dutch(self):
        line = self.sick_line.with_user(self.teacher_user).with_context(lang="nl_NL")
        self.assertEqual(line.verzuim_reason_label, "Geoorloofd afwezig")

    def test_slb_sees_own_students_and_their_health_reason(self):
        lines = self.Line.with_user(self.slb_user).search([])
        self.assertEqual(lines, self.sick_line | self.other_line)
        line = self.sick_line.with_user(self.slb_user)
        self.assertEqual(line.verzuim_visible_reason_id.code, "ziek")
        notices = self.env["verzuim.notice"].with_user(self.slb_user).search([])
        self.assertEqual(notices, self.notice)
        self.assertFalse(self.env["verzuim.notice"].with_user(self.other_slb).search([]))
        self.assertEqual(self.Line.with_user(self.other_slb).search([]), self.line_student2)

    def test_slb_sets_the_real_reason(self):
        line = self.line_student2.with_user(self.other_slb)
        line.verzuim_visible_reason_id = self.env.ref("mbo_verzuim.reason_spijbelen")
        self.assertEqual(self.line_student2.verzuim_reason_id.code, "spijbelen")
        self.assertEqual(self.line_student2.verzuim_reason_source, "manual")
        with self.assertRaises(AccessError):
            self.sick_line.with_user(self.other_slb).write(
                {"verzuim_visible_reason_id": self.env.ref("mbo_verzuim.reason_luxe").id}
            )

    def test_frontoffice_manages_notices_of_any_student(self):
        Notice = self.env["verzuim.notice"].with_user(self.frontoffice)
        notice = Notice.create(
            {
                "student_id": self.student2.id,
                "notice_type": "suspension",
                "date_start": utc(MONDAY, time(7, 0)),
                "date_end": utc(MONDAY, time(18, 0)),
            }
        )
        self.assertEqual(self.line_student2.verzuim_reason_id.code, "schorsing")
        notice.action_cancel()
        self.assertEqual(Notice.search_count([("student_id", "in", self.students.ids)]), 2)
        self.assertTrue(self.sick_line.with_user(self.frontoffice).verzuim_reason_id)

    def test_frontoffice_sees_no_signals_or_figures(self):
        for model in ("verzuim.signal", "verzuim.absence.report"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.frontoffice).search([])

    def test_coordinator_sees_everything(self):
        lines = self.Line.with_user(self.coordinator).search(
            [("student_id", "in", self.students.ids)]
        )
        self.assertEqual(len(lines), 3)
        self.assertEqual(self.sick_line.with_user(self.coordinator).verzuim_reason_id.code, "ziek")

    def test_management_reads_no_registrations_or_notices(self):
        with self.assertRaises(AccessError):
            self.Line.with_user(self.management).search([])
        with self.assertRaises(AccessError):
            self.env["verzuim.notice"].with_user(self.management).search([])

    def test_teacher_cannot_create_notices(self):
        with self.assertRaises(AccessError):
            self.env["verzuim.notice"].with_user(self.teacher_user).create(
                {
                    "student_id": self.student.id,
                    "notice_type": "sick",
                    "date_start": utc(MONDAY, time(7, 0)),
                }
            )

    def test_no_diagnosis_field_anywhere(self):
        fields = self.env["ir.model.fields"].search(
            [
                (
                    "model",
                    "in",
                    ["verzuim.notice", "op.attendance.line", "op.student", "verzuim.reason"],
                ),
                "|",
                ("name", "ilike", "diagnos"),
                ("field_description", "ilike", "diagnos"),
            ]
        )
        self.assertFalse(fields)


@tagged("post_install", "-at_install")
class TestManagementFigures(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("MF", students=2)
        cls.management = cls.make_user("mf_mgmt", "mbo_verzuim.group_management")
        _session, sheet = cls.make_lesson(MONDAY)
        cls.register_line(sheet, cls.students[0], "absent")
        cls.register_line(sheet, cls.students[1], "present")

    def test_management_reads_figures_per_class_not_per_student(self):
        Report = self.env["verzuim.absence.report"].with_user(self.management)
        self.env.flush_all()
        # Two students: fewer than the school's minimum (5), so nothing is shown ...
        rows = Report._read_group([("batch_id", "=", self.batch.id)], [], ["missed_hours:sum"])
        self.assertEqual(rows, [(False,)])
        # ... until the minimum allows groups of two.
        self.env.company.verzuim_min_group_size = 2
        rows = Report._read_group(
            [("batch_id", "=", self.batch.id)], ["category"], ["missed_hours:sum", "__count"]
        )
        figures = {category: (hours, count) for category, hours, count in rows}
        self.assertEqual(figures["unauthorized"][0], False)  # one student
        self.assertEqual(figures["present"][0], False)
        (total,) = Report._read_group([("batch_id", "=", self.batch.id)], [], ["missed_hours:sum"])
        self.assertEqual(total, (2.0,))
        self.assertNotIn("student_id", Report.fields_get())


@tagged("post_install", "-at_install")
class TestRoleBoundaries(VerzuimCase):
    """What the review found: each role stays inside its own task."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("RB", students=2)
        cls.other_slb = cls.make_user("rb_slb2", "mbo_verzuim.group_slb")
        cls.frontoffice = cls.make_user("rb_front", "mbo_verzuim.group_frontoffice")
        cls.student, cls.theirs = cls.students
        cls.theirs.verzuim_slb_id = cls.other_slb
        _session, sheet = cls.make_lesson(MONDAY)
        cls.line = cls.register_line(sheet, cls.student, "absent")
        cls.their_line = cls.register_line(sheet, cls.theirs, "absent")

    def test_only_coordinator_changes_slb_startkwalificatie_or_birth_date(self):
        for user in (self.slb_user, self.teacher_user, self.frontoffice):
            for vals in (
                {"verzuim_slb_id": user.id},
                {"verzuim_startkwalificatie": True},
                {"birth_date": "2000-01-01"},
            ):
                with self.assertRaises(AccessError):
                    self.theirs.with_user(user).write(vals)
        self.assertEqual(self.theirs.verzuim_slb_id, self.other_slb)
        self.theirs.verzuim_slb_id = self.slb_user  # the coordinator (here: OdooBot, admin)
        self.assertEqual(self.theirs.verzuim_slb_id, self.slb_user)

    def test_the_slb_must_be_a_coach(self):
        with self.assertRaises(ValidationError):
            self.theirs.verzuim_slb_id = self.teacher_user

    def test_teacher_does_not_plan_lessons(self):
        Session = self.env["op.session"].with_user(self.teacher_user)
        with self.assertRaises(AccessError):
            Session.create(
                {
                    "course_id": self.course.id,
                    "batch_id": self.batch.id,
                    "faculty_id": self.faculty.id,
                    "subject_id": self.subject.id,
                    "start_datetime": utc(MONDAY, time(14, 0)),
                    "end_datetime": utc(MONDAY, time(15, 0)),
                }
            )
        lesson = self.line.verzuim_session_id.with_user(self.teacher_user)
        with self.assertRaises(AccessError):
            lesson.write({"start_datetime": utc(MONDAY, time(7, 0))})

    def test_every_authorized_reason_is_just_authorized_for_a_teacher(self):
        self.line.verzuim_reason_id = self.env.ref("mbo_verzuim.reason_verlof")
        line = self.line.with_user(self.teacher_user)
        self.assertEqual(line.verzuim_reason_label, "Authorized absence")
        self.assertFalse(line.verzuim_visible_reason_id)
        own = self.their_line.with_user(self.teacher_user)
        own.verzuim_teacher_reason_id = self.env.ref("mbo_verzuim.reason_overmacht")
        self.assertEqual(own.verzuim_reason_label, "Force majeure")

    def test_teacher_cannot_set_the_reason_afterwards(self):
        with self.assertRaises(AccessError):
            self.line.with_user(self.teacher_user).verzuim_visible_reason_id = self.env.ref(
                "mbo_verzuim.reason_spijbelen"
            )
        self.assertEqual(self.line.verzuim_reason_source, "default")

    def test_slb_and_frontoffice_set_reasons_not_presence(self):
        for user, line in ((self.other_slb, self.their_line), (self.frontoffice, self.line)):
            with self.assertRaises(AccessError):
                line.with_user(user).write({"verzuim_status": "present"})
            line.with_user(user).write(
                {"verzuim_visible_reason_id": self.env.ref("mbo_verzuim.reason_arts").id}
            )
            self.assertEqual(line.verzuim_reason_id.code, "arts")
            self.assertEqual(line.verzuim_status, "absent")

    def test_slb_summary_only_for_own_students(self):
        day = {"verzuim_date": MONDAY.isoformat()}
        own = self.student.with_user(self.slb_user).with_context(**day)
        self.assertEqual(own.verzuim_unauthorized_hours, 2.0)
        other = self.theirs.with_user(self.slb_user).with_context(**day)
        self.assertEqual(other.verzuim_unauthorized_hours, 0)
        self.assertEqual(other.verzuim_line_count, 0)

    def test_notice_reason_follows_its_type(self):
        notice = (
            self.env["verzuim.notice"]
            .with_user(self.frontoffice)
            .create(
                {
                    "student_id": self.student.id,
                    "notice_type": "sick",
                    "date_start": utc(MONDAY, time(7, 0)),
                }
            )
        )
        with self.assertRaises(UserError):
            notice.write({"reason_id": self.env.ref("mbo_verzuim.reason_spijbelen").id})
        self.assertEqual(notice.reason_id.code, "ziek")


@tagged("post_install", "-at_install")
class TestSignalHandlingRights(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("SH", students=1)
        cls.env.company.verzuim_coordinator_id = cls.make_user(
            "sh_coord", "mbo_verzuim.group_coordinator"
        )
        Signal = cls.env["verzuim.signal"]
        values = {
            "student_id": cls.students.id,
            "date_start": MONDAY,
            "date_end": MONDAY,
            "deadline": MONDAY,
        }
        cls.pedagogical = Signal.create(
            {**values, "rule_id": cls.env.ref("mbo_verzuim.rule_unauthorized_10h").id}
        )
        cls.legal = Signal.create(
            {**values, "rule_id": cls.env.ref("mbo_verzuim.rule_legal_16h").id}
        )

    def test_slb_handles_own_signals_only_by_state(self):
        mine = self.pedagogical.with_user(self.slb_user)
        mine.action_start()
        mine.action_done()
        self.assertEqual(self.pedagogical.state, "done")
        with self.assertRaises(AccessError):
            mine.write({"hours": 99})
        with self.assertRaises(AccessError):
            self.legal.with_user(self.slb_user).action_done()
        self.assertEqual(self.legal.state, "new")


@tagged("post_install", "-at_install")
class TestRegisterAndLessonRules(VerzuimCase):
    """The record rules on registers (op.attendance.sheet), lessons and signals, per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("RR", students=1)
        cls.frontoffice = cls.make_user("rr_front", "mbo_verzuim.group_frontoffice")
        cls.coordinator = cls.make_user("rr_coord", "mbo_verzuim.group_coordinator")
        cls.other_teacher = cls.make_user("rr_teacher2", "mbo_verzuim.group_teacher")
        cls.other_slb = cls.make_user("rr_slb2", "mbo_verzuim.group_slb")
        cls.lesson, cls.sheet = cls.make_lesson(MONDAY)
        cls.signal = cls.env["verzuim.signal"].create(
            {
                "student_id": cls.students.id,
                "date_start": MONDAY,
                "date_end": MONDAY,
                "deadline": MONDAY,
                "rule_id": cls.env.ref("mbo_verzuim.rule_unauthorized_10h").id,
            }
        )

    def test_registers_and_lessons_per_role(self):
        for user in (self.frontoffice, self.slb_user, self.coordinator, self.teacher_user):
            self.assertEqual(self.sheet.with_user(user).read(["name"])[0]["id"], self.sheet.id)
            self.assertEqual(self.lesson.with_user(user).read(["name"])[0]["id"], self.lesson.id)
        for user in (self.frontoffice, self.slb_user):
            with self.assertRaises(AccessError):
                self.sheet.with_user(user).write({"state": "done"})
        self.sheet.with_user(self.coordinator).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.other_teacher).read(["name"])
        with self.assertRaises(AccessError):
            self.lesson.with_user(self.other_teacher).read(["name"])

    def test_signals_per_role(self):
        Signal = self.env["verzuim.signal"]
        self.assertEqual(Signal.with_user(self.slb_user).search([]), self.signal)
        self.assertFalse(Signal.with_user(self.other_slb).search([]))
        self.assertIn(self.signal, Signal.with_user(self.coordinator).search([]))
        for user in (self.teacher_user, self.frontoffice):
            with self.assertRaises(AccessError):
                Signal.with_user(user).search([])
