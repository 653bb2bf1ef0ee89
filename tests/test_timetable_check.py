from contextlib import contextmanager
from datetime import date
from datetime import time

from odoo.exceptions import ValidationError

from .common import VerzuimCase
from .common import utc

MONDAY = date(2026, 3, 2)
QUERIES_PER_LESSON = 20
SETTINGS = (
    "timetable.is_faculty_constraint",
    "timetable.is_classroom_constraint",
    "timetable.is_batch_and_subject_constraint",
    "timetable.is_batch_constraint",
)


class TestTimetableCheck(VerzuimCase):
    """OpenEduCat's timetable overlap checks, on the sessions that can clash only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("TT", students=1)
        cls.other_teacher, cls.other_faculty = cls.make_teacher("tt_other", "Ander", "Docent")
        cls.other_batch = cls.batch.copy({"code": "TT-LOG2B", "name": "TT LOG2B"})
        cls.room_a, cls.room_b = cls.env["op.classroom"].create(
            [{"name": "TT A1", "code": "TT-A1"}, {"name": "TT A2", "code": "TT-A2"}]
        )
        params = cls.env["ir.config_parameter"].sudo()
        for key in SETTINGS:
            params.set_param(key, "True")

    def lesson(self, start, end, faculty=None, batch=None, room=None, day=MONDAY):
        batch = batch or self.batch
        return {
            "course_id": batch.course_id.id,
            "batch_id": batch.id,
            "faculty_id": (faculty or self.faculty).id,
            "subject_id": self.subject.id,
            "classroom_id": room.id if room else False,
            "start_datetime": utc(day, start),
            "end_datetime": utc(day, end),
        }

    @contextmanager
    def refused(self, message):
        """Odoo's assertRaises (in a savepoint), then the message."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn(message, str(caught.exception))

    def test_a_day_of_lessons_in_one_create(self):
        """OpenEduCat's own check reads self.id and fails on a batch ("Expected singleton");
        its followers come as for one lesson: the teacher's user and the students' users."""
        self.students.user_id = self.env["res.users"].create(
            {"name": "TT Leerling", "login": "tt_leerling", "groups_id": [(6, 0, [])]}
        )
        sessions = self.env["op.session"].create(
            [self.lesson(time(8 + hour), time(9 + hour)) for hour in range(6)]
        )
        self.assertEqual(len(sessions), 6)
        one = self.env["op.session"].create(self.lesson(time(15), time(16)))
        expected = one.message_partner_ids
        self.assertIn(self.teacher_user.partner_id, expected)
        self.assertIn(self.students.user_id.partner_id, expected)
        for session in sessions:
            self.assertEqual(session.message_partner_ids, expected)

    def test_overlapping_lessons_of_one_teacher_are_refused(self):
        self.env["op.session"].create(self.lesson(time(9), time(10), room=self.room_a))
        with self.refused("teacher already has a lesson"):
            self.env["op.session"].create(
                self.lesson(time(9, 30), time(10, 30), batch=self.other_batch, room=self.room_b)
            )

    def test_a_classroom_and_a_class_are_checked_too(self):
        self.env["op.session"].create(self.lesson(time(9), time(10), room=self.room_a))
        with self.refused("classroom is already in use"):
            self.env["op.session"].create(
                self.lesson(
                    time(9),
                    time(10),
                    faculty=self.other_faculty,
                    batch=self.other_batch,
                    room=self.room_a,
                )
            )
        with self.refused("class already has a lesson"):
            self.env["op.session"].create(
                self.lesson(time(9, 15), time(9, 45), faculty=self.other_faculty)
            )

    def test_a_clash_in_one_batch_is_found(self):
        with self.refused("teacher already has a lesson"):
            self.env["op.session"].create(
                [
                    self.lesson(time(9), time(10)),
                    self.lesson(time(9), time(10), batch=self.other_batch),
                ]
            )

    def test_moving_a_lesson_onto_another_is_refused(self):
        first, second = self.env["op.session"].create(
            [self.lesson(time(9), time(10)), self.lesson(time(10), time(11))]
        )
        with self.refused("already has a lesson"):
            second.write({"start_datetime": first.start_datetime})

    def test_adjacent_lessons_other_days_and_no_classroom_do_not_clash(self):
        self.env["op.session"].create(
            [
                self.lesson(time(9), time(10)),
                self.lesson(time(10), time(11)),
                self.lesson(time(9), time(10), day=date(2026, 3, 3)),
                # Neither has a classroom: no classroom clash (OpenEduCat's check saw one).
                self.lesson(time(9), time(10), faculty=self.other_faculty, batch=self.other_batch),
            ]
        )

    def test_settings_off_check_nothing(self):
        params = self.env["ir.config_parameter"].sudo()
        for key in SETTINGS:
            params.set_param(key, False)
        self.env["op.session"].create(
            [self.lesson(time(9), time(10)), self.lesson(time(9), time(10))]
        )

    def test_the_check_does_not_grow_with_the_timetable(self):
        """The same queries for a lesson in an empty week as in a full one."""
        model = self.env["op.session"]
        model.create(self.lesson(time(12), time(13)))
        self.env.flush_all()

        def create_one(day):
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=QUERIES_PER_LESSON):
                model.create(self.lesson(time(8), time(9), day=day))
                self.env.flush_all()

        create_one(date(2026, 3, 3))
        model.create(
            [
                self.lesson(time(9 + hour), time(10 + hour), day=date(2026, 3, 9 + offset))
                for offset in range(5)
                for hour in range(6)
            ]
        )
        create_one(date(2026, 3, 16))
