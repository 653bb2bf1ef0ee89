"""Issue 9, points 3, 5 and 6: interventions, who records them, and what they do to a signal."""

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .evaluation_common import d
from .melding_common import MeldingCase


@tagged("post_install", "-at_install")
class TestIntervention(MeldingCase):
    def record(self, user=None, **vals):
        return self.Intervention.with_user(user or self.slb_user).create(vals)

    def test_an_intervention_on_a_new_signal_starts_it(self):
        self.assertEqual(self.pedagogical.state, "new")
        talk = self.record(signal_id=self.pedagogical.id, notes="Agreed to come every day.")
        self.assertRecordValues(
            talk,
            [
                {
                    "student_id": self.adult.id,
                    "user_id": self.slb_user.id,
                    "date": fields.Date.context_today(talk),
                    "intervention_type": "slb_talk",
                }
            ],
        )
        self.assertEqual(self.pedagogical.state, "in_progress")
        self.assertEqual(self.pedagogical.intervention_ids, talk)
        self.assertEqual(self.pedagogical.with_user(self.slb_user).intervention_count, 1)

    def test_the_slb_talk_on_a_legal_signal_starts_it_too(self):
        # The SLB may not start a legal signal by hand; recording a talk on it still shows
        # that it is being handled.
        self.record(signal_id=self.legal.id, intervention_type="warning_talk")
        self.assertEqual(self.legal.state, "in_progress")

    def test_a_handled_signal_is_not_reopened_by_an_intervention(self):
        self.pedagogical.with_user(self.slb_user).action_done()
        self.record(signal_id=self.pedagogical.id, intervention_type="parents_informed")
        self.assertEqual(self.pedagogical.state, "done")

    def test_linking_a_new_signal_later_starts_it(self):
        talk = self.record(student_id=self.adult.id)
        self.assertEqual(self.pedagogical.state, "new")
        talk.write({"signal_id": self.pedagogical.id})
        self.assertEqual(self.pedagogical.state, "in_progress")

    def test_the_coordinator_records_for_every_student(self):
        letter = self.record(
            user=self.coordinator, student_id=self.others.id, intervention_type="warning_letter"
        )
        self.assertEqual(letter.user_id, self.coordinator)
        self.assertIn(letter, self.Intervention.with_user(self.coordinator).search([]))

    def test_the_slb_records_for_its_own_students_only(self):
        with self.assertRaises(AccessError):
            self.record(student_id=self.others.id)
        with self.assertRaises(AccessError):
            self.record(user=self.other_slb, signal_id=self.legal.id)
        self.assertFalse(self.Intervention.search([("student_id", "=", self.others.id)]))

    def test_the_slb_reads_its_students_interventions_and_changes_only_its_own(self):
        own = self.record(student_id=self.young.id)
        by_coordinator = self.record(user=self.coordinator, student_id=self.young.id)
        theirs = self.record(user=self.other_slb, student_id=self.others.id)
        self.assertEqual(
            self.Intervention.with_user(self.slb_user).search([]), own | by_coordinator
        )
        self.assertEqual(self.Intervention.with_user(self.other_slb).search([]), theirs)
        own.with_user(self.slb_user).write({"notes": "Parents called back."})
        with self.assertRaises(AccessError):
            by_coordinator.with_user(self.slb_user).write({"notes": "Not mine."})
        with self.assertRaises(AccessError):
            by_coordinator.with_user(self.slb_user).unlink()
        with self.assertRaises(AccessError):
            self.record(student_id=self.young.id, user_id=self.coordinator.id)
        with self.assertRaises(AccessError):
            own.with_user(self.slb_user).write({"student_id": self.others.id})
        self.assertEqual(own.student_id, self.young)
        own.with_user(self.slb_user).unlink()

    def test_teacher_frontoffice_and_management_see_no_interventions(self):
        talk = self.record(student_id=self.young.id)
        for user in (self.teacher_user, self.frontoffice, self.management):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Intervention.with_user(user).search([])
            with self.assertRaises(AccessError):
                talk.with_user(user).read(["notes"])
            with self.assertRaises(AccessError):
                self.record(user=user, student_id=self.young.id)

    def test_an_intervention_is_about_the_student_of_its_signal(self):
        with self.assertRaises(ValidationError):
            self.record(user=self.coordinator, student_id=self.adult.id, signal_id=self.legal.id)
        self.assertFalse(self.legal.intervention_ids)
        self.assertEqual(self.legal.state, "new")

    def test_a_report_letter_is_linked_to_its_report(self):
        melding = self.melding_from(self.legal)
        letter = self.record(
            user=self.coordinator, melding_id=melding.id, intervention_type="report_letter"
        )
        self.assertEqual(letter.student_id, self.young)

    def test_the_student_shows_its_interventions_and_reports(self):
        self.record(student_id=self.young.id, date=d(10, 7))
        self.melding_from(self.legal)
        student = self.young.with_user(self.slb_user)
        self.assertEqual(student.verzuim_intervention_count, 1)
        self.assertEqual(student.verzuim_melding_count, 1)
        action = student.action_verzuim_view_interventions()
        self.assertEqual(action["domain"], [("student_id", "=", self.young.id)])
        action = student.action_verzuim_view_meldingen()
        self.assertEqual(action["context"]["default_melding_type"], "overig")
        with self.assertRaises(AccessError):
            self.young.with_user(self.teacher_user).read(["verzuim_intervention_count"])

    def test_record_intervention_from_the_signal(self):
        action = self.legal.with_user(self.slb_user).action_record_intervention()
        self.assertEqual(action["res_model"], "verzuim.intervention")
        self.assertEqual(action["context"]["default_signal_id"], self.legal.id)
        action = self.legal.with_user(self.slb_user).action_view_interventions()
        self.assertEqual(action["domain"], [("signal_id", "=", self.legal.id)])
