"""Issue 13: the family side. Who sees whom, what a family reads, sick reports, leave
requests and their decisions, consent; run as the portal users themselves."""

from datetime import time
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from .common import utc
from .portal_common import TODAY
from .portal_common import PortalFixtures


@tagged("post_install", "-at_install")
class TestPortalVisibility(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PV")

    def test_a_parent_sees_a_minor_and_an_adult_only_with_consent(self):
        self.assertEqual(self.portal(self.parent_user)._students(), self.minor)
        self.assertEqual(self.portal(self.parent2_user)._students(), self.adult)
        self.assertFalse(self.portal(self.parent3_user)._students())
        self.adult_no.sudo().verzuim_parent_consent = True
        self.assertEqual(self.portal(self.parent3_user)._students(), self.adult_no)

    def test_a_student_sees_itself_and_nobody_else(self):
        self.assertEqual(self.portal(self.adult_user)._students(), self.adult)
        self.assertEqual(self.portal(self.minor_user)._students(), self.minor)
        for student in (self.stranger, self.adult_no, self.minor):
            with self.assertRaises(AccessError):
                self.portal(self.adult_user)._student(student.id)
        with self.assertRaises(AccessError):
            self.portal(self.parent_user)._student(999999999)

    def test_who_reports_parent_for_a_minor_the_adult_for_itself(self):
        portal = self.portal(self.parent_user)
        self.assertTrue(portal._may_act(self.minor))
        self.assertFalse(self.portal(self.minor_user)._may_act(self.minor))
        self.assertFalse(self.portal(self.parent2_user)._may_act(self.adult))
        self.assertTrue(self.portal(self.adult_user)._may_act(self.adult))

    def test_the_overview_never_names_a_health_reason(self):
        monday = TODAY - timedelta(days=TODAY.weekday())
        lines = self.register_day(
            monday,
            {
                self.minor: ("absent", {}),
                self.adult: ("late", {"verzuim_late_minutes": 10}),
            },
        )
        self.register_day(TODAY, {self.minor: ("absent", {}), self.adult: ("absent", {})})
        self.env["verzuim.notice"].create(
            {
                "student_id": self.adult.id,
                "notice_type": "sick",
                "date_start": utc(TODAY, time(7, 0)),
            }
        )
        minor = self.portal(self.parent_user)._overview(self.minor)
        self.assertEqual(
            [(a["date"], a["label"]) for a in minor["absences"]],
            [(TODAY, "Unauthorized"), (monday, "Unauthorized")],
        )
        adult = self.portal(self.adult_user)._overview(self.adult)
        self.assertEqual([a["label"] for a in adult["absences"]], ["Authorized", "Late, 10 min"])
        self.assertEqual(lines[self.minor].verzuim_lesson_date, monday)
        self.assertFalse(adult["sick_reports"], "the frontoffice's sick notice is not listed")

    def test_own_sick_report_reads_reported_by_you_to_its_reporter_only(self):
        self.portal(self.parent_user)._report_sick(self.minor.id)
        self.register_day(TODAY, {self.minor: ("absent", {})})
        mine = self.portal(self.parent_user)._overview(self.minor)
        self.assertEqual([a["label"] for a in mine["absences"]], ["Reported sick by you"])
        second_parent = self.make_parent("PV_parent_b", self.minor)
        theirs = self.portal(second_parent)._overview(self.minor)
        self.assertEqual([a["label"] for a in theirs["absences"]], ["Authorized"])
        self.assertFalse(theirs["sick_reports"])

    def test_rates_this_school_year_and_last_four_weeks(self):
        self.register_day(TODAY, {self.minor: ("absent", {})})
        self.register_day(TODAY, {self.minor: ("present", {})}, start=time(11, 0), end=time(13, 0))
        overview = self.portal(self.parent_user)._overview(self.minor)
        self.assertEqual((overview["rate_year"], overview["rate_recent"]), (50.0, 50.0))


@tagged("post_install", "-at_install")
class TestPortalSickReport(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PS")

    def test_a_parent_reports_sick_before_the_deadline(self):
        portal = self.portal(self.parent_user, at=time(8, 0)).with_context(tracking_disable=False)
        notice = portal._report_sick(self.minor.id)
        self.assertEqual(notice.notice_type, "sick")
        self.assertTrue(notice.verzuim_portal)
        self.assertEqual(notice.verzuim_reported_by_id, self.parent_user)
        self.assertFalse(notice.verzuim_reported_late)
        self.assertFalse(notice.verzuim_confirmed)
        self.assertEqual(notice.state, "open")
        self.assertEqual(notice.date_start, utc(TODAY, time(0, 0)))
        self.assertNotIn(self.parent_user.partner_id, notice.message_partner_ids)
        self.assertIn(
            notice,
            self.env["verzuim.notice"]
            .with_user(self.frontoffice)
            .search([("verzuim_portal", "=", True), ("verzuim_confirmed", "=", False)]),
        )
        notice.with_user(self.frontoffice).action_verzuim_confirm()
        self.assertTrue(notice.verzuim_confirmed)

    def test_after_the_deadline_it_is_marked_reported_afterwards(self):
        notice = self.portal(self.parent_user, at=time(8, 31))._report_sick(self.minor.id)
        self.assertTrue(notice.verzuim_reported_late)
        self.env.company.verzuim_sick_deadline = 9.0
        later = self.portal(self.adult_user, at=time(8, 45))._report_sick(self.adult.id)
        self.assertFalse(later.verzuim_reported_late, "the deadline is the school's setting")

    def test_a_later_day_is_never_late(self):
        tomorrow = TODAY + timedelta(days=1)
        notice = self.portal(self.adult_user, at=time(20, 0))._report_sick(self.adult.id, tomorrow)
        self.assertFalse(notice.verzuim_reported_late)
        self.assertEqual(notice.date_start, utc(tomorrow, time(0, 0)))

    def test_refused_past_day_stranger_second_report_wrong_reporter(self):
        Notice = self.env["verzuim.notice"]
        before = Notice.search_count([])
        with self.assertRaisesRegex(UserError, "not for a day that has passed"):
            self.portal(self.parent_user)._report_sick(self.minor.id, TODAY - timedelta(days=1))
        with self.assertRaises(AccessError):
            self.portal(self.parent_user)._report_sick(self.stranger.id)
        with self.assertRaises(AccessError):
            self.portal(self.minor_user)._report_sick(self.minor.id)
        with self.assertRaises(AccessError):
            self.portal(self.parent2_user)._report_sick(self.adult.id)
        self.assertEqual(Notice.search_count([]), before)
        self.portal(self.parent_user)._report_sick(self.minor.id)
        with self.assertRaisesRegex(UserError, "already reported sick"):
            self.portal(self.parent_user)._report_sick(self.minor.id, TODAY + timedelta(days=2))
        self.assertEqual(Notice.search_count([]), before + 1)

    def test_report_better_closes_it_and_only_for_who_may_act(self):
        notice = self.portal(self.parent_user)._report_sick(self.minor.id)
        with self.assertRaises(AccessError):
            self.portal(self.other_user)._report_recovered(notice.id)
        with self.assertRaises(AccessError):
            self.portal(self.minor_user)._report_recovered(notice.id)
        self.portal(self.parent_user, at=time(15, 0))._report_recovered(notice.id)
        self.assertEqual(notice.state, "closed")
        with self.assertRaisesRegex(UserError, "already closed"):
            self.portal(self.parent_user)._report_recovered(notice.id)

    def test_a_frontoffice_notice_cannot_be_closed_from_the_portal(self):
        notice = self.env["verzuim.notice"].create(
            {"student_id": self.minor.id, "notice_type": "sick", "date_start": utc(TODAY, time(7))}
        )
        with self.assertRaises(AccessError):
            self.portal(self.parent_user)._report_recovered(notice.id)
        self.assertEqual(notice.state, "open")


@tagged("post_install", "-at_install")
class TestPortalConsent(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PC")

    def test_the_adult_student_decides_and_it_is_logged(self):
        self.portal(self.adult_user)._set_consent(self.adult.id, False)
        self.assertFalse(self.adult.verzuim_parent_consent)
        self.assertFalse(self.portal(self.parent2_user)._students())
        self.assertIn("no longer see", self.adult.message_ids[:1].body, "the change is logged")
        self.portal(self.adult_user)._set_consent(self.adult.id, True)
        self.assertEqual(self.portal(self.parent2_user)._students(), self.adult)

    def test_nobody_else_decides(self):
        with self.assertRaises(AccessError):
            self.portal(self.parent2_user)._set_consent(self.adult.id, False)
        with self.assertRaises(AccessError):
            self.portal(self.minor_user)._set_consent(self.minor.id, True)
        with self.assertRaises(AccessError):
            self.portal(self.adult_user)._set_consent(self.adult_no.id, True)
        with self.assertRaises(AccessError):
            self.adult.with_user(self.frontoffice).verzuim_parent_consent = False
        self.adult_no.with_user(self.coordinator).verzuim_parent_consent = True
        self.assertTrue(self.adult_no.verzuim_parent_consent)
        self.assertTrue(self.adult.verzuim_parent_consent)


@tagged("post_install", "-at_install")
class TestPortalQueries(PortalFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_portal_school("PQ")

    def queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        overview = self.portal(self.parent_user)._overview(self.minor)
        return self.env.cr.sql_log_count - before, len(overview["absences"])

    def test_the_page_costs_the_same_for_2_or_8_absences(self):
        monday = TODAY - timedelta(days=TODAY.weekday())
        for day in (monday, monday + timedelta(days=1)):
            self.register_day(day, {self.minor: ("absent", {})})
        few, count = self.queries()
        self.assertEqual(count, 2)
        for offset in range(2, 5):
            day = monday - timedelta(days=7) + timedelta(days=offset)
            self.register_day(day, {self.minor: ("absent", {})})
            self.register_day(
                day,
                {self.minor: ("late", {"verzuim_late_minutes": 5})},
                start=time(11, 0),
                end=time(13, 0),
            )
        many, count = self.queries()
        self.assertEqual(count, 8)
        self.assertEqual(many, few)
