"""Issue 13: the decision letter to the requester, and the same-day e-mail of the day's
unauthorized absence to the parents (and the student), once a day, logged on the student."""

from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from .portal_common import TODAY
from .portal_common import PortalFixtures

NEXT_MONDAY = TODAY + timedelta(days=7 - TODAY.weekday())


@tagged("post_install", "-at_install")
class TestPortalMail(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PM")
        for student in cls.students:
            student.email = f"{student.name.replace(' ', '.').lower()}@example.com"
        cls.env.company.verzuim_same_day_notice = True

    def mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def test_the_decision_letter_goes_to_the_requester(self):
        request = self.portal(self.parent_user)._request_leave(
            self.minor.id, "art13a", NEXT_MONDAY, NEXT_MONDAY, "Vakantie"
        )
        request.with_user(self.coordinator)._refuse("Geen werkgeversverklaring.")
        mail = self.mails_to(self.parent_user.partner_id)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.minor.name, mail.subject)
        self.assertEqual(len(mail.attachment_ids), 1, "the letter is attached")
        letter = (
            self.env["ir.actions.report"]
            ._render_qweb_html("mbo_verzuim.action_report_verzuim_leave_decision", request.ids)[0]
            .decode()
        )
        self.assertIn("Geen werkgeversverklaring.", letter)
        self.assertIn("does not approve", letter)
        self.assertIn("Decision letter sent", request.message_ids[:1].body)

    def test_a_request_the_frontoffice_entered_is_answered_to_the_parents(self):
        request = (
            self.env["verzuim.leave.request"]
            .with_user(self.frontoffice)
            .create(
                {
                    "student_id": self.minor.id,
                    "kind": "art11",
                    "date_from": NEXT_MONDAY,
                    "date_to": NEXT_MONDAY,
                    "reason": "Op papier",
                }
            )
        )
        request.with_user(self.frontoffice).action_submit()
        self.assertEqual(request._decision_recipients(), self.parent_user.partner_id)
        request.with_user(self.coordinator).action_approve()
        self.assertEqual(len(self.mails_to(self.parent_user.partner_id)), 1)

    def test_same_day_email_once_a_day_to_parents_and_student(self):
        self.register_day(TODAY, {self.minor: ("absent", {}), self.adult_no: ("absent", {})})
        sheets = self.env["op.attendance.sheet"].search([("attendance_date", "=", TODAY)])
        sheets.write({"state": "done"})
        sent = self.env["op.student"]._cron_send_same_day_notices(TODAY)
        self.assertEqual(sent, self.minor, "an adult who did not consent gets none")
        mail = self.mails_to(self.parent_user.partner_id)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.minor.partner_id, mail.recipient_ids)
        self.assertIn("Nederlands", mail.body_html)
        self.assertIn("Same-day e-mail", self.minor.message_ids[:1].body)
        self.assertFalse(self.env["op.student"]._cron_send_same_day_notices(TODAY))
        self.assertEqual(len(self.mails_to(self.parent_user.partner_id)), 1)

    def test_no_email_when_the_school_has_it_off_or_the_register_is_open(self):
        self.register_day(TODAY, {self.minor: ("absent", {})})
        self.assertFalse(self.env["op.student"]._cron_send_same_day_notices(TODAY))
        self.env["op.attendance.sheet"].search([("attendance_date", "=", TODAY)]).write(
            {"state": "done"}
        )
        self.env.company.verzuim_same_day_notice = False
        self.assertFalse(self.env["op.student"]._cron_send_same_day_notices(TODAY))

    def test_only_the_school_prints_the_letter(self):
        request = self.portal(self.parent_user)._request_leave(
            self.minor.id, "art11", NEXT_MONDAY, NEXT_MONDAY, "Bruiloft"
        )
        request.with_user(self.coordinator).action_approve()
        Report = self.env["ir.actions.report"]
        for user in (self.parent_user, self.slb_user):
            with self.assertRaises(AccessError):
                Report.with_user(user)._render_qweb_html(
                    "mbo_verzuim.action_report_verzuim_leave_decision", request.ids
                )
        html = (
            Report.with_user(self.frontoffice)
            ._render_qweb_html("mbo_verzuim.action_report_verzuim_leave_decision", request.ids)[0]
            .decode()
        )
        self.assertIn("The school approves the leave.", html)
