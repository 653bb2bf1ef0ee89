from datetime import date
from datetime import timedelta

import pytz

from odoo.tests import tagged

from ..engine.obligation import age_on
from ..engine.obligation import obligation
from ..models.verzuim_demo import DEMO_LOGINS
from .common import VerzuimCase


@tagged("post_install", "-at_install")
class TestDemoSchool(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        data = cls.env["ir.model.data"].search(
            [("module", "=", "mbo_verzuim"), ("model", "=", "op.student")]
        )
        cls.students = cls.env["op.student"].browse(data.mapped("res_id"))
        cls.enrolments = cls.students.course_detail_ids
        cls.batches = cls.enrolments.batch_id
        cls.install_day = date.fromisoformat(
            cls.env["ir.config_parameter"].get_param("mbo_verzuim.demo_day")
        )

    def test_one_demo_user_per_role(self):
        users = self.env["res.users"].search([("login", "in", DEMO_LOGINS)])
        self.assertEqual(sorted(users.mapped("login")), sorted(DEMO_LOGINS))
        for login, xmlid in [
            ("docent", "group_teacher"),
            ("frontoffice", "group_frontoffice"),
            ("slb", "group_slb"),
            ("coordinator", "group_coordinator"),
            ("management", "group_management"),
            ("beheerder", "group_admin"),
        ]:
            user = users.filtered(lambda u, login=login: u.login == login)
            self.assertTrue(user.has_group(f"mbo_verzuim.{xmlid}"), login)
            self.assertEqual(user.tz, "Europe/Amsterdam")
        management = users.filtered(lambda u: u.login == "management")
        self.assertFalse(management.has_group("mbo_verzuim.group_teacher"))

    def test_programmes_cover_levels_pathways_and_time(self):
        courses = self.enrolments.course_id
        self.assertGreaterEqual(len(courses), 3)
        self.assertEqual(set(courses.mapped("verzuim_niveau")), {"1", "2", "3", "4"})
        self.assertEqual(set(self.enrolments.mapped("verzuim_leerweg")), {"bol", "bbl"})
        self.assertEqual(set(self.enrolments.mapped("verzuim_voltijd")), {True, False})

    def test_classes_and_students(self):
        self.assertGreaterEqual(len(self.batches), 6)
        self.assertGreaterEqual(len(self.students), 40)
        self.assertFalse(self.students.filtered(lambda s: not s.verzuim_slb_id))
        slb_group = self.env.ref("mbo_verzuim.group_slb")
        self.assertTrue(all(slb_group in u.groups_id for u in self.students.verzuim_slb_id))

    def test_every_student_scope_is_present(self):
        day = self.install_day
        scopes = set()
        for student in self.students:
            age = age_on(student.birth_date, day)
            regime = obligation(student.birth_date, student.verzuim_startkwalificatie, day)
            enrolment = student.course_detail_ids[:1]
            scopes.add(regime)
            if age < 16:
                scopes.add("under_16")
            if 16 <= age < 18:
                scopes.add("16_17")
            if 18 <= age < 23 and not student.verzuim_startkwalificatie:
                scopes.add("18_22_without_sq")
            if (
                age >= 18
                and enrolment.verzuim_leerweg == "bol"
                and enrolment.verzuim_voltijd
                and enrolment.course_id.verzuim_niveau in ("1", "2")
            ):
                scopes.add("duo_bol_1_2")
            if age >= 23:
                scopes.add("23_plus")
        for scope in (
            "under_16",
            "16_17",
            "18_22_without_sq",
            "duo_bol_1_2",
            "23_plus",
            "leerplichtig",
            "kwalificatieplichtig",
            "rmc",
            "none",
        ):
            self.assertIn(scope, scopes)

    def test_timetable_of_at_least_six_weeks_ending_on_install_day(self):
        sessions = self.env["op.session"].search([("batch_id", "in", self.batches.ids)])
        tz = pytz.timezone("Europe/Amsterdam")
        days = {pytz.utc.localize(s.start_datetime).astimezone(tz).date() for s in sessions}
        # the last school day on or before the installation day (a weekend has no lessons)
        self.assertLessEqual(max(days), self.install_day)
        self.assertLess((self.install_day - max(days)).days, 3)
        self.assertGreaterEqual(max(days) - min(days), timedelta(weeks=6))
        self.assertTrue(all(day.weekday() < 5 for day in days))
        self.assertTrue(sessions.faculty_id.partner_id.user_id)

    def test_registrations_have_realistic_patterns(self):
        lines = self.env["op.attendance.line"].search([("student_id", "in", self.students.ids)])
        self.assertGreater(len(lines), 1000)
        present = lines.filtered("present")
        absent = lines.filtered("absent")
        late = lines.filtered("late")
        self.assertGreater(len(present) / len(lines), 0.75)
        self.assertTrue(absent)
        self.assertTrue(late)
        self.assertFalse(lines.filtered(lambda line: line.present and (line.absent or line.late)))
        self.assertFalse(lines.filtered(lambda line: line.attendance_date > self.install_day))

    def test_demo_is_not_tied_to_a_calendar_year(self):
        # Build a second, small school as if installed on another day: dates follow the day.
        other_day = date(2031, 2, 12)
        loader = self.env["verzuim.demo"]
        days = list(loader._demo_lesson_days("bol", other_day))
        self.assertEqual(days[-1], other_day)
        self.assertEqual(len(days), 5 * 9 + other_day.weekday() + 1)
        bbl_days = list(loader._demo_lesson_days("bbl", other_day))
        self.assertTrue(all(d.weekday() == 1 for d in bbl_days))

    def test_demo_shows_a_signal_of_every_rule_with_its_evidence(self):
        signals = self.env["verzuim.signal"].search([("student_id", "in", self.students.ids)])
        codes = set(signals.mapped("rule_code"))
        self.assertEqual(
            codes,
            {
                "unauthorized_10h",
                "sick_long",
                "sick_frequent",
                "legal_16h",
                "lrv_4w",
                "luxe",
                "rmc_4w",
                "duo_contact",
                "duo_ma",
            },
        )
        self.assertEqual(len(codes), 9)
        for signal in signals.filtered(lambda s: s.rule_code not in ("sick_frequent",)):
            self.assertTrue(signal.line_ids, f"{signal.display_name} has no evidence")
        self.assertTrue(signals.filtered(lambda s: s.rule_code == "sick_frequent").notice_ids)
        self.assertTrue(all(signal.user_id for signal in signals))

    def test_no_student_has_more_than_two_open_pedagogical_signals(self):
        signals = self.env["verzuim.signal"].search(
            [
                ("student_id", "in", self.students.ids),
                ("rule_category", "=", "pedagogical"),
                ("state", "in", ("new", "in_progress")),
            ]
        )
        per_student = {}
        for signal in signals:
            per_student[signal.student_id] = per_student.get(signal.student_id, 0) + 1
        self.assertLessEqual(max(per_student.values()), 2, per_student)

    def test_demo_holds_reports_interventions_and_letters(self):
        from stdnum.nl import bsn

        reports = self.env["verzuim.melding"].search([("student_id", "in", self.students.ids)])
        states = set(reports.mapped("state"))
        self.assertLessEqual({"draft", "registered", "in_progress", "closed"}, states)
        self.assertTrue(reports.filtered(lambda r: r.state == "registered").feedback_ids)
        self.assertTrue(all(r.closing_reason for r in reports if r.state == "closed"))
        duo_ma = reports.filtered(lambda r: r.melding_type == "duo_ma" and r.state == "registered")
        self.assertTrue(duo_ma.ma_date_informed)
        kinds = set(
            self.env["verzuim.intervention"]
            .search([("student_id", "in", self.students.ids)])
            .mapped("intervention_type")
        )
        self.assertLessEqual({"warning_letter", "report_letter"}, kinds)
        self.assertTrue(all(bsn.is_valid(s.verzuim_bsn) for s in self.students))

    def test_every_letter_renders_on_the_demo(self):
        Report = self.env["ir.actions.report"]
        reports = self.env["verzuim.melding"].search([("student_id", "in", self.students.ids)])
        filed = reports.filtered(lambda r: r.state != "draft" and r.melding_type != "duo_ma")[:1]
        form = reports.filtered(lambda r: r.melding_type == "duo_ma" and r.state != "draft")[:1]
        signal = self.env["verzuim.signal"].search(
            [("student_id", "in", self.students.ids), ("rule_code", "=", "unauthorized_10h")],
            limit=1,
        )
        self.assertTrue(filed and form and signal)
        for xmlid, record in (
            ("action_report_verzuim_warning_letter", signal),
            ("action_report_verzuim_melding_letter", filed),
            ("action_report_verzuim_duo_ma_form", form),
            ("action_report_verzuim_duo_ma_copy", form),
        ):
            action = self.env.ref(f"mbo_verzuim.{xmlid}")
            html, _kind = Report._render_qweb_html(action.report_name, record.ids)
            self.assertIn(record.student_id.name, html.decode(), xmlid)
