"""Issue 8, point 8: one database, several institutions."""

from datetime import time
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import utc
from .evaluation_common import AGE_19
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import weekdays


@tagged("post_install", "-at_install")
class TestMultiCompany(EvaluationCase):
    PREFIX = "MC"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "ROC Twee"})
        cls.coordinator_b = cls.make_user("mc_coord_b", "mbo_verzuim.group_coordinator")
        cls.coordinator_b.write(
            {"company_ids": [(4, cls.company_b.id)], "company_id": cls.company_b.id}
        )
        cls.coordinator_b.company_ids -= cls.company_a
        cls.company_b.verzuim_coordinator_id = cls.coordinator_b
        cls.add_lessons(weekdays(d(10, 5), d(10, 9)))
        cls.in_a = cls.student("Aaltje", AGE_19)
        cls.in_b = cls.student("Bram", AGE_19)
        cls.in_b.partner_id.company_id = cls.company_b
        for student in cls.in_a | cls.in_b:
            cls.mark(student, weekdays(d(10, 5), d(10, 9)))
        # A day off of institution B only: Monday 12 October.
        cls.env["verzuim.holiday"].create(
            {
                "name": "Studiedag",
                "kind": "public_holiday",
                "date_from": d(10, 12),
                "date_to": d(10, 12),
                "company_id": cls.company_b.id,
            }
        )

    def test_each_student_is_evaluated_with_its_own_institution(self):
        self.evaluate(d(10, 30))
        a = self.signals(self.in_a, "unauthorized_10h")
        b = self.signals(self.in_b, "unauthorized_10h")
        self.assertRecordValues(a, [{"company_id": self.company_a.id, "deadline": d(10, 16)}])
        self.assertRecordValues(b, [{"company_id": self.company_b.id, "deadline": d(10, 19)}])

    def test_legal_signals_go_to_the_coordinator_of_the_students_institution(self):
        young = self.student("Youngb", "2010-03-01")
        young.partner_id.company_id = self.company_b
        self.add_lessons(weekdays(d(10, 12), d(10, 16)))
        self.mark(young, weekdays(d(10, 5), d(10, 16)))
        self.evaluate(d(10, 30))
        legal = self.signals(young, "legal_16h")
        self.assertTrue(legal)
        self.assertEqual(legal.mapped("user_id"), self.coordinator_b)

    def test_a_coordinator_sees_the_signals_and_notices_of_its_own_institution(self):
        self.evaluate(d(10, 30))
        notice = self.env["verzuim.notice"].create(
            {
                "student_id": self.in_b.id,
                "notice_type": "sick",
                "date_start": utc(d(11, 2), time(7)),
            }
        )
        self.assertEqual(notice.company_id, self.company_b)
        Signal = self.env["verzuim.signal"].with_user(self.coordinator).with_company(self.company_a)
        students = self.in_a | self.in_b
        self.assertEqual(Signal.search([("student_id", "in", students.ids)]).student_id, self.in_a)
        SignalB = self.env["verzuim.signal"].with_user(self.coordinator_b)
        self.assertEqual(SignalB.search([("student_id", "in", students.ids)]).student_id, self.in_b)
        Notice = self.env["verzuim.notice"].with_user(self.coordinator)
        self.assertNotIn(notice, Notice.search([]))

    def test_the_cron_evaluates_every_institution(self):
        with freeze_time("2026-10-30 10:00:00"), patch.object(self.env.cr, "commit"):
            self.env["verzuim.signal"]._cron_evaluate()
        self.assertEqual(self.signals(self.in_a).company_id, self.company_a)
        self.assertEqual(self.signals(self.in_b).company_id, self.company_b)
