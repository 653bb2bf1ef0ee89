"""The demo school's follow-up (issue 9, point 7): reports to DUO in every state the flow
knows, feedback from the municipality, interventions and letters sent, so that every letter
and form opens on ``make run`` without first making data.

Done the way the users do it: the coordinator creates the reports from their signals, files
them and records the feedback; the SLB records the interventions and drafts a report by
judgement. The checks of the reports (DUO's required fields, the transitions) apply.
Letters are recorded as sent on paper (an intervention of the letter's type and a note on
the student): printing a PDF needs the running server, which an installation does not have.
"""

from datetime import timedelta
from itertools import count

from stdnum.nl import bsn

from odoo import api
from odoo import fields
from odoo import models

from ..engine.school_time import SCHOOL_TZ

# Test BSNs: the range 999990000 .. 999999999 is kept for tests (RvIG); the eleven-test holds.
TEST_BSN_START = 999990000
STREETS = ["Kastanjelaan", "Havenstraat", "Molenweg", "Lindelaan", "Dorpsstraat", "Beukenhof"]
LETTERHEAD = {
    "name": "ROC Demo",
    "street": "Onderwijsplein 1",
    "zip": "3011 AB",
    "city": "Rotterdam",
    "phone": "010 123 4567",
    "email": "info@roc-demo.nl",
    "website": "https://www.roc-demo.nl",
}
STAFF = {
    "coordinator": ("Verzuimcoördinator", "010 123 4580"),
    "slb": ("Studieloopbaanbegeleider", "010 123 4581"),
    "slb2": ("Studieloopbaanbegeleider", "010 123 4582"),
}


def test_bsns():
    """Valid test BSNs, in order."""
    for number in count(TEST_BSN_START):
        if bsn.is_valid(f"{number:09d}"):
            yield f"{number:09d}"


class VerzuimDemo(models.AbstractModel):
    _inherit = "verzuim.demo"

    @api.model
    def _load_demo_school(self, today=None):
        result = super()._load_demo_school(today=today)
        env = self.sudo().with_context(tz=SCHOOL_TZ, mail_notrack=True).env
        day = fields.Date.to_date(env["ir.config_parameter"].get_param("mbo_verzuim.demo_day"))
        self._demo_letterhead(env)
        self._demo_student_details(env)
        self._demo_followup(env, day)
        return result

    def _demo_letterhead(self, env):
        """A Dutch institution on the letters, with the standard layout (so that printing
        does not first ask an administrator to choose one)."""
        company = env.company
        company.write(
            {
                **LETTERHEAD,
                "country_id": env.ref("base.nl").id,
                "external_report_layout_id": env.ref("web.external_layout_standard").id,
            }
        )
        for login, (function, phone) in STAFF.items():
            user = env.ref(f"mbo_verzuim.user_{login}_demo")
            user.partner_id.write({"function": function, "phone": phone})

    def _demo_student_details(self, env):
        """A test BSN, a home address and an e-mail address for every demo student."""
        data = env["ir.model.data"].search(
            [
                ("module", "=", "mbo_verzuim"),
                ("model", "=", "op.student"),
                ("name", "=like", "student_%_demo"),
            ],
            order="name",
        )
        numbers = test_bsns()
        for index, student in enumerate(env["op.student"].browse(data.mapped("res_id"))):
            login = student.name.lower().replace(" ", ".").replace("ë", "e")
            student.write(
                {
                    "verzuim_bsn": next(numbers),
                    "street": f"{STREETS[index % len(STREETS)]} {index + 3}",
                    "zip": f"30{12 + index % 80:02d} {'ABCDEFGH'[index % 8]}K",
                    "city": "Rotterdam",
                    "country_id": env.ref("base.nl").id,
                    "email": f"{login}@student.roc-demo.nl",
                }
            )

    def _demo_followup(self, env, today):
        coordinator = env.ref("mbo_verzuim.user_coordinator_demo")
        slb = env.ref("mbo_verzuim.user_slb_demo")
        as_coordinator = env(
            user=coordinator, su=False, context={**env.context, "lang": coordinator.lang}
        )
        as_slb = env(user=slb, su=False, context={**env.context, "lang": slb.lang})

        def student(xmlid):
            return env.ref(f"mbo_verzuim.student_{xmlid}_demo")

        def signal(xmlid, code):
            return env["verzuim.signal"].search(
                [("student_id", "=", student(xmlid).id), ("rule_code", "=", code)],
                order="date_start",
                limit=1,
            )

        def before_today(day):
            return min(day, today)

        # Noah (ENT1A, 16): the SLB talked to him about his 10 hours and sent a warning letter.
        noah_10h = signal("ent1a_02", "unauthorized_10h")
        self._demo_intervention(
            as_slb,
            noah_10h,
            "slb_talk",
            before_today(noah_10h.date_end + timedelta(days=3)),
            "Noah komt op maandag en vrijdag vaak niet. Afgesproken: hij meldt zich elke "
            "maandag om 8.30 uur bij de SLB.",
        )
        self._demo_letter(
            as_slb, noah_10h, "warning_letter", before_today(noah_10h.date_end + timedelta(days=3))
        )

        # Luca (LOG2A, 16, dropout): a 16-hour report, registered, with feedback; then the
        # LRV report, which the leerplichtambtenaar is handling.
        luca_16h = signal("log2a_01", "legal_16h")
        self._demo_intervention(
            as_slb,
            luca_16h,
            "parents_informed",
            before_today(luca_16h.date_end + timedelta(days=1)),
            "Moeder gebeld: Luca blijft thuis, reden onbekend.",
        )
        report_16h = self._demo_file(
            as_coordinator,
            luca_16h,
            before_today(luca_16h.deadline),
            presumed_reason="Luca blijft thuis; thuis is onduidelijk waarom.",
        )
        self._demo_feedback(
            report_16h,
            before_today(report_16h.date_filed + timedelta(days=4)),
            "Melding ontvangen. De leerplichtambtenaar nodigt Luca en zijn ouders uit voor "
            "een gesprek.",
        )
        self._demo_letter(as_coordinator, report_16h, "report_letter", report_16h.date_filed)
        luca_lrv = signal("log2a_01", "lrv_4w")
        report_lrv = self._demo_file(
            as_coordinator,
            luca_lrv,
            before_today(luca_lrv.deadline),
            presumed_reason="Luca komt al vier weken niet; mogelijk problemen thuis.",
        )
        self._demo_feedback(
            report_lrv,
            before_today(report_lrv.date_filed + timedelta(days=5)),
            "Gesprek gevoerd met Luca en zijn ouders. De leerplichtambtenaar volgt de zaak "
            "samen met het wijkteam.",
            new_state="in_progress",
        )
        self._demo_letter(as_coordinator, report_lrv, "report_letter", report_lrv.date_filed)

        # Liam (ENT1A, 19, dropout): the RMC report, closed (he works now); the Melding
        # afwezigheid sent to DUO, with the student's copy.
        liam_contact = signal("ent1a_04", "duo_contact")
        self._demo_intervention(
            as_slb,
            liam_contact,
            "duo_procedure",
            before_today(liam_contact.date_end + timedelta(days=3)),
            "Liam gebeld en gemaild over de gevolgen voor zijn studiefinanciering.",
        )
        liam_rmc = signal("ent1a_04", "rmc_4w")
        report_rmc = self._demo_file(
            as_coordinator,
            liam_rmc,
            before_today(liam_rmc.deadline),
            presumed_reason="Liam werkt overdag, volgens klasgenoten.",
        )
        self._demo_letter(as_coordinator, report_rmc, "report_letter", report_rmc.date_filed)
        self._demo_feedback(
            report_rmc,
            before_today(report_rmc.date_filed + timedelta(days=6)),
            "RMC-trajectbegeleider heeft contact gehad met Liam.",
            source="rmc",
            new_state="in_progress",
        )
        self._demo_feedback(
            report_rmc,
            before_today(report_rmc.date_filed + timedelta(days=15)),
            "Liam werkt fulltime in de bouw en schrijft zich uit. Zaak gesloten.",
            source="rmc",
            new_state="closed",
            closing_reason="work",
        )
        liam_ma = signal("ent1a_04", "duo_ma")
        report_ma = self._demo_file(
            as_coordinator,
            liam_ma,
            before_today(liam_ma.deadline),
            ma_date_informed=before_today(liam_ma.date_end + timedelta(days=1)),
        )
        self._demo_letter(as_coordinator, report_ma, "ma_copy", report_ma.date_filed)

        # Finn (LOG2A, 21, dropout): his Melding afwezigheid is ready to be sent.
        finn_ma = signal("log2a_05", "duo_ma")
        finn_action = finn_ma.with_env(as_coordinator).action_create_melding()
        as_coordinator["verzuim.melding"].browse(finn_action["res_id"]).write(
            {"ma_date_informed": before_today(finn_ma.date_end + timedelta(days=1))}
        )

        # Emma (ENT1A, 15): a holiday without leave, the luxe report still a draft.
        emma_luxe = signal("ent1a_01", "luxe")
        emma_action = emma_luxe.with_env(as_coordinator).action_create_melding()
        as_coordinator["verzuim.melding"].browse(emma_action["res_id"]).write(
            {
                "presumed_reason": "Vakantie buiten de schoolvakantie, zonder verlof.",
                "municipality_action": "yes",
            }
        )

        # Luca's classmate (LOG2A, 17, late): a report by judgement the SLB drafted.
        late = student("log2a_02")
        as_slb["verzuim.melding"].create(
            {
                "melding_type": "overig",
                "overig_kind": "beginnend",
                "student_id": late.id,
                "date_start": today - timedelta(weeks=6),
                "presumed_reason": "Komt structureel te laat in het eerste uur.",
            }
        )

        # Mila (LOG2A, 19): handed over to the care team; Yara (LOG2A, 17, long sick): the
        # youth doctor.
        mila_10h = signal("log2a_04", "unauthorized_10h")
        self._demo_intervention(
            as_slb,
            mila_10h,
            "care_team",
            before_today(mila_10h.date_end + timedelta(days=4)),
            "Besproken in het BAT; de schoolmaatschappelijk werker neemt contact op.",
        )
        yara_sick = signal("log2a_06", "sick_long")
        self._demo_intervention(
            as_slb,
            yara_sick,
            "youth_doctor",
            before_today(yara_sick.date_end + timedelta(days=2)),
            "Aangemeld bij de jeugdarts (M@ZL).",
        )

    def _demo_intervention(self, env, signal, kind, day, notes):
        return env["verzuim.intervention"].create(
            {"signal_id": signal.id, "intervention_type": kind, "date": day, "notes": notes}
        )

    def _demo_file(self, env, signal, day, **vals):
        """The coordinator's report from a signal, completed and filed on ``day``."""
        action = signal.with_env(env).action_create_melding()
        melding = env["verzuim.melding"].browse(action["res_id"])
        prefix = "MA" if signal.rule_code == "duo_ma" else "VZL"
        melding.write(
            {
                "presumed_reason": vals.pop("presumed_reason", False) or melding.presumed_reason,
                "actions_taken": melding.actions_taken or "Gesprek met de student (SLB).",
                "municipality_action": "yes",
                "external_ref": f"{prefix}-{signal.id:06d}",
                **vals,
            }
        )
        melding.write({"state": "registered", "date_filed": day})
        return melding

    def _demo_feedback(self, melding, day, text, source="municipality", **vals):
        return melding.env["verzuim.melding.feedback"].create(
            {"melding_id": melding.id, "date": day, "source": source, "text": text, **vals}
        )

    def _demo_letter(self, env, record, letter, day):
        """A letter sent on paper: noted on the record, recorded as an intervention and on
        the student (as when it is sent by e-mail, without the PDF)."""
        record = record.with_env(env)
        record._verzuim_letter_check(letter)
        record.message_post(
            body=env._(
                "%(letter)s printed and sent by post.", letter=record._verzuim_letter_title(letter)
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        record._verzuim_letter_sent(letter, day=day)
