"""Issue 13, "done when": in headless Chromium a parent sees today's absence, reports sick
and asks for leave; the coordinator approves leave and sees its lessons authorized; the
frontoffice confirms the sick report."""

from datetime import date
from datetime import time
from datetime import timedelta

from odoo.tests import HttpCase
from odoo.tests import tagged

from .portal_common import PortalFixtures


@tagged("post_install", "-at_install")
class TestPortalTours(PortalFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("TL")
        cls.today = date.today()
        cls.line = cls.register_day(cls.today, {cls.minor: ("absent", {})})[cls.minor]

    def test_parent_sees_today_reports_sick_and_asks_for_leave(self):
        self.start_tour("/my/verzuim", "mbo_verzuim_portal_parent", login="TL_parent")
        notice = self.env["verzuim.notice"].search([("student_id", "=", self.minor.id)])
        self.assertTrue(notice.verzuim_portal)
        self.assertEqual(notice.state, "open")
        self.assertEqual(self.line.verzuim_category, "authorized", "today's lesson is covered")
        request = self.env["verzuim.leave.request"].search([("student_id", "=", self.minor.id)])
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.date_from, self.today + timedelta(days=21))
        self.assertEqual(request.reason, "Bruiloft van mijn zus")
        self.assertEqual(request.activity_ids.user_id, self.coordinator)

    def test_coordinator_approves_and_the_lessons_become_authorized(self):
        day = self.today - timedelta(days=1)
        line = self.register_day(day, {self.minor: ("absent", {})})[self.minor]
        request = self.env["verzuim.leave.request"].create(
            {
                "student_id": self.minor.id,
                "kind": "art11",
                "date_from": day,
                "date_to": day,
                "reason": "Begrafenis",
            }
        )
        request.with_user(self.frontoffice).action_submit()
        self.assertEqual(line.verzuim_category, "unauthorized")
        self.start_tour(
            "/odoo/action-mbo_verzuim.verzuim_leave_request_action",
            "mbo_verzuim_coordinator_approves_leave",
            login="TL_coord",
        )
        self.assertEqual(request.state, "approved")
        self.assertEqual(line.verzuim_reason_id, self.env.ref("mbo_verzuim.reason_verlof"))
        self.assertEqual(line.verzuim_category, "authorized")

    def test_frontoffice_confirms_the_sick_report(self):
        notice = self.portal(self.parent_user, at=time(7, 30), day=self.today)._report_sick(
            self.minor.id
        )
        self.start_tour(
            "/odoo/action-mbo_verzuim.verzuim_notice_action",
            "mbo_verzuim_frontoffice_confirms_sick_report",
            login="TL_front",
        )
        self.assertTrue(notice.verzuim_confirmed)
