import json
from datetime import date

from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import VerzuimFixtures

ROUTE = "/openeducat-attendance/take-attendance"


@tagged("post_install", "-at_install")
class TestTakeAttendanceRoute(VerzuimFixtures, HttpCase):
    """OpenEduCat's route created attendance lines for anyone on the network."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet_env()
        cls.make_school("HT", students=2)
        cls.lesson, cls.sheet = cls.make_lesson(date(2026, 10, 5))
        cls.intruder = cls.make_user("ht_other", "mbo_verzuim.group_teacher")

    def post(self, sheet_id=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"attendance_sheet_id": self.sheet.id if sheet_id is None else sheet_id},
        }
        response = self.url_open(
            ROUTE, data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        return response.json()

    def test_anonymous_request_creates_nothing(self):
        answer = self.post()
        self.assertIn("error", answer)
        self.assertEqual(answer["error"]["data"]["name"], "odoo.http.SessionExpiredException")
        self.assertFalse(self.sheet.attendance_line)

    def test_teacher_of_another_lesson_creates_nothing(self):
        self.authenticate("ht_other", "ht_other")
        self.assertIs(self.post()["result"], False)
        self.assertFalse(self.sheet.attendance_line)

    def test_the_lessons_teacher_fills_the_register(self):
        self.authenticate("HT_teacher", "HT_teacher")
        self.assertIs(self.post()["result"], True)
        self.assertEqual(self.sheet.attendance_line.student_id, self.students)

    def test_a_sheet_id_that_is_no_number_gets_a_clear_error(self):
        self.authenticate("HT_teacher", "HT_teacher")
        for bad in ("abc", "5", 1.5, True, [1], 10**12, -3):
            answer = self.post(bad)
            self.assertIn("error", answer, bad)
            self.assertEqual(answer["error"]["data"]["name"], "odoo.exceptions.UserError", bad)
            self.assertIn("attendance_sheet_id", answer["error"]["data"]["message"])
        self.assertFalse(self.sheet.attendance_line)
