"""A school with real, evaluated legal signals, and a user per role: the fixtures of the tests
of reports to DUO and interventions (issue 9)."""

from datetime import time

from .common import utc
from .evaluation_common import AGE_19
from .evaluation_common import SLOT_A
from .evaluation_common import SLOT_B
from .evaluation_common import UNDER_18
from .evaluation_common import EvaluationCase
from .evaluation_common import d
from .evaluation_common import mondays
from .evaluation_common import weekdays

VALID_BSN = "111222333"
VALID_ONDERWIJSNUMMER = "101222331"
INVALID_BSN = "123456789"
# What the coordinator adds to a prefilled report before filing it.
DUO_FIELDS = {
    "presumed_reason": "Works in a warehouse during school hours.",
    "all_lessons_missed": "yes",
    "actions_taken": "05-10-2026: SLB talk",
    "municipality_action": "yes",
    "lesson_location": "Hoofdgebouw, Schoolstraat 1, 3011 AA Rotterdam",
    "reporter_name": "Co Ordinator",
    "reporter_function": "Verzuimcoördinator",
    "reporter_phone": "010-1234567",
    "reporter_email": "verzuim@school.example",
    "contact_phone": "06-12345678",
}


class MeldingCase(EvaluationCase):
    """A 16-year-old absent a whole week (16 hours: legal_16h), a 19-year-old BOL student at
    level 2 absent eight lesweken (rmc_4w, duo_contact, duo_ma), both the SLB's, and a student
    of another SLB. Evaluated on 30 November 2026."""

    PREFIX = "MLD"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.frontoffice = cls.make_user(f"{cls.PREFIX}_front", "mbo_verzuim.group_frontoffice")
        cls.management = cls.make_user(f"{cls.PREFIX}_mgmt", "mbo_verzuim.group_management")
        cls.other_slb = cls.make_user(f"{cls.PREFIX}_slb2", "mbo_verzuim.group_slb")
        week = weekdays(d(10, 5), d(10, 9))
        cls.add_lessons(week, slots=(SLOT_A, SLOT_B))
        cls.add_lessons(mondays(d(10, 12), 7))  # 12 Oct .. 23 Nov
        cls.young = cls.student("Young", UNDER_18)
        cls.adult = cls.student("Adult", AGE_19)
        cls.others = cls.student("Others", UNDER_18, slb=cls.other_slb)
        cls.mark(cls.young, week, slots=(SLOT_A, SLOT_B))
        cls.mark(cls.adult, week)
        cls.mark(cls.adult, mondays(d(10, 12), 7))
        cls.young.verzuim_bsn = VALID_BSN
        cls.adult.verzuim_bsn = VALID_ONDERWIJSNUMMER
        cls.env["verzuim.signal"]._evaluate(
            as_of=d(11, 30), students=cls.young | cls.adult | cls.others
        )
        Signal = cls.env["verzuim.signal"]
        cls.legal = Signal.search(
            [("student_id", "=", cls.young.id), ("rule_code", "=", "legal_16h")]
        )
        cls.pedagogical = Signal.search(
            [("student_id", "=", cls.adult.id), ("rule_code", "=", "unauthorized_10h")]
        )
        cls.duo_ma = Signal.search(
            [("student_id", "=", cls.adult.id), ("rule_code", "=", "duo_ma")]
        )
        cls.Melding = cls.env["verzuim.melding"]
        cls.Intervention = cls.env["verzuim.intervention"]

    @classmethod
    def sick_notice_on(cls, student, day):
        return cls.env["verzuim.notice"].create(
            {
                "student_id": student.id,
                "notice_type": "sick",
                "date_start": utc(day, time(7, 0)),
                "date_end": utc(day, time(18, 0)),
            }
        )

    def melding_from(self, signal, user=None):
        action = signal.with_user(user or self.coordinator).action_create_melding()
        return self.Melding.browse(action["res_id"])

    def complete(self, melding, **extra):
        """A report with every DUO field filled in, as the coordinator does."""
        melding.with_user(self.coordinator).write({**DUO_FIELDS, **extra})
        return melding

    def draft(self, student=None, user=None, **vals):
        """A report by judgement (other absence), drafted by ``user`` (default the SLB)."""
        return self.Melding.with_user(user or self.slb_user).create(
            {
                "student_id": (student or self.young).id,
                "melding_type": "overig",
                "overig_kind": "beginnend",
                "date_start": d(10, 5),
                **vals,
            }
        )
