from collections import Counter
from datetime import date
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .analysis_common import MARCH_2
from .analysis_common import AnalysisCase
from .analysis_common import at


@tagged("post_install", "-at_install")
class TestRegistrationDiscipline(AnalysisCase):
    """Issue 11, point 2: per teacher and week the lessons given, registered on time (before
    the end of the lesson's day, a setting), late and not at all, equal to the same counts
    computed from the lessons and their registers."""

    PREFIX = "RD"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Lesson 1 completed the same afternoon, lesson 2 the next morning, lesson 3 never,
        # lesson 4 the same evening at 21:00; a cancelled and a future lesson do not count.
        cls.sheet1.write({"state": "done"})
        cls.sheet2.write({"state": "done"})
        cls.sheet4.write({"state": "done"})
        cls.sheet1.sudo().verzuim_done_at = at(MARCH_2, 14)
        cls.sheet2.sudo().verzuim_done_at = at(MARCH_2 + timedelta(days=8), 9)
        cls.sheet4.sudo().verzuim_done_at = at(date(2026, 9, 7), 21)
        cls.cancelled, _sheet = cls.make_lesson(MARCH_2 + timedelta(days=2))
        cls.cancelled.state = "cancel"
        future = fields.Date.today() + timedelta(days=30)
        cls.future, _sheet = cls.make_lesson(future, faculty=cls.faculty2)
        cls.sessions = cls.l1 | cls.l2 | cls.l3 | cls.l4 | cls.cancelled | cls.future
        cls.env.flush_all()

    def expected_states(self, hour=24.0):
        """{session: state} from the sessions and their registers, computed here."""
        now = fields.Datetime.now()
        states = {}
        for session in self.sessions:
            if session.state == "cancel" or session.end_datetime > now:
                continue
            sheets = session.attendance_sheet
            if not sheets or any(sheet.state != "done" for sheet in sheets):
                states[session] = "missing"
            elif max(sheets.mapped("verzuim_done_at")) <= self.deadline(session, hour):
                states[session] = "on_time"
            else:
                states[session] = "late"
        return states

    def report(self, user=None):
        return self.env["verzuim.registration.report"].with_user(user or self.management)

    def test_each_lesson_is_on_time_late_or_missing(self):
        rows = self.report().search([("session_id", "in", self.sessions.ids)])
        got = {row.session_id: row.registration_state for row in rows}
        self.assertEqual(got, self.expected_states())
        self.assertEqual(
            got, {self.l1: "on_time", self.l2: "late", self.l3: "missing", self.l4: "on_time"}
        )

    def test_counts_per_teacher_and_week(self):
        rows = self.report()._read_group(
            [("session_id", "in", self.sessions.ids)],
            ["teacher_id", "lesson_date:week"],
            ["lessons:sum", "on_time:sum", "late:sum", "missing:sum", "on_time_rate:avg"],
        )
        want = Counter()
        for session, state in self.expected_states().items():
            day = session.verzuim_lesson_date
            key = (session.faculty_id, day - timedelta(days=day.weekday()))
            want[(*key, "lessons")] += 1
            want[(*key, state)] += 1
        self.assertEqual(sum(row[2] for row in rows), 4)
        for teacher, week, lessons, on_time, late, missing, rate in rows:
            self.assertEqual(lessons, want[(teacher, week, "lessons")])
            self.assertEqual(on_time, want[(teacher, week, "on_time")])
            self.assertEqual(late, want[(teacher, week, "late")])
            self.assertEqual(missing, want[(teacher, week, "missing")])
            self.assertAlmostEqual(rate, 100 * on_time / lessons)

    def test_the_deadline_is_a_setting(self):
        self.env.company.verzuim_register_deadline = 18.0  # 18:00 on the lesson's day
        self.env.flush_all()
        rows = self.report().search([("session_id", "in", self.sessions.ids)])
        got = {row.session_id: row.registration_state for row in rows}
        self.assertEqual(got, self.expected_states(18.0))
        self.assertEqual(got[self.l4], "late")  # completed at 21:00

    def test_classes_with_most_unregistered_lessons(self):
        rows = self.report()._read_group(
            [("session_id", "in", self.sessions.ids), ("missing", "=", 1)],
            ["batch_id"],
            ["missing:sum"],
            order="missing:sum desc",
        )
        self.assertEqual(rows, [(self.small, 1)])

    def test_completing_a_register_records_the_moment_once(self):
        session, sheet = self.make_lesson(MARCH_2 + timedelta(days=3))
        self.register_line(sheet, self.students[0], "present")
        before = fields.Datetime.now()
        sheet.with_user(self.teacher_user).action_verzuim_complete()
        first = sheet.verzuim_done_at
        self.assertTrue(first and first >= before.replace(microsecond=0))
        sheet.action_verzuim_reopen()
        sheet.sudo().verzuim_done_at = at(MARCH_2 + timedelta(days=3), 12)
        sheet.action_verzuim_complete()
        self.assertEqual(sheet.verzuim_done_at, at(MARCH_2 + timedelta(days=3), 12))

    def test_coordinator_reads_it(self):
        self.assertTrue(self.report(self.coordinator).search_count([]))


@tagged("post_install", "-at_install")
class TestDisciplineMail(AnalysisCase):
    """Issue 11, point 2: the weekly summary to each team's manager, off by default."""

    PREFIX = "DM"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.make_user("DM_manager", "mbo_verzuim.group_management")
        cls.manager.email = "teamleider@school.example"
        cls.team = cls.env["op.department"].create(
            {"name": "DM Team Logistiek", "code": "DMTL", "verzuim_manager_id": cls.manager.id}
        )
        cls.course.department_id = cls.team
        cls.sheet1.write({"state": "done"})
        cls.sheet1.sudo().verzuim_done_at = at(MARCH_2, 14)
        cls.env.flush_all()

    def test_off_by_default(self):
        self.assertFalse(self.env.company.verzuim_discipline_mail)
        mails = self.env["verzuim.discipline.mail"]._cron_send(today=MARCH_2 + timedelta(days=7))
        self.assertFalse(mails.filtered(lambda m: "DM Team" in m.subject))

    def test_the_manager_gets_last_weeks_lessons_per_teacher(self):
        self.env.company.verzuim_discipline_mail = True
        monday = MARCH_2 + timedelta(days=7)
        mails = self.env["verzuim.discipline.mail"]._cron_send(today=monday + timedelta(days=2))
        mail = mails.filtered(lambda m: "DM Team Logistiek" in m.subject)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.manager.partner_id)
        body = mail.body_html
        # Week of 2 March: lesson 1 (on time, the first teacher), lesson 3 (small class, not
        # registered, the first teacher); lesson 2 is a week later.
        self.assertIn(self.faculty.name, body)
        self.assertNotIn("Lies Laat", body)
        self.assertRegex(body, r"<td>2</td><td>1</td><td>0</td><td>1</td>")

    def test_weeks_without_lessons_send_nothing(self):
        self.env.company.verzuim_discipline_mail = True
        mails = self.env["verzuim.discipline.mail"]._cron_send(today=date(2026, 1, 5))
        self.assertFalse(mails.filtered(lambda m: "DM Team" in m.subject))
