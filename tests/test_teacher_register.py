from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestTeacherRegister(VerzuimCase):
    """Issue 10, points 1-5: the teacher's register and "Mijn lessen"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("TG", students=3)
        cls.coordinator = cls.make_user("tg_coord", "mbo_verzuim.group_coordinator")
        cls.classroom = cls.env["op.classroom"].create(
            {"name": "TG Lokaal 1.12", "code": "TG-112", "capacity": 30}
        )
        cls.session = cls.new_lesson(MONDAY)

    @classmethod
    def new_lesson(cls, day, start=time(8, 30), end=time(10, 30), faculty=None):
        return cls.env["op.session"].create(
            {
                "course_id": cls.course.id,
                "batch_id": cls.batch.id,
                "faculty_id": (faculty or cls.faculty).id,
                "subject_id": cls.subject.id,
                "classroom_id": cls.classroom.id,
                "start_datetime": utc(day, start),
                "end_datetime": utc(day, end),
            }
        )

    def open_register(self, session=None, user=None):
        user = user or self.teacher_user
        action = (session or self.session).with_user(user).action_verzuim_open_register()
        return self.env["op.attendance.sheet"].with_user(user).browse(action["res_id"]), action

    def line_of(self, sheet, student):
        return sheet.attendance_line.filtered(lambda line: line.student_id == student)

    def notice(self, student, kind, start=MONDAY, end=MONDAY):
        return self.env["verzuim.notice"].create(
            {
                "student_id": student.id,
                "notice_type": kind,
                "date_start": utc(start, time(7, 0)),
                "date_end": end and utc(end, time(18, 0)),
            }
        )

    # --- point 1 --------------------------------------------------------------------------

    def test_a_fresh_register_shows_noticed_students_absent_with_the_notice_reason(self):
        sick, refused, present = self.students.sorted("name")
        self.notice(sick, "sick", end=None)
        self.notice(refused, "access_refused")
        sheet, _action = self.open_register()
        self.assertEqual(self.line_of(sheet, sick).verzuim_status, "absent")
        self.assertEqual(self.line_of(sheet, sick).verzuim_reason_label, "Authorized absence")
        self.assertTrue(self.line_of(sheet, sick).verzuim_by_notice)
        self.assertEqual(self.line_of(sheet, refused).verzuim_status, "absent")
        self.assertEqual(self.line_of(sheet, refused).verzuim_reason_label, "Access refused")
        self.assertTrue(self.line_of(sheet, refused).verzuim_by_notice)
        self.assertEqual(self.line_of(sheet, present).verzuim_status, "present")
        self.assertFalse(self.line_of(sheet, present).verzuim_by_notice)

    def test_a_notice_outside_the_lesson_leaves_the_student_present(self):
        student = self.students[0]
        self.notice(student, "sick", start=MONDAY + timedelta(days=1), end=None)
        sheet, _action = self.open_register()
        self.assertEqual(self.line_of(sheet, student).verzuim_status, "present")

    # --- point 2 --------------------------------------------------------------------------

    def test_a_completed_register_is_locked_for_the_teacher(self):
        with freeze_time("2026-10-05 12:00:00"):
            sheet, _action = self.open_register()
            line = sheet.attendance_line[0]
            sheet.action_verzuim_complete()
            with self.assertRaisesRegex(UserError, "Reopen"):
                line.action_verzuim_absent()
            with self.assertRaises(UserError):
                sheet.action_verzuim_all_present()
            self.assertEqual(line.verzuim_status, "present")

    def test_the_teacher_reopens_the_same_day_and_the_correction_is_in_the_chatter(self):
        with freeze_time("2026-10-05 12:00:00"):
            sheet, _action = self.open_register()
            sheet.action_verzuim_complete()
            self.assertTrue(sheet.verzuim_may_reopen)
            sheet.action_verzuim_reopen()
            line = self.line_of(sheet, self.students[0])
            line.action_verzuim_absent()
            sheet.action_verzuim_complete()
        bodies = sheet.sudo().message_ids.filtered(
            lambda m: m.author_id == self.teacher_user.partner_id
        )
        text = " ".join(bodies.mapped("body"))
        self.assertIn("reopened", text)
        self.assertIn(f"Correction: {self.students[0].name}: Present → Absent", text)
        self.assertIn("completed again", text)

    def test_the_teacher_cannot_reopen_the_next_day_but_the_coordinator_can(self):
        with freeze_time("2026-10-05 12:00:00"):
            sheet, _action = self.open_register()
            sheet.action_verzuim_complete()
        with freeze_time("2026-10-06 09:00:00"):
            sheet.invalidate_recordset(["verzuim_may_reopen"])
            self.assertFalse(sheet.verzuim_may_reopen)
            with self.assertRaisesRegex(UserError, "coordinator"):
                sheet.action_verzuim_reopen()
            as_coordinator = sheet.with_user(self.coordinator)
            self.assertTrue(as_coordinator.verzuim_may_reopen)
            as_coordinator.action_verzuim_reopen()
            self.assertEqual(sheet.state, "start")
            self.line_of(as_coordinator, self.students[1]).action_verzuim_absent()
        messages = sheet.sudo().message_ids.filtered(
            lambda m: m.author_id == self.coordinator.partner_id
        )
        self.assertIn("Correction", " ".join(messages.mapped("body")))

    def test_the_reopen_days_setting_both_ways(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.verzuim_reopen_days, 0)
        settings.verzuim_reopen_days = 2
        settings.execute()
        self.assertEqual(self.env.company.verzuim_reopen_days, 2)
        with freeze_time("2026-10-05 12:00:00"):
            sheet, _action = self.open_register()
            sheet.action_verzuim_complete()
        with freeze_time("2026-10-07 09:00:00"):
            sheet.action_verzuim_reopen()
            sheet.action_verzuim_complete()
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.verzuim_reopen_days, 2)
        settings.verzuim_reopen_days = 0
        settings.execute()
        self.assertEqual(self.env.company.verzuim_reopen_days, 0)
        with freeze_time("2026-10-07 09:00:00"), self.assertRaises(UserError):
            sheet.action_verzuim_reopen()

    def test_the_setting_is_in_the_settings_form(self):
        arch = self.env["res.config.settings"].get_view(view_type="form")["arch"]
        self.assertIn('name="verzuim_reopen_days"', arch)

    # --- point 3 --------------------------------------------------------------------------

    def test_only_opening_a_register_changes_no_state(self):
        state = self.session.state
        sheet, _action = self.open_register()
        self.assertEqual(self.session.verzuim_register_state, "todo")
        self.assertEqual(self.session.state, state)
        self.assertEqual(sheet.state, "draft")
        sheet.attendance_line[0].action_verzuim_absent()
        self.assertEqual(self.session.verzuim_register_state, "started")

    def test_all_present_asks_only_when_marks_would_be_lost(self):
        view = self.env.ref("mbo_verzuim.op_attendance_sheet_view_form_register")
        arch = etree.fromstring(view.arch)
        buttons = arch.xpath("//header/button[@name='action_verzuim_all_present']")
        self.assertEqual(len(buttons), 2)
        asking = [button for button in buttons if button.get("confirm")]
        silent = [button for button in buttons if not button.get("confirm")]
        self.assertEqual(len(asking), 1)
        self.assertIn("not (verzuim_absent_count + verzuim_late_count)", asking[0].get("invisible"))
        self.assertIn("or verzuim_absent_count + verzuim_late_count", silent[0].get("invisible"))

    # --- point 4 --------------------------------------------------------------------------

    def test_the_register_title_names_class_subject_date_and_time(self):
        sheet, action = self.open_register()
        title = "TG LOG2A – TG Nederlands – 05-10-2026 08:30-10:30"
        self.assertEqual(sheet.display_name, title)
        self.assertEqual(sheet.verzuim_title, title)
        self.assertEqual(action["name"], title)

    def test_the_late_dialog_speaks_plain_dutch(self):
        labels = self.env["verzuim.registration.wizard"].fields_get(["mode", "removed_at"])
        self.assertEqual(labels["mode"]["string"], "What Happened")
        self.assertEqual(labels["removed_at"]["string"], "Time of Removal")
        view = self.env.ref("mbo_verzuim.verzuim_registration_wizard_view_form")
        mode = etree.fromstring(view.arch).xpath("//field[@name='mode']")[0]
        self.assertEqual(mode.get("string"), "What happened?")

    # --- point 5 --------------------------------------------------------------------------

    def test_my_lessons_opens_the_register_on_a_row_click_and_shows_times(self):
        view = self.env.ref("mbo_verzuim.op_session_view_list_my_lessons")
        arch = etree.fromstring(view.arch)
        self.assertEqual(arch.get("action"), "action_verzuim_open_register")
        self.assertEqual(arch.get("type"), "object")
        names = arch.xpath("//field/@name")
        self.assertIn("verzuim_time", names)
        self.assertIn("classroom_id", names)
        self.assertNotIn("start_datetime", names)
        lesson = self.session.with_user(self.teacher_user)
        self.assertEqual(lesson.verzuim_time, "08:30 - 10:30")
        self.assertEqual(lesson.classroom_id, self.classroom)


@tagged("post_install", "-at_install")
class TestSchoolTimeZone(VerzuimCase):
    """Issue 10, point 16: the school's time zone, whatever the user's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("TZ", students=1)
        cls.teacher_user.tz = "America/New_York"
        cls.session = cls.env["op.session"].create(
            {
                "course_id": cls.course.id,
                "batch_id": cls.batch.id,
                "faculty_id": cls.faculty.id,
                "subject_id": cls.subject.id,
                # Monday 12 October 2026, 00:30-01:30 in Amsterdam (Sunday evening in UTC).
                "start_datetime": datetime(2026, 10, 11, 22, 30),
                "end_datetime": datetime(2026, 10, 11, 23, 30),
            }
        )

    def test_timing_and_name_in_the_school_time_zone(self):
        lesson = self.env["op.session"].with_user(self.teacher_user).browse(self.session.id)
        lesson = lesson.with_context(tz="America/New_York")
        lesson.invalidate_recordset(["timing", "verzuim_time"])
        self.assertEqual(lesson.verzuim_time, "00:30 - 01:30")
        self.assertEqual(lesson.timing, "00:30 - 01:30")
        self.session.with_user(self.teacher_user).with_context(
            tz="America/New_York"
        )._compute_name()
        self.assertIn("12-10-2026 00:30-01:30", self.session.name)

    def test_this_week_and_today_in_the_school_time_zone(self):
        Session = self.env["op.session"].with_user(self.teacher_user)
        # Sunday 11 October, 23:00 UTC: Monday 12 October, 01:00 in Amsterdam.
        with freeze_time("2026-10-11 23:00:00"):
            self.assertIn(self.session, Session.search([("verzuim_this_week", "=", True)]))
            self.assertIn(self.session, Session.search([("verzuim_today", "=", True)]))
        with freeze_time("2026-10-11 21:00:00"):
            self.assertNotIn(self.session, Session.search([("verzuim_this_week", "=", True)]))
            self.assertIn(self.session, Session.search([("verzuim_this_week", "=", False)]))

    def test_the_notice_name_uses_the_local_date(self):
        notice = (
            self.env["verzuim.notice"]
            .with_context(tz="America/New_York")
            .create(
                {
                    "student_id": self.students.id,
                    "notice_type": "sick",
                    "date_start": datetime(2026, 10, 11, 22, 30),
                }
            )
        )
        # The local date (Monday 12 October), in whatever form the title writes dates.
        self.assertNotIn("2026-10-11", notice.display_name)
        self.assertNotIn("11-10-2026", notice.display_name)
        self.assertTrue({"2026-10-12", "12-10-2026"} & set(notice.display_name.split()))

    def test_the_my_lessons_filters_are_computed_on_the_server(self):
        view = self.env.ref("mbo_verzuim.op_session_view_search_my_lessons")
        self.assertNotIn("context_today", view.arch)


@tagged("post_install", "-at_install")
class TestTeacherReminder(VerzuimCase):
    """Issue 10, point 17: one to-do per teacher per day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("TM", students=2)
        cls.other_user, cls.other_faculty = cls.make_teacher("tm_other", "Andere", "Docent")
        cls.first = cls.lesson(time(8, 30), time(9, 30))
        cls.second = cls.lesson(time(10, 0), time(11, 0))
        cls.others = cls.lesson(time(8, 30), time(9, 30), cls.other_faculty)

    @classmethod
    def lesson(cls, start, end, faculty=None):
        return cls.env["op.session"].create(
            {
                "course_id": cls.course.id,
                "batch_id": cls.batch.id,
                "faculty_id": (faculty or cls.faculty).id,
                "subject_id": cls.subject.id,
                "start_datetime": utc(MONDAY, start),
                "end_datetime": utc(MONDAY, end),
            }
        )

    def reminders(self, faculty=None):
        return self.env["verzuim.teacher.reminder"]._open_reminders(faculty or self.faculty)

    def test_one_todo_per_teacher_listing_the_lessons(self):
        with freeze_time("2026-10-05 16:00:00"):
            self.assertEqual(self.env["op.session"]._cron_remind_teachers(), 2)
            reminder = self.reminders()
            self.assertEqual(len(reminder), 1)
            self.assertEqual(reminder.user_id, self.teacher_user)
            self.assertEqual(reminder.res_model, "op.faculty")
            self.assertIn("08:30-09:30", reminder.note)
            self.assertIn("10:00-11:00", reminder.note)
            self.assertIn("2", reminder.summary)
        with freeze_time("2026-10-06 16:00:00"):
            self.assertEqual(self.env["op.session"]._cron_remind_teachers(), 0)
            self.assertEqual(self.reminders(), reminder)

    def test_completing_cancelling_and_deleting_lessons_leave_no_orphan(self):
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        foreign = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("op.faculty"),
                "res_id": self.faculty.id,
                "activity_type_id": todo_type.id,
                "user_id": self.teacher_user.id,
                "summary": "Someone else's to-do",
            }
        )
        with freeze_time("2026-10-05 16:00:00"):
            self.env["op.session"]._cron_remind_teachers()
            reminder = self.reminders()
            action = self.first.with_user(self.teacher_user).action_verzuim_open_register()
            sheet = self.env["op.attendance.sheet"].with_user(self.teacher_user)
            sheet.browse(action["res_id"]).action_verzuim_complete()
            self.assertEqual(self.reminders(), reminder)
            self.assertNotIn("08:30-09:30", reminder.note)
            self.second.unlink()
            self.assertFalse(self.reminders())
            other = self.reminders(self.other_faculty)
            self.assertTrue(other)
            self.others.lecture_cancel()
            self.assertFalse(self.reminders(self.other_faculty))
        self.assertTrue(foreign.exists())
        self.assertTrue(foreign.active)

    def test_the_nightly_run_closes_a_todo_whose_lessons_were_registered_otherwise(self):
        with freeze_time("2026-10-05 16:00:00"):
            self.env["op.session"]._cron_remind_teachers()
            self.assertTrue(self.reminders())
            for lesson in self.first | self.second:
                action = lesson.action_verzuim_open_register()
                self.env["op.attendance.sheet"].browse(action["res_id"]).write({"state": "done"})
            self.assertTrue(self.reminders())
            self.env["op.session"]._cron_remind_teachers()
            self.assertFalse(self.reminders())
            self.assertTrue(self.reminders(self.other_faculty))
