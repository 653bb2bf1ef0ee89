"""Issue 10: the SLB's and the coordinator's daily tasks in a real headless Chromium."""

from datetime import date
from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import VerzuimFixtures

MONDAY = date(2026, 10, 5)
AS_OF = date(2026, 10, 30)


class WorklistTourCase(VerzuimFixtures, HttpCase):
    def start_tour(self, url_path, tour_name, **kwargs):
        # OpenEduCat's review pop-up opens after 5 seconds over whatever the user does
        # (issue 10, point 15, is another branch's): as if it had been closed before.
        cookies = {f"g2_review_{self.env.cr.dbname}": "true"}
        return super().start_tour(url_path, tour_name, cookies=cookies, **kwargs)

    @classmethod
    def absent_week(cls, student, monday=MONDAY):
        lines = cls.env["op.attendance.line"]
        for offset in range(5):
            _session, sheet = cls.make_lesson(monday + timedelta(days=offset))
            lines |= cls.register_line(sheet, student, "absent")
        return lines


@tagged("post_install", "-at_install")
class TestSlbWorklistTour(WorklistTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.make_school("SB", students=1)
        cls.slb_user.lang = "nl_NL"
        cls.student = cls.students
        cls.absent_week(cls.student)  # 10 h: a signal for the SLB, deadline 16 October
        _session, sheet = cls.make_lesson(MONDAY + timedelta(days=7))
        cls.register_line(sheet, cls.student, "late", verzuim_late_minutes=30)
        cls.signal = cls.env["verzuim.signal"]._evaluate(as_of=AS_OF, students=cls.student)

    def test_slb_signals_per_student_then_worklist(self):
        self.assertEqual(len(self.signal), 1)
        self.start_tour(
            "/odoo/signals-per-student",
            "mbo_verzuim_slb_dossier",
            login="SB_slb",
        )
        self.start_tour(
            "/odoo/action-mbo_verzuim.op_attendance_line_action_slb",
            "mbo_verzuim_slb_worklist",
            login="SB_slb",
        )
        lines = self.env["op.attendance.line"].search([("student_id", "=", self.student.id)])
        self.assertEqual(
            sorted(line.verzuim_reason_id.code for line in lines),
            ["arts", "ziek", "ziek", "ziek", "ziek", "ziek"],
        )
        # The correction queued the student; the job retires the signal, not the night.
        queue = self.env["verzuim.evaluation.queue"]
        self.assertIn(self.student, queue.search([]).student_id)
        self.env["verzuim.signal"].invalidate_model()
        with freeze_time("2026-10-30 12:00:00"):
            queue._cron_process()
        self.assertEqual(self.signal.state, "obsolete")


@tagged("post_install", "-at_install")
class TestCoordinatorDossierTour(WorklistTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.make_school("CD", students=0)
        cls.coordinator = cls.make_user("CD_coord", "mbo_verzuim.group_coordinator")
        cls.coordinator.lang = "nl_NL"
        cls.env.company.verzuim_coordinator_id = cls.coordinator
        cls.later = cls.make_student("CD Later", cls.batch)
        cls.urgent = cls.make_student("CD Urgent", cls.batch)
        cls.absent_week(cls.urgent)  # deadline 16 October
        cls.absent_week(cls.later, MONDAY + timedelta(days=7))  # deadline 23 October
        cls.env["verzuim.signal"]._evaluate(as_of=AS_OF, students=cls.urgent | cls.later)

    def test_coordinator_signals_per_student_and_one_signal(self):
        self.assertEqual(self.urgent.verzuim_next_deadline, date(2026, 10, 16))
        self.start_tour(
            "/odoo/signals-per-student",
            "mbo_verzuim_coordinator_dossier",
            login="CD_coord",
        )
