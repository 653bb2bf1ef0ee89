"""Issue 9, points 1, 5 and 6: reports to DUO, their states, feedback, export and access."""

import csv
import io
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import VerzuimFixtures
from .evaluation_common import d
from .melding_common import DUO_FIELDS
from .melding_common import VALID_BSN
from .melding_common import VALID_ONDERWIJSNUMMER
from .melding_common import MeldingCase

VERZUIMLOKET_HEADER = [
    "Soort verzuim",
    "BSN of onderwijsnummer",
    "Startdatum verzuim",
    "Einddatum verzuim",
    "Vermoedelijke reden",
    "Alle lessen verzuimd",
    "Aantal verzuimde dagen",
    "Aantal verzuimde uren",
    "Ondernomen acties",
    "Actie gemeente gewenst",
    "Reden geen actie gemeente",
    "Lesplaats",
    "Naam melder",
    "Functie melder",
    "Telefoonnummer melder",
    "E-mailadres melder",
    "Telefoonnummer leerling of ouder",
    "Afwijkend adres",
    "Kenmerk DUO",
]
MA_HEADER = [
    "BSN of onderwijsnummer",
    "Naam student",
    "Opleiding",
    "Niveau",
    "BOL",
    "Voltijd",
    "Eerste verzuimdag",
    "Geldige reden opgegeven",
    "Datum terug op school",
    "Datum student geïnformeerd",
    "Kenmerk DUO",
]
HEALTH_WORDS = ("Sick", "Ziek", "Doctor", "Arts", "Pregnan", "Zwanger")
ALL_STATES = ("draft", "registered", "in_progress", "closed", "acknowledged", "withdrawn")
ALLOWED = {
    ("draft", "registered"),
    ("draft", "withdrawn"),
    ("registered", "in_progress"),
    ("registered", "closed"),
    ("registered", "acknowledged"),
    ("registered", "withdrawn"),
    ("in_progress", "closed"),
    ("in_progress", "acknowledged"),
    ("closed", "in_progress"),
    ("acknowledged", "in_progress"),
}


def parse(content):
    """DUO's file: UTF-8 with a byte-order mark, semicolons; header and rows."""
    assert content.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    return rows[0], rows[1:]


@tagged("post_install", "-at_install")
class TestMeldingFromSignal(MeldingCase):
    def test_the_evaluation_raised_the_signals_the_reports_come_from(self):
        self.assertRecordValues(
            self.legal, [{"date_start": d(10, 5), "date_end": d(10, 8), "hours": 16.0}]
        )
        self.assertEqual(self.legal.count, 4)
        self.assertTrue(self.duo_ma)

    def test_a_16_hour_report_is_prefilled_from_its_signal(self):
        melding = self.melding_from(self.legal)
        self.assertRecordValues(
            melding,
            [
                {
                    "melding_type": "16h",
                    "student_id": self.young.id,
                    "signal_id": self.legal.id,
                    "date_start": d(10, 5),
                    "date_end": d(10, 8),
                    "hours": 16.0,
                    "absence_days": 4,
                    "deadline": self.legal.deadline,
                    "all_lessons_missed": "yes",
                    "reporter_name": self.coordinator.name,
                    "reporter_email": self.coordinator.email,
                    "state": "draft",
                    "company_id": self.env.company.id,
                }
            ],
        )
        self.assertEqual(melding.with_user(self.coordinator).student_bsn, VALID_BSN)
        self.assertEqual(melding.evidence_line_ids, self.legal.line_ids)
        self.assertIn(self.env.company.name, melding.lesson_location)

    def test_the_open_report_is_returned_not_a_second_one(self):
        first = self.melding_from(self.legal)
        self.assertEqual(self.melding_from(self.legal), first)
        self.complete(first).with_user(self.coordinator).action_file()
        self.assertEqual(self.melding_from(self.legal), first)
        first.with_user(self.coordinator).action_withdraw()
        second = self.melding_from(self.legal)
        self.assertNotEqual(second, first)
        self.assertEqual(self.legal.melding_ids, first | second)
        self.assertEqual(self.legal.melding_count, 2)

    def test_a_melding_afwezigheid_holds_the_enrolment(self):
        melding = self.melding_from(self.duo_ma)
        self.assertRecordValues(
            melding,
            [
                {
                    "melding_type": "duo_ma",
                    "date_start": self.duo_ma.date_start,
                    "date_end": False,  # the return date, when the student comes back
                    "ma_course_id": self.course.id,
                    "ma_level": "2",
                    "ma_bol": True,
                    "ma_full_time": True,
                    "ma_valid_reason": "no",
                    "all_lessons_missed": "yes",
                }
            ],
        )
        self.assertEqual(melding.with_user(self.coordinator).student_bsn, VALID_ONDERWIJSNUMMER)

    def test_only_a_legal_or_student_finance_signal_leads_to_a_report(self):
        with self.assertRaises(UserError):
            self.pedagogical.with_user(self.coordinator).action_create_melding()
        self.assertFalse(self.Melding.search([("signal_id", "=", self.pedagogical.id)]))

    def test_the_slb_creates_no_legal_report(self):
        with self.assertRaises(AccessError):
            self.legal.with_user(self.slb_user).action_create_melding()
        self.assertFalse(self.legal.melding_ids)

    def test_interventions_become_the_actions_taken(self):
        self.Intervention.with_user(self.slb_user).create(
            {"signal_id": self.legal.id, "intervention_type": "slb_talk", "date": d(10, 7)}
        )
        self.Intervention.with_user(self.slb_user).create(
            {"student_id": self.young.id, "intervention_type": "parents_informed", "date": d(10, 8)}
        )
        melding = self.melding_from(self.legal)
        # Dutch (DUO's language) where Dutch is installed, as in this database with the demo.
        lang = "nl_NL" if self.env["res.lang"]._lang_get("nl_NL") else "en_US"
        field = self.env["verzuim.intervention"]._fields["intervention_type"]
        labels = dict(field._description_selection(self.env(context={"lang": lang})))
        self.assertEqual(
            melding.actions_taken,
            f"07-10-2026: {labels['slb_talk']}\n08-10-2026: {labels['parents_informed']}",
        )
        if lang == "nl_NL":
            self.assertIn("Gesprek met SLB", melding.actions_taken)


@tagged("post_install", "-at_install")
class TestMeldingStates(MeldingCase):
    def test_filing_needs_what_duo_asks_for(self):
        melding = self.melding_from(self.legal)
        with self.assertRaises(UserError) as raised:
            melding.with_user(self.coordinator).action_file()
        message = str(raised.exception)
        for label in ("Presumed Reason", "Action by the Municipality Wanted", "Reporter Function"):
            self.assertIn(label, message)
        self.assertNotIn("Hours Missed", message)
        self.assertRecordValues(melding, [{"state": "draft", "date_filed": False}])
        self.assertEqual(self.legal.state, "new")

    def test_filing_without_a_personal_number_is_refused(self):
        self.young.verzuim_bsn = False
        melding = self.complete(self.melding_from(self.legal))
        with self.assertRaises(UserError) as raised:
            melding.with_user(self.coordinator).action_file()
        self.assertIn("Personal Number", str(raised.exception))
        self.assertEqual(melding.state, "draft")

    def test_conditional_fields_are_needed_when_they_apply(self):
        melding = self.complete(
            self.melding_from(self.legal), municipality_action="no", address_differs=True
        )
        with self.assertRaises(UserError) as raised:
            melding.with_user(self.coordinator).action_file()
        self.assertIn("Why No Action by the Municipality", str(raised.exception))
        self.assertIn("Differing Address", str(raised.exception))
        self.assertEqual(melding.state, "draft")

    def test_filing_moves_the_signal_and_closing_closes_it(self):
        self.assertTrue(self.legal.activity_ids)
        melding = self.complete(self.melding_from(self.legal)).with_user(self.coordinator)
        melding.action_file()
        self.assertRecordValues(
            melding,
            [{"state": "registered", "date_filed": fields.Date.context_today(melding)}],
        )
        self.assertEqual(self.legal.state, "in_progress")
        self.assertFalse(self.legal.activity_ids, "filing is what the signal's to-do asked")
        Feedback = self.env["verzuim.melding.feedback"].with_user(self.coordinator)
        Feedback.create(
            {
                "melding_id": melding.id,
                "text": "Leerplicht takes it on.",
                "new_state": "in_progress",
            }
        )
        self.assertEqual(melding.state, "in_progress")
        self.assertEqual(self.legal.state, "in_progress")
        Feedback.create(
            {
                "melding_id": melding.id,
                "date": d(11, 20),
                "source": "municipality",
                "text": "Student is back at school after a talk with the leerplichtambtenaar.",
                "new_state": "closed",
                "closing_reason": "back_at_school",
            }
        )
        self.assertRecordValues(melding, [{"state": "closed", "closing_reason": "back_at_school"}])
        self.assertEqual(self.legal.state, "done")
        self.assertEqual(len(melding.feedback_ids), 2)
        # The municipality reopens its case: the signal is worked on again.
        Feedback.create(
            {"melding_id": melding.id, "text": "Absent again.", "new_state": "in_progress"}
        )
        self.assertRecordValues(melding, [{"state": "in_progress", "closing_reason": False}])
        self.assertEqual(self.legal.state, "in_progress")

    def test_acknowledged_ends_the_report_and_its_signal(self):
        melding = self.complete(self.melding_from(self.legal)).with_user(self.coordinator)
        melding.action_file()
        melding.write({"state": "acknowledged"})
        self.assertEqual(self.legal.state, "done")

    def test_every_transition_allowed_and_refused(self):
        melding = self.complete(self.melding_from(self.legal))
        as_coordinator = melding.with_user(self.coordinator)
        for current in ALL_STATES:
            for new in ALL_STATES:
                if new == current:
                    continue
                melding.sudo().write({"state": current})
                vals = {"state": new}
                if new == "closed":
                    vals["closing_reason"] = "work"
                with self.subTest(current=current, new=new):
                    if (current, new) in ALLOWED:
                        as_coordinator.write(vals)
                        self.assertEqual(melding.state, new)
                    else:
                        with self.assertRaises(UserError):
                            as_coordinator.write(vals)
                        self.assertEqual(melding.state, current)

    def test_closing_needs_a_reason(self):
        melding = self.complete(self.melding_from(self.legal)).with_user(self.coordinator)
        melding.action_file()
        with self.assertRaises(UserError):
            melding.write({"state": "closed"})
        self.assertEqual(melding.state, "registered")
        with self.assertRaises(ValidationError):
            melding.write({"closing_reason": "work"})
        self.assertFalse(melding.closing_reason)

    def test_a_report_starts_as_a_draft(self):
        with self.assertRaises(UserError):
            self.Melding.with_user(self.coordinator).create(
                {"student_id": self.young.id, "melding_type": "16h", "state": "registered"}
            )

    def test_feedback_that_moves_a_report_the_wrong_way_is_not_recorded(self):
        melding = self.melding_from(self.legal)
        Feedback = self.env["verzuim.melding.feedback"].with_user(self.coordinator)
        with self.assertRaises(UserError):
            Feedback.create({"melding_id": melding.id, "text": "?", "new_state": "in_progress"})
        self.assertFalse(melding.feedback_ids)
        self.assertEqual(melding.state, "draft")
        self.complete(melding).with_user(self.coordinator).action_file()
        entry = Feedback.create({"melding_id": melding.id, "text": "Received."})
        self.assertEqual(melding.state, "registered")
        entry.write({"text": "Received by the municipality."})
        with self.assertRaises(UserError):
            entry.write({"new_state": "closed"})
        self.assertFalse(entry.new_state)

    def test_a_filed_report_is_withdrawn_not_deleted(self):
        melding = self.complete(self.melding_from(self.legal)).with_user(self.coordinator)
        melding.action_file()
        with self.assertRaises(UserError):
            melding.unlink()
        melding.action_withdraw()
        self.assertEqual(melding.state, "withdrawn")
        with self.assertRaises(UserError):
            melding.write({"state": "registered"})
        draft = self.melding_from(self.legal)
        draft.with_user(self.coordinator).unlink()
        self.assertFalse(draft.exists())

    def test_a_16_hour_report_filed_while_another_is_open_is_a_repeat(self):
        first = self.complete(self.melding_from(self.legal)).with_user(self.coordinator)
        first.action_file()
        self.assertFalse(first.is_repeat)
        Melding = self.Melding.with_user(self.coordinator)
        second = Melding.create(
            {
                **DUO_FIELDS,
                "student_id": self.young.id,
                "melding_type": "16h",
                "date_start": d(10, 12),
                "hours": 16,
                "absence_days": 4,
            }
        )
        second.action_file()
        self.assertRecordValues(second, [{"is_repeat": True, "repeat_of_id": first.id}])
        first.write({"state": "closed", "closing_reason": "back_at_school"})
        second.write({"state": "closed", "closing_reason": "back_at_school"})
        third = second.copy({"date_start": d(11, 2)})
        self.assertRecordValues(third, [{"state": "draft", "is_repeat": False}])
        third.action_file()
        self.assertFalse(third.is_repeat, "no earlier 16-hour report was still open")
        self.assertTrue(second.is_repeat, "a repeat stays a repeat")
        other_type = Melding.create(
            {
                **DUO_FIELDS,
                "student_id": self.young.id,
                "melding_type": "overig",
                "overig_kind": "signaalverzuim",
                "date_start": d(11, 2),
            }
        )
        third.write({"state": "in_progress"})
        other_type.action_file()
        self.assertFalse(other_type.is_repeat)

    def test_overdue_only_while_a_draft_and_not_without_a_deadline(self):
        melding = self.melding_from(self.legal)
        yesterday = fields.Date.context_today(melding) - timedelta(days=1)
        melding.deadline = yesterday
        self.assertTrue(melding.is_overdue)
        self.assertIn(melding, self.Melding.search([("is_overdue", "=", True)]))
        melding.deadline = False
        self.assertFalse(melding.is_overdue)
        self.assertIn(melding, self.Melding.search([("is_overdue", "=", False)]))
        melding.deadline = yesterday
        self.complete(melding).with_user(self.coordinator).action_file()
        self.assertFalse(melding.is_overdue)


@tagged("post_install", "-at_install")
class TestMeldingBadInput(MeldingCase):
    def test_a_start_after_the_end_is_refused(self):
        melding = self.melding_from(self.legal).with_user(self.coordinator)
        with self.assertRaises(ValidationError):
            melding.write({"date_end": d(10, 1)})
        self.assertEqual(melding.date_end, d(10, 8))
        with self.assertRaises(ValidationError):
            self.Melding.with_user(self.coordinator).create(
                {
                    "student_id": self.young.id,
                    "melding_type": "luxe",
                    "date_start": d(10, 9),
                    "date_end": d(10, 5),
                }
            )
        self.assertEqual(self.Melding.search_count([("student_id", "=", self.young.id)]), 1)

    def test_a_signal_of_another_student_is_refused(self):
        with self.assertRaises(ValidationError):
            self.Melding.with_user(self.coordinator).create(
                {"student_id": self.adult.id, "signal_id": self.legal.id, "melding_type": "16h"}
            )

    def test_a_kind_of_other_absence_only_with_other_absence(self):
        with self.assertRaises(ValidationError):
            self.Melding.with_user(self.coordinator).create(
                {"student_id": self.young.id, "melding_type": "16h", "overig_kind": "beginnend"}
            )

    def test_an_other_absence_report_needs_its_kind_to_be_filed(self):
        melding = self.draft(overig_kind=False)
        self.complete(melding)
        with self.assertRaises(UserError) as raised:
            melding.with_user(self.coordinator).action_file()
        self.assertIn("Kind of Other Absence", str(raised.exception))
        melding.with_user(self.coordinator).write({"overig_kind": "signaalverzuim"})
        melding.with_user(self.coordinator).action_file()
        self.assertEqual(melding.state, "registered")

    def test_a_melding_afwezigheid_needs_its_own_fields(self):
        melding = self.melding_from(self.duo_ma)
        with self.assertRaises(UserError) as raised:
            melding.with_user(self.coordinator).action_file()
        self.assertIn("Student Informed On", str(raised.exception))
        self.assertNotIn("Presumed Reason", str(raised.exception))
        melding.with_user(self.coordinator).write(
            {"ma_date_informed": d(12, 1), "reporter_phone": "010-1234567"}
        )
        melding.with_user(self.coordinator).action_file()
        self.assertEqual(melding.state, "registered")
        self.assertEqual(self.duo_ma.state, "in_progress")


@tagged("post_install", "-at_install")
class TestMeldingAccess(MeldingCase):
    def test_teacher_frontoffice_and_management_see_no_reports(self):
        melding = self.melding_from(self.legal)
        for user in (self.teacher_user, self.frontoffice, self.management):
            for model in ("verzuim.melding", "verzuim.melding.feedback"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                melding.with_user(user).read(["state"])

    def test_the_slb_reads_the_reports_of_its_own_students_only(self):
        legal = self.melding_from(self.legal)
        own_draft = self.draft()
        theirs = self.draft(student=self.others, user=self.other_slb)
        self.assertEqual(self.Melding.with_user(self.slb_user).search([]), legal | own_draft)
        self.assertEqual(self.Melding.with_user(self.other_slb).search([]), theirs)
        with self.assertRaises(AccessError):
            theirs.with_user(self.slb_user).read(["state"])
        # The personal number stays the coordinator's, also on the report.
        with self.assertRaises(AccessError):
            legal.with_user(self.slb_user).read(["student_bsn"])
        self.assertEqual(legal.with_user(self.slb_user).presumed_reason, False)

    def test_the_slb_drafts_a_report_by_judgement_and_the_coordinator_is_asked_to_file(self):
        melding = self.draft()
        self.assertRecordValues(
            melding, [{"state": "draft", "melding_type": "overig", "overig_kind": "beginnend"}]
        )
        self.assertEqual(melding.activity_ids.user_id, self.coordinator)
        melding.with_user(self.slb_user).write({"presumed_reason": "Late every morning."})
        self.complete(melding).with_user(self.coordinator).action_file()
        self.assertEqual(melding.state, "registered")
        self.assertFalse(melding.activity_ids)
        with self.assertRaises(AccessError):
            melding.with_user(self.slb_user).write({"presumed_reason": "Changed after filing."})
        self.assertEqual(melding.presumed_reason, DUO_FIELDS["presumed_reason"])

    def test_the_slb_files_nothing_and_moves_no_status(self):
        melding = self.complete(self.draft())
        for vals in (
            {"state": "registered"},
            {"state": "withdrawn"},
            {"external_ref": "DUO-1"},
            {"melding_type": "16h"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                melding.with_user(self.slb_user).write(vals)
        with self.assertRaises(AccessError):
            melding.with_user(self.slb_user).action_file()
        self.assertRecordValues(
            melding, [{"state": "draft", "external_ref": False, "melding_type": "overig"}]
        )
        legal = self.melding_from(self.legal)
        with self.assertRaises(AccessError):
            legal.with_user(self.slb_user).write({"presumed_reason": "Not the SLB's report."})
        with self.assertRaises(AccessError):
            self.env["verzuim.melding.feedback"].with_user(self.slb_user).create(
                {"melding_id": melding.id, "text": "Heard from leerplicht."}
            )

    def test_the_slb_drafts_for_its_own_students_only(self):
        with self.assertRaises(AccessError):
            self.draft(student=self.others)
        with self.assertRaises(AccessError):
            self.draft(melding_type="16h", overig_kind=False)
        melding = self.draft()
        with self.assertRaises(AccessError):
            melding.with_user(self.slb_user).write({"student_id": self.others.id})
        self.assertEqual(melding.student_id, self.young)
        self.assertEqual(self.Melding.search_count([("student_id", "=", self.others.id)]), 0)

    def test_the_slb_deletes_its_draft_not_the_coordinators(self):
        legal = self.melding_from(self.legal)
        with self.assertRaises(AccessError):
            legal.with_user(self.slb_user).unlink()
        draft = self.draft()
        draft.with_user(self.slb_user).unlink()
        self.assertFalse(draft.exists())
        self.assertTrue(legal.exists())

    def test_the_slb_reads_feedback_of_its_students_reports(self):
        melding = self.complete(self.melding_from(self.legal)).with_user(self.coordinator)
        melding.action_file()
        entry = (
            self.env["verzuim.melding.feedback"]
            .with_user(self.coordinator)
            .create(
                {"melding_id": melding.id, "text": "In behandeling.", "new_state": "in_progress"}
            )
        )
        Feedback = self.env["verzuim.melding.feedback"]
        self.assertEqual(Feedback.with_user(self.slb_user).search([]), entry)
        self.assertFalse(Feedback.with_user(self.other_slb).search([]))

    def test_the_screens_show_each_role_what_it_may_do(self):
        def arch(model, user, view_type="form"):
            views = self.env[model].with_user(user).get_views([(False, view_type)])
            return etree.fromstring(views["views"][view_type]["arch"])

        coordinator_form = arch("verzuim.melding", self.coordinator)
        slb_form = arch("verzuim.melding", self.slb_user)
        self.assertTrue(coordinator_form.xpath("//field[@name='student_bsn']"))
        self.assertTrue(coordinator_form.xpath("//button[@name='action_file']"))
        self.assertFalse(slb_form.xpath("//field[@name='student_bsn']"))
        for button in ("action_file", "action_withdraw", "action_record_feedback"):
            self.assertFalse(slb_form.xpath(f"//button[@name='{button}']"), button)
        signal_coordinator = arch("verzuim.signal", self.coordinator)
        signal_slb = arch("verzuim.signal", self.slb_user)
        self.assertTrue(signal_coordinator.xpath("//button[@name='action_create_melding']"))
        self.assertFalse(signal_slb.xpath("//button[@name='action_create_melding']"))
        self.assertTrue(signal_slb.xpath("//button[@name='action_record_intervention']"))

    def test_the_screens_work_end_to_end(self):
        # The SLB drafts from the student's smart button.
        context = self.young.with_user(self.slb_user).action_verzuim_view_meldingen()["context"]
        with Form(self.Melding.with_user(self.slb_user).with_context(**context)) as form:
            form.overig_kind = "signaalverzuim"
            form.date_start = d(10, 5)
            form.presumed_reason = "Says the bus is late every morning."
        draft = form.record
        self.assertRecordValues(draft, [{"student_id": self.young.id, "melding_type": "overig"}])
        # The coordinator files it and records the municipality's feedback in the popup.
        self.complete(draft).with_user(self.coordinator).action_file()
        action = draft.with_user(self.coordinator).action_record_feedback()
        Feedback = self.env[action["res_model"]].with_user(self.coordinator)
        with Form(Feedback.with_context(**action["context"])) as form:
            form.text = "Ter kennisgeving aangenomen."
            form.new_state = "acknowledged"
        self.assertEqual(form.record.melding_id, draft)
        self.assertEqual(draft.state, "acknowledged")
        # The SLB records a talk from the signal.
        action = self.legal.with_user(self.slb_user).action_record_intervention()
        Intervention = self.env[action["res_model"]].with_user(self.slb_user)
        with Form(Intervention.with_context(**action["context"])) as form:
            form.intervention_type = "warning_talk"
        self.assertEqual(form.record.student_id, self.young)
        self.assertEqual(self.legal.state, "in_progress")

    def test_each_institution_sees_its_own_reports(self):
        melding = self.melding_from(self.legal)
        other_company = self.env["res.company"].create({"name": "MLD Other College"})
        self.young.company_id = other_company
        self.assertEqual(melding.company_id, other_company)
        self.assertFalse(self.Melding.with_user(self.coordinator).search([("id", "=", melding.id)]))
        self.coordinator.company_ids |= other_company
        Melding = self.Melding.with_user(self.coordinator).with_context(
            allowed_company_ids=[self.env.company.id, other_company.id]
        )
        self.assertEqual(Melding.search([("id", "=", melding.id)]), melding)


@tagged("post_install", "-at_install")
class TestMeldingExport(MeldingCase):
    def test_the_export_holds_exactly_duos_fields(self):
        self.sick_notice_on(self.young, d(10, 9))  # health data of the student exists
        melding = self.complete(self.melding_from(self.legal), external_ref="VZ-2026-0001")
        name, content = melding.with_user(self.coordinator)._duo_export_csv()
        self.assertTrue(name.startswith("verzuimmeldingen-") and name.endswith(".csv"))
        self.assertNotIn(self.young.name, name)
        header, rows = parse(content)
        self.assertEqual(header, VERZUIMLOKET_HEADER)
        self.assertEqual(len(rows), 1)
        row = dict(zip(header, rows[0], strict=True))
        self.assertEqual(
            row,
            {
                "Soort verzuim": "16 uur",
                "BSN of onderwijsnummer": VALID_BSN,
                "Startdatum verzuim": "05-10-2026",
                "Einddatum verzuim": "08-10-2026",
                "Vermoedelijke reden": DUO_FIELDS["presumed_reason"],
                "Alle lessen verzuimd": "Ja",
                "Aantal verzuimde dagen": "4",
                "Aantal verzuimde uren": "16,00",
                "Ondernomen acties": DUO_FIELDS["actions_taken"],
                "Actie gemeente gewenst": "Ja",
                "Reden geen actie gemeente": "",
                "Lesplaats": DUO_FIELDS["lesson_location"],
                "Naam melder": "Co Ordinator",
                "Functie melder": "Verzuimcoördinator",
                "Telefoonnummer melder": "010-1234567",
                "E-mailadres melder": "verzuim@school.example",
                "Telefoonnummer leerling of ouder": "06-12345678",
                "Afwijkend adres": "",
                "Kenmerk DUO": "VZ-2026-0001",
            },
        )
        text = content.decode("utf-8-sig")
        for word in HEALTH_WORDS:
            self.assertNotIn(word, text)

    def test_a_selection_is_one_row_per_report(self):
        first = self.complete(self.melding_from(self.legal))
        second = self.complete(self.draft(), presumed_reason="=HYPERLINK(evil)")
        _name, content = (first | second).with_user(self.coordinator)._duo_export_csv()
        header, rows = parse(content)
        self.assertEqual(header, VERZUIMLOKET_HEADER)
        self.assertEqual([row[0] for row in rows], ["16 uur", "Overig verzuim"])
        self.assertEqual(rows[1][4], "'=HYPERLINK(evil)", "a formula is written as text")

    def test_the_melding_afwezigheid_has_its_own_file(self):
        melding = self.melding_from(self.duo_ma)
        melding.write({"ma_date_informed": d(12, 1)})
        name, content = melding.with_user(self.coordinator)._duo_export_csv()
        self.assertTrue(name.startswith("melding-afwezigheid-"))
        header, rows = parse(content)
        self.assertEqual(header, MA_HEADER)
        row = dict(zip(header, rows[0], strict=True))
        self.assertEqual(row["BSN of onderwijsnummer"], VALID_ONDERWIJSNUMMER)
        self.assertEqual(row["Naam student"], self.adult.name)
        self.assertEqual(row["Niveau"], "2")
        self.assertEqual(row["BOL"], "Ja")
        self.assertEqual(row["Voltijd"], "Ja")
        self.assertEqual(row["Geldige reden opgegeven"], "Nee")
        self.assertEqual(row["Eerste verzuimdag"], self.duo_ma.date_start.strftime("%d-%m-%Y"))
        self.assertEqual(row["Datum terug op school"], "")
        self.assertEqual(row["Datum student geïnformeerd"], "01-12-2026")
        with self.assertRaises(UserError):
            (melding | self.melding_from(self.legal)).with_user(self.coordinator)._duo_export_csv()

    def test_only_the_coordinator_exports(self):
        melding = self.draft()
        for user in (self.slb_user, self.frontoffice, self.teacher_user, self.management):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                melding.with_user(user)._duo_export_csv()
            with self.assertRaises(AccessError):
                melding.with_user(user).action_export_duo()
        action = melding.with_user(self.coordinator).action_export_duo()
        self.assertEqual(action["url"], f"/mbo_verzuim/melding/export?ids={melding.id}")


@tagged("post_install", "-at_install")
class TestMeldingExportRoute(VerzuimFixtures, HttpCase):
    """The download route: the coordinator gets DUO's file, anyone else a 403."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("MX", students=1)
        cls.coordinator = cls.make_user("mx_coord", "mbo_verzuim.group_coordinator")
        cls.students.verzuim_bsn = VALID_BSN
        cls.melding = cls.env["verzuim.melding"].create(
            {
                **DUO_FIELDS,
                "student_id": cls.students.id,
                "melding_type": "16h",
                "date_start": d(10, 5),
                "date_end": d(10, 8),
                "hours": 16,
                "absence_days": 4,
            }
        )
        cls.url = f"/mbo_verzuim/melding/export?ids={cls.melding.id}"

    def test_the_coordinator_downloads_the_file(self):
        self.authenticate("mx_coord", "mx_coord")
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertTrue(response.headers["Content-Type"].startswith("text/csv"))
        header, rows = parse(response.content)
        self.assertEqual(header, VERZUIMLOKET_HEADER)
        self.assertEqual(rows[0][1], VALID_BSN)

    def test_the_slb_is_refused(self):
        self.authenticate("MX_slb", "MX_slb")
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(VALID_BSN, response.text)

    def test_bad_ids_get_a_clear_answer(self):
        self.authenticate("mx_coord", "mx_coord")
        for bad in ("", "abc", "1;2", "-1"):
            response = self.url_open(f"/mbo_verzuim/melding/export?ids={bad}")
            self.assertEqual(response.status_code, 400, bad)
