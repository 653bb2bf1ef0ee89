"""Issue 13, point 6: portal users reach nothing of the module over RPC, and every portal
route refuses another student's id, anonymous visitors and forms without the CSRF token."""

import re
from datetime import time
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import TransactionCase
from odoo.tests import tagged

from .common import utc
from .portal_common import TODAY
from .portal_common import PortalFixtures

INTERNAL_MODELS = (
    "op.attendance.line",
    "op.attendance.sheet",
    "op.session",
    "verzuim.notice",
    "verzuim.signal",
    "verzuim.melding",
    "verzuim.melding.feedback",
    "verzuim.intervention",
    "verzuim.leave.request",
    "verzuim.evaluation.queue",
    "op.student",
    "op.parent",
)
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestPortalRpc(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PR")
        cls.line = cls.register_day(TODAY, {cls.minor: ("absent", {})})[cls.minor]
        cls.notice = cls.env["verzuim.notice"].create(
            {"student_id": cls.minor.id, "notice_type": "sick", "date_start": utc(TODAY, time(7))}
        )

    def test_no_portal_user_reads_any_record_over_rpc(self):
        for user in (self.parent_user, self.adult_user, self.minor_user, self.other_user):
            for model in INTERNAL_MODELS:
                Model = self.env[model].with_user(user)
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        Model.search([])
                    with self.assertRaises(AccessError):
                        Model.search_read([], ["id"], limit=1)
                    record = self.env[model].search([], limit=1)
                    if record:
                        with self.assertRaises(AccessError):
                            record.with_user(user).read(["display_name"])

    def test_own_records_neither(self):
        """Not even the parent's own child's registration or notice: only the portal pages."""
        for record in (self.line, self.notice, self.minor):
            with self.assertRaises(AccessError):
                record.with_user(self.parent_user).read(["display_name"])
        with self.assertRaises(AccessError):
            self.minor.with_user(self.minor_user).write({"verzuim_parent_consent": True})

    def test_portal_methods_are_private(self):
        """verzuim.portal's methods start with an underscore: not callable over RPC."""
        public = [
            name
            for name in dir(type(self.env["verzuim.portal"]))
            if name.startswith(("_students", "_report", "_request", "_withdraw", "_set_consent"))
        ]
        self.assertTrue(public)
        self.assertTrue(all(name.startswith("_") for name in public))


@tagged("post_install", "-at_install")
class TestPortalRoutes(PortalFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PH")
        cls.stranger_notice = cls.env["verzuim.notice"].create(
            {
                "student_id": cls.stranger.id,
                "notice_type": "sick",
                "date_start": utc(TODAY, time(0)),
                "verzuim_portal": True,
                "verzuim_reported_by_id": cls.other_user.id,
            }
        )
        cls.stranger_request = cls.env["verzuim.leave.request"].create(
            {
                "student_id": cls.stranger.id,
                "kind": "art11",
                "date_from": TODAY + timedelta(days=30),
                "date_to": TODAY + timedelta(days=30),
                "reason": "Bruiloft",
                "requester_id": cls.other_user.id,
            }
        )
        cls.stranger_request.action_submit()

    def token(self):
        page = self.url_open("/my/verzuim/ziekmelden")
        self.assertEqual(page.status_code, 200)
        return CSRF.search(page.text).group(1)

    def post(self, url, data, token=True):
        if token:
            data = dict(data, csrf_token=self.token())
        return self.url_open(url, data=data, allow_redirects=False)

    def counts(self):
        self.env.invalidate_all()
        return (
            self.env["verzuim.notice"].search_count([]),
            self.env["verzuim.leave.request"].search_count([("state", "=", "submitted")]),
            self.stranger_notice.state,
            self.stranger_request.state,
            self.adult.verzuim_parent_consent,
            self.adult_no.verzuim_parent_consent,
        )

    def test_anonymous_is_sent_to_the_login(self):
        for url in (
            "/my/verzuim",
            "/my/verzuim/ziekmelden",
            f"/my/verzuim/verlof?student_id={self.minor.id}",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertIn("/web/login", response.headers["Location"])
        before = self.counts()
        for url, data in (
            ("/my/verzuim/ziekmelden", {"student_id": self.minor.id}),
            ("/my/verzuim/betermelden", {"notice_id": self.stranger_notice.id}),
            ("/my/verzuim/verlof", {"student_id": self.minor.id}),
            ("/my/verzuim/verlof/intrekken", {"request_id": self.stranger_request.id}),
            ("/my/verzuim/toestemming", {"student_id": self.adult.id, "consent": "0"}),
        ):
            response = self.url_open(url, data=data, allow_redirects=False)
            self.assertIn(response.status_code, (303, 400), url)
        self.assertEqual(self.counts(), before)

    def test_the_page_shows_own_students_only(self):
        self.authenticate("PH_parent", "PH_parent")
        page = self.url_open("/my/verzuim")
        self.assertEqual(page.status_code, 200)
        self.assertIn("PH Minor Kid", page.text)
        for name in ("PH Stranger Kid", "PH Adult Yes", "PH Adult No"):
            self.assertNotIn(name, page.text)
        self.authenticate("PH_parent3", "PH_parent3")
        page = self.url_open("/my/verzuim")
        self.assertNotIn("PH Adult No", page.text)
        self.assertIn("o_verzuim_nothing", page.text)

    def test_every_route_refuses_another_students_id(self):
        self.authenticate("PH_parent", "PH_parent")
        for url in (
            f"/my/verzuim/ziekmelden?student_id={self.stranger.id}",
            f"/my/verzuim/verlof?student_id={self.stranger.id}",
            f"/my/verzuim/ziekmelden?student_id={self.adult.id}",
            "/my/verzuim/verlof?student_id=abc",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        before = self.counts()
        future = (TODAY + timedelta(days=400)).isoformat()
        for url, data in (
            ("/my/verzuim/ziekmelden", {"student_id": self.stranger.id}),
            ("/my/verzuim/betermelden", {"notice_id": self.stranger_notice.id}),
            (
                "/my/verzuim/verlof",
                {
                    "student_id": self.stranger.id,
                    "kind": "art11",
                    "date_from": future,
                    "date_to": future,
                    "reason": "x",
                },
            ),
            ("/my/verzuim/verlof/intrekken", {"request_id": self.stranger_request.id}),
            ("/my/verzuim/toestemming", {"student_id": self.adult.id, "consent": "0"}),
            ("/my/verzuim/toestemming", {"student_id": self.minor.id, "consent": "1"}),
        ):
            response = self.post(url, data)
            self.assertEqual(response.status_code, 404, url)
        self.assertEqual(self.counts(), before)

    def test_forms_need_the_csrf_token(self):
        self.authenticate("PH_parent", "PH_parent")
        before = self.counts()
        future = (TODAY + timedelta(days=400)).isoformat()
        for url, data in (
            ("/my/verzuim/ziekmelden", {"student_id": self.minor.id}),
            (
                "/my/verzuim/verlof",
                {
                    "student_id": self.minor.id,
                    "kind": "art11",
                    "date_from": future,
                    "date_to": future,
                    "reason": "x",
                },
            ),
        ):
            response = self.post(url, data, token=False)
            self.assertEqual(response.status_code, 400, url)
            response = self.post(url, dict(data, csrf_token="forged"), token=False)
            self.assertEqual(response.status_code, 400, url)
        self.authenticate("PH_adult", "PH_adult")
        response = self.post(
            "/my/verzuim/toestemming", {"student_id": self.adult.id, "consent": "0"}, token=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.counts(), before)

    def test_with_the_token_a_parent_reports_and_asks(self):
        self.authenticate("PH_parent", "PH_parent")
        response = self.post("/my/verzuim/ziekmelden", {"student_id": self.minor.id})
        self.assertEqual(response.status_code, 303)
        notice = self.env["verzuim.notice"].search(
            [("student_id", "=", self.minor.id), ("verzuim_portal", "=", True)]
        )
        self.assertEqual(notice.verzuim_reported_by_id.login, "PH_parent")
        response = self.post("/my/verzuim/ziekmelden", {"student_id": self.minor.id})
        self.assertEqual(response.status_code, 200)
        # In the website's language (Dutch where the school installed it).
        self.assertRegex(response.text, "already reported sick|al ziek gemeld")
        self.assertEqual(
            self.env["verzuim.notice"].search_count([("student_id", "=", self.minor.id)]), 1
        )
        response = self.post("/my/verzuim/betermelden", {"notice_id": notice.id})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(notice.state, "closed")
        self.authenticate("PH_adult", "PH_adult")
        response = self.post(
            "/my/verzuim/toestemming", {"student_id": self.adult.id, "consent": "0"}
        )
        self.assertEqual(response.status_code, 303)
        self.assertFalse(self.adult.verzuim_parent_consent)

    def test_a_leave_request_with_its_attachment(self):
        self.authenticate("PH_parent", "PH_parent")
        future = (TODAY + timedelta(days=400)).isoformat()
        response = self.url_open(
            "/my/verzuim/verlof",
            data={
                "csrf_token": self.token(),
                "student_id": self.minor.id,
                "kind": "art11",
                "date_from": future,
                "date_to": future,
                "reason": "Bruiloft",
            },
            files={"attachment": ("uitnodiging.pdf", b"%PDF-1.4 test", "application/pdf")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        request = self.env["verzuim.leave.request"].search([("student_id", "=", self.minor.id)])
        self.assertEqual(request.attachment_name, "uitnodiging.pdf")
        self.assertEqual(request.state, "submitted")

    def test_openeducats_parent_landing_page_leads_to_the_absence(self):
        self.authenticate("PH_parent", "PH_parent")
        response = self.url_open("/my/child", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/verzuim"))
