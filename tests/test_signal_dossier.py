"""Issue 10, points 6 and 8: signals per student, the deadline on the card, hours with their
unit, notes and to-dos in the reader's (or the school's) language."""

import ast

from freezegun import freeze_time

from odoo.tests import tagged

from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays


@tagged("post_install", "-at_install")
class TestSignalDossier(EvaluationCase):
    PREFIX = "EVD"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["res.lang"]._activate_lang("en_US")
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)))
        cls.pupil = cls.student("Pupil")
        cls.quiet = cls.student("Quiet")
        cls.mark(cls.pupil, weekdays(d(10, 5), d(10, 9)))  # 10 h: deadline 16 October

    def test_the_dossier_lists_students_with_open_signals_first_deadline_first(self):
        signal = self.evaluate(d(10, 30))
        self.assertEqual(self.pupil.verzuim_open_signal_count, 1)
        self.assertEqual(self.pupil.verzuim_next_deadline, d(10, 16))
        self.assertEqual(self.quiet.verzuim_open_signal_count, 0)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.op_student_action_dossier"
        )
        domain = [*ast.literal_eval(action["domain"]), ("name", "=like", "EVD %")]
        Student = self.env["op.student"].with_user(self.coordinator)
        found = Student.search(domain)
        self.assertEqual(found, self.pupil)
        arch = Student.get_view(self.env.ref("mbo_verzuim.op_student_view_list_dossier").id)["arch"]
        self.assertIn("verzuim_next_deadline asc", arch)
        for name in ("verzuim_unauthorized_hours", "verzuim_attendance_rate_recent"):
            self.assertIn(f'name="{name}"', arch)
        signal.action_done()
        self.assertEqual(self.pupil.verzuim_open_signal_count, 0)
        self.assertFalse(Student.search(domain))

    def test_deadline_colour_near_and_past_in_working_days(self):
        signal = self.evaluate(d(10, 30))
        self.assertEqual(signal.deadline, d(10, 16))  # a Friday
        for today, state in [
            ("2026-10-12", "ok"),  # 4 working days left
            ("2026-10-14", "near"),  # 2 working days left
            ("2026-10-16", "near"),  # due today
            ("2026-10-19", "late"),
        ]:
            with freeze_time(today):
                signal.invalidate_recordset(["deadline_state"])
                self.assertEqual(signal.deadline_state, state, today)
        kanban = self.env["verzuim.signal"].get_view(
            self.env.ref("mbo_verzuim.verzuim_signal_view_kanban").id, "kanban"
        )["arch"]
        self.assertIn("deadline_state", kanban)
        self.assertIn('name="hours_display"', kanban)
        self.assertNotIn('t-if="record.is_overdue.raw_value"', kanban)

    def test_hours_with_their_unit_in_the_readers_number_format(self):
        signal = self.evaluate(d(10, 30))
        self.assertEqual(signal.with_context(lang="en_US").hours_display, "10.0 hours")
        self.assertIn("10,0", signal.with_context(lang="nl_NL").hours_display)

    def test_the_note_is_rendered_in_the_readers_language(self):
        signal = self.evaluate(d(10, 30))
        english = signal.with_context(lang="en_US").note
        dutch = signal.with_context(lang="nl_NL").note
        self.assertEqual(english, "10.00 unauthorized hours from 05-10-2026 to 09-10-2026.")
        self.assertEqual(
            dutch, "10,00 uur ongeoorloofd verzuim van 05-10-2026 tot en met 09-10-2026."
        )

    def test_to_dos_in_dutch_for_a_dutch_school(self):
        self.env.company.country_id = self.env.ref("base.nl")
        signal = self.evaluate(d(10, 30)).with_context(lang="en_US")
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "verzuim.signal"), ("res_id", "=", signal.id)]
        )
        dutch_name = signal.rule_id.with_context(lang="nl_NL").name
        self.assertNotEqual(dutch_name, signal.rule_id.name)
        self.assertEqual(activity.summary, dutch_name)
        self.assertIn("uur ongeoorloofd verzuim", str(activity.note))
