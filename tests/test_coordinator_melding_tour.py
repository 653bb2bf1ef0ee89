from datetime import date
from datetime import time

from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import VerzuimFixtures

MONDAY = date(2026, 10, 5)
SLOTS = ((time(8, 30), time(10, 30)), (time(10, 45), time(12, 45)))


@tagged("post_install", "-at_install")
class TestCoordinatorMeldingTour(VerzuimFixtures, HttpCase):
    """Issue 9: a coordinator creates the report of a 16-hour signal, files it, records the
    municipality's feedback and closes it, in a real headless Chromium."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("CM", students=1)
        cls.coordinator = cls.make_user("CM_coord", "mbo_verzuim.group_coordinator")
        cls.env.company.verzuim_coordinator_id = cls.coordinator
        student = cls.students
        student.write({"birth_date": "2010-03-01", "verzuim_bsn": "111222333"})
        for offset in range(4):
            for start, end in SLOTS:
                _session, sheet = cls.make_lesson(MONDAY.replace(day=5 + offset), start, end)
                cls.register_line(sheet, student, "absent")
        cls.env["verzuim.signal"]._evaluate(as_of=date(2026, 10, 30), students=student)
        cls.signal = cls.env["verzuim.signal"].search(
            [("student_id", "=", student.id), ("rule_code", "=", "legal_16h")]
        )

    def test_coordinator_files_and_closes_a_report(self):
        self.assertEqual(len(self.signal), 1)
        self.start_tour(
            f"/odoo/action-mbo_verzuim.verzuim_signal_action/{self.signal.id}",
            "mbo_verzuim_coordinator_melding",
            login="CM_coord",
            # OpenEduCat's promotional pop-up opens after 5 seconds over the form unless this
            # cookie is set (its suppression is issue 10, point 15).
            cookies={f"g2_review_{self.env.cr.dbname}": "true"},
        )
        melding = self.signal.melding_ids
        self.assertRecordValues(
            melding,
            [
                {
                    "melding_type": "16h",
                    "state": "closed",
                    "closing_reason": "back_at_school",
                    "presumed_reason": "Spijbelt, vermoedelijk bijbaan",
                }
            ],
        )
        self.assertEqual(len(melding.feedback_ids), 2)
        self.assertEqual(self.signal.state, "done")
