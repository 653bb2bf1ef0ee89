"""Issue 8, point 7: signals follow a state machine on the server, not only in the screens."""

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged

from .evaluation_common import AGE_19
from .evaluation_common import SLOT_A
from .evaluation_common import SLOT_B
from .evaluation_common import UNDER_18
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays


@tagged("post_install", "-at_install")
class TestSignalStates(EvaluationCase):
    PREFIX = "SST"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)), slots=(SLOT_A, SLOT_B))
        young = cls.student("Young", UNDER_18)
        adult = cls.student("Adult", AGE_19)
        cls.mark(young, weekdays(d(10, 5), d(10, 9)), slots=(SLOT_A, SLOT_B))
        cls.mark(adult, weekdays(d(10, 5), d(10, 9)))
        cls.env["verzuim.signal"]._evaluate(as_of=d(10, 30), students=young | adult)
        Signal = cls.env["verzuim.signal"]
        cls.legal = Signal.search([("student_id", "=", young.id), ("rule_code", "=", "legal_16h")])
        cls.pedagogical = Signal.search(
            [("student_id", "=", adult.id), ("rule_code", "=", "unauthorized_10h")]
        )

    def test_slb_moves_its_signal_new_in_progress_done_and_reopens(self):
        signal = self.pedagogical.with_user(self.slb_user)
        signal.action_start()
        signal.action_done()
        self.assertEqual(self.pedagogical.state, "done")
        signal.action_reopen()
        self.assertEqual(self.pedagogical.state, "in_progress")

    def test_new_and_obsolete_are_never_set_by_hand(self):
        for user in (self.slb_user, self.coordinator):
            for state in ("obsolete", "new"):
                self.pedagogical.state = "in_progress"
                with self.assertRaises(UserError):
                    self.pedagogical.with_user(user).write({"state": state})
                self.assertEqual(self.pedagogical.state, "in_progress")

    def test_a_signal_is_not_reopened_from_obsolete_by_hand(self):
        self.pedagogical.sudo().state = "obsolete"
        with self.assertRaises(UserError):
            self.pedagogical.with_user(self.coordinator).action_reopen()
        self.assertEqual(self.pedagogical.state, "obsolete")

    def test_dismissing_needs_a_reason(self):
        with self.assertRaises(UserError):
            self.pedagogical.with_user(self.slb_user).write({"state": "dismissed"})
        self.assertEqual(self.pedagogical.state, "new")
        wizard = (
            self.env["verzuim.signal.dismiss"]
            .with_user(self.slb_user)
            .create({"signal_ids": self.pedagogical.ids, "reason": "Talked to the student."})
        )
        wizard.action_confirm()
        self.assertRecordValues(
            self.pedagogical, [{"state": "dismissed", "dismiss_reason": "Talked to the student."}]
        )
        self.assertFalse(self.pedagogical.activity_ids)

    def test_only_the_coordinator_dismisses_a_legal_signal(self):
        with self.assertRaises(AccessError):
            self.legal.with_user(self.slb_user).write(
                {"state": "dismissed", "dismiss_reason": "Not needed."}
            )
        self.assertEqual(self.legal.state, "new")
        with self.assertRaises(UserError):
            self.legal.with_user(self.coordinator).write({"state": "dismissed"})
        self.legal.with_user(self.coordinator)._dismiss("Reported by hand on 12 October.")
        self.assertEqual(self.legal.state, "dismissed")

    def test_nobody_deletes_a_signal(self):
        for user in (self.coordinator, self.slb_user):
            with self.assertRaises(AccessError):
                self.pedagogical.with_user(user).unlink()
        with self.assertRaises(UserError):
            self.pedagogical.with_user(self.coordinator).sudo(False)._unlink_never_by_hand()
        self.assertTrue(self.pedagogical.exists())

    def test_overdue_without_a_deadline(self):
        self.pedagogical.sudo().deadline = False
        self.assertFalse(self.pedagogical.is_overdue)
        self.assertNotIn(
            self.pedagogical, self.env["verzuim.signal"].search([("is_overdue", "=", True)])
        )
        self.assertIn(
            self.pedagogical, self.env["verzuim.signal"].search([("is_overdue", "=", False)])
        )
