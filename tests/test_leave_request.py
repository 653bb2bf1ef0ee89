"""Issue 13, point 4: leave requests. Made in the portal or by the frontoffice, decided by
the coordinator; approval authorizes the lessons (extra leave), refusal gives them "Luxe
verzuim"; over 10 school days under the Leerplichtwet the leerplichtambtenaar decides."""

from datetime import date
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from .portal_common import TODAY
from .portal_common import PortalFixtures

NEXT_MONDAY = TODAY + timedelta(days=7 - TODAY.weekday())


@tagged("post_install", "-at_install")
class TestLeaveRequest(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("LR")

    def ask(self, user, student, first, last, kind="art11"):
        return self.portal(user)._request_leave(student.id, kind, first, last, "Bruiloft")

    def test_a_parent_asks_and_the_coordinator_gets_a_todo(self):
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY)
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.requester_id, self.parent_user)
        activity = request.activity_ids
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(
            activity.date_deadline,
            activity.create_date.date()
            + timedelta(days=self.env.company.verzuim_leave_decision_days),
        )
        self.assertEqual(request.school_days, 1)
        self.assertFalse(request.for_leerplichtambtenaar)

    def test_approval_authorizes_the_lessons_of_its_days(self):
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY + timedelta(1))
        lines = self.register_day(NEXT_MONDAY, {self.minor: ("absent", {})})
        line = lines[self.minor]
        self.assertEqual(line.verzuim_category, "unauthorized")
        with self.assertRaises(AccessError):
            request.with_user(self.frontoffice).action_approve()
        request.with_user(self.coordinator).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.decided_by_id, self.coordinator)
        self.assertEqual(request.notice_id.notice_type, "extra_leave")
        self.assertEqual(line.verzuim_reason_id, self.env.ref("mbo_verzuim.reason_verlof"))
        self.assertEqual(line.verzuim_category, "authorized")
        self.assertFalse(request.activity_ids, "the to-do is done")
        # A lesson registered later in the period takes the reason too.
        later = self.register_day(NEXT_MONDAY + timedelta(1), {self.minor: ("absent", {})})
        self.assertEqual(later[self.minor].verzuim_category, "authorized")

    def test_refusal_gives_luxe_verzuim_which_raises_the_luxe_rule(self):
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY, "art13a")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            request.with_user(self.coordinator)._refuse("  ")
        request.with_user(self.coordinator)._refuse("Geen werkgeversverklaring.")
        self.assertEqual(request.state, "refused")
        self.assertEqual(request.refusal_reason, "Geen werkgeversverklaring.")
        self.assertEqual(request.notice_id.notice_type, "leave_refused")
        line = self.register_day(NEXT_MONDAY, {self.minor: ("absent", {})})[self.minor]
        self.assertEqual(line.verzuim_reason_id, self.env.ref("mbo_verzuim.reason_luxe"))
        self.assertEqual(line.verzuim_category, "unauthorized")
        self.env["verzuim.signal"]._evaluate(
            as_of=NEXT_MONDAY + timedelta(days=1), students=self.minor
        )
        signal = self.env["verzuim.signal"].search(
            [("student_id", "=", self.minor.id), ("rule_code", "=", "luxe")]
        )
        self.assertEqual(signal.date_start, NEXT_MONDAY)

    def test_present_lessons_stay_present(self):
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY)
        request.with_user(self.coordinator)._refuse("Nee.")
        line = self.register_day(NEXT_MONDAY, {self.minor: ("present", {})})[self.minor]
        self.assertEqual(line.verzuim_category, "present")

    def test_over_ten_school_days_under_the_leerplichtwet_is_recorded_not_approved(self):
        # Two weeks and a day without public holidays: 11 school days.
        first, last = date(2027, 4, 12), date(2027, 4, 26)
        request = self.ask(self.parent_user, self.minor, first, last)
        self.assertEqual(request.school_days, 11)
        self.assertTrue(request.for_leerplichtambtenaar)
        with self.assertRaisesRegex(UserError, "the leerplichtambtenaar decides"):
            request.with_user(self.coordinator).action_approve()
        request.with_user(self.coordinator).action_record_leerplicht_approval()
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.decided_by_leerplicht)
        refused = self.ask(self.parent_user, self.minor, date(2027, 6, 7), date(2027, 6, 21))
        self.assertTrue(refused.for_leerplichtambtenaar)
        refused.with_user(self.coordinator)._refuse("De leerplichtambtenaar weigert.")
        self.assertTrue(refused.decided_by_leerplicht)
        adult_request = self.ask(self.adult_user, self.adult, first, last)
        self.assertFalse(adult_request.for_leerplichtambtenaar, "an adult is not leerplichtig")
        with self.assertRaisesRegex(UserError, "decides on this request itself"):
            adult_request.with_user(self.coordinator).action_record_leerplicht_approval()

    def test_vacation_days_do_not_count(self):
        self.env["verzuim.holiday"].create(
            {
                "name": "Voorjaarsvakantie",
                "kind": "vacation",
                "date_from": NEXT_MONDAY,
                "date_to": NEXT_MONDAY + timedelta(days=4),
            }
        )
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY + timedelta(13))
        self.assertEqual(request.school_days, 5)

    def test_refused_bad_input_writes_nothing(self):
        Request = self.env["verzuim.leave.request"]
        before = Request.search_count([])
        portal = self.portal(self.parent_user)
        with self.assertRaisesRegex(UserError, "asked beforehand"):
            portal._request_leave(self.minor.id, "art11", TODAY - timedelta(1), TODAY, "x")
        with self.assertRaisesRegex(UserError, "Say why"):
            portal._request_leave(self.minor.id, "art11", NEXT_MONDAY, NEXT_MONDAY, " ")
        with self.assertRaisesRegex(UserError, "Choose the kind"):
            portal._request_leave(self.minor.id, "party", NEXT_MONDAY, NEXT_MONDAY, "x")
        with self.assertRaisesRegex(UserError, "first day"):
            portal._request_leave(self.minor.id, "art11", "garbage", None, "x")
        with self.assertRaisesRegex(UserError, "cannot come before"):
            portal._request_leave(self.minor.id, "art11", NEXT_MONDAY, TODAY, "x")
        with self.assertRaises(AccessError):
            portal._request_leave(self.stranger.id, "art11", NEXT_MONDAY, NEXT_MONDAY, "x")
        with self.assertRaises(AccessError):
            self.portal(self.minor_user)._request_leave(
                self.minor.id, "art11", NEXT_MONDAY, NEXT_MONDAY, "x"
            )
        self.assertEqual(Request.search_count([]), before)

    def test_withdraw_only_own_open_requests(self):
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY)
        with self.assertRaises(AccessError):
            self.portal(self.other_user)._withdraw_leave(request.id)
        self.portal(self.parent_user)._withdraw_leave(request.id)
        self.assertEqual(request.state, "withdrawn")
        with self.assertRaisesRegex(UserError, "cannot become"):
            self.portal(self.parent_user)._withdraw_leave(request.id)
        with self.assertRaisesRegex(UserError, "cannot become"):
            request.with_user(self.coordinator).action_approve()

    def test_the_state_moves_only_through_the_gate(self):
        request = (
            self.env["verzuim.leave.request"]
            .with_user(self.frontoffice)
            .create(
                {
                    "student_id": self.minor.id,
                    "kind": "other",
                    "date_from": NEXT_MONDAY,
                    "date_to": NEXT_MONDAY,
                    "reason": "Op papier ingeleverd",
                }
            )
        )
        self.assertEqual(request.state, "draft")
        for field, value in (("state", "approved"), ("refusal_reason", "x")):
            with self.assertRaisesRegex(UserError, "Use the buttons"):
                request.with_user(self.coordinator).write({field: value})
        request.with_user(self.frontoffice).action_submit()
        self.assertEqual(request.state, "submitted")
        with self.assertRaises(AccessError):
            request.with_user(self.frontoffice).action_refuse()
        request.with_user(self.coordinator).action_approve()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            request.with_user(self.coordinator).date_to = NEXT_MONDAY + timedelta(days=1)

    def test_who_reads_leave_requests(self):
        request = self.ask(self.parent_user, self.minor, NEXT_MONDAY, NEXT_MONDAY)
        Request = self.env["verzuim.leave.request"]
        other_slb = self.make_user("LR_slb2", "mbo_verzuim.group_slb")
        management = self.make_user("LR_mgmt", "mbo_verzuim.group_management")
        self.assertEqual(Request.with_user(self.slb_user).search([]), request)
        self.assertFalse(Request.with_user(other_slb).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.slb_user).write({"reason": "x"})
        with self.assertRaises(AccessError):
            Request.with_user(management).search([])
        self.assertIn(request, Request.with_user(self.frontoffice).search([]))
