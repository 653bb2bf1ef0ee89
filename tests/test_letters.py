"""Issue 9, points 4 and 8: the letters and forms as PDF, what they say, who may print and
send them, and what sending one records.

The students read English here, except in TestDutchLetters (the Dutch texts come from
i18n/nl.po) and for DUO's form, which is always Dutch."""

import io
import re
from unittest.mock import patch

from lxml import html as lxml_html

from odoo import fields
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged
from odoo.tools.pdf import PdfReader

from ..models.verzuim_letters import LETTERS
from .evaluation_common import d
from .melding_common import VALID_BSN
from .melding_common import VALID_ONDERWIJSNUMMER
from .melding_common import MeldingCase

REPORTS = {
    "warning_letter": "mbo_verzuim.action_report_verzuim_warning_letter",
    "report_letter": "mbo_verzuim.action_report_verzuim_melding_letter",
    "ma_form": "mbo_verzuim.action_report_verzuim_duo_ma_form",
    "ma_copy": "mbo_verzuim.action_report_verzuim_duo_ma_copy",
    "overview": "mbo_verzuim.action_report_verzuim_overview",
}
HEALTH_WORDS = ("Ziek", "Sick", "Arts", "Doctor", "Zwanger", "Pregnan")


def text_of(content):
    """The text a reader sees in rendered HTML, whitespace collapsed (styles left out)."""
    tree = lxml_html.fromstring(content)
    for node in tree.xpath("//style|//script"):
        node.getparent().remove(node)
    for node in tree.iter("br"):
        node.tail = " " + (node.tail or "")
    return re.sub(r"\s+", " ", tree.text_content())


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content), strict=False)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


class LettersCase(MeldingCase):
    PREFIX = "LTR"
    LANG = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env["res.lang"]._activate_lang("nl_NL")
        for student, name in ((cls.young, "young"), (cls.adult, "adult")):
            student.partner_id.write(
                {
                    "lang": cls.LANG,
                    "email": f"{name}@student.example.com",
                    "street": "Schoolstraat 7",
                    "zip": "3011 AA",
                    "city": "Rotterdam",
                    "country_id": cls.env.ref("base.nl").id,
                }
            )
        cls.env.company.write({"city": "Rotterdam", "street": "Onderwijsplein 1"})

    def html(self, letter, records, user=None, data=None):
        report = self.env["ir.actions.report"].with_user(user or self.coordinator)
        content, kind = report.with_context(lang=self.LANG)._render_qweb_html(
            REPORTS[letter], records.ids, data=data
        )
        self.assertEqual(kind, "html")
        return text_of(content)

    def pdf(self, letter, records, user=None, data=None):
        report = self.env["ir.actions.report"].with_user(user or self.coordinator)
        content, kind = report.with_context(
            lang=self.LANG, force_report_rendering=True
        )._render_qweb_pdf(REPORTS[letter], records.ids, data=data)
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        return pdf_text(content)

    def filed(self, signal, **extra):
        melding = self.complete(self.melding_from(signal), **extra)
        melding.with_user(self.coordinator).action_file()
        return melding

    def melding_afwezigheid(self):
        melding = self.melding_from(self.duo_ma)
        melding.with_user(self.coordinator).write(
            {"ma_date_informed": d(11, 30), "external_ref": "MA-2026-0042"}
        )
        return melding

    def send(self, record, action_name, user):
        """Send a letter as the user does: the button's composer, then Send."""
        action = getattr(record.with_user(user), action_name)()
        composer = (
            self.env["mail.compose.message"]
            .with_user(user)
            .with_context(**action["context"], force_report_rendering=True)
            .create({})
        )
        composer._action_send_mail()
        return record.message_ids.filtered(lambda m: m.message_type == "comment")[:1]


@tagged("post_install", "-at_install")
class TestWarningLetter(LettersCase):
    def test_the_letter_lists_the_unauthorized_absences(self):
        text = self.html("warning_letter", self.legal)
        young = self.young.name
        # The student's letter: to the student, the lessons missed, the total.
        self.assertIn(f"{young} Schoolstraat 7 3011 AA Rotterdam", text)
        self.assertIn("Warning: you missed lessons without a valid reason", text)
        self.assertIn(f"Dear {self.young.first_name},", text)
        self.assertIn("These are the lessons you missed:", text)
        for day in ("Mon 5 Oct 2026", "Tue 6 Oct 2026", "Wed 7 Oct 2026", "Thu 8 Oct 2026"):
            self.assertIn(day, text)
        self.assertNotIn("Fri 9 Oct 2026", text)  # after the signal's last day
        self.assertIn("LTR Nederlands 08:30–10:30", text)
        self.assertIn("LTR Nederlands 10:45–12:45", text)
        self.assertIn("Absent 2:00 No reason given", text)
        self.assertIn("Total (hours:minutes) 16:00", text)
        self.assertIn("the school must report this to the municipality. That is the law.", text)
        self.assertIn(self.slb_user.name, text)
        self.assertIn(f"Kind regards, {self.coordinator.name}", text)
        # The student is 16: a second letter, to the parents, with the same absences.
        self.assertIn("Your parents or guardians also receive a letter about this.", text)
        self.assertIn(f"The parents or guardians of {young} Schoolstraat 7", text)
        self.assertIn("Dear parent(s) or guardian(s),", text)
        self.assertIn(f"This letter is about your child: {young}", text)
        self.assertIn("These are the lessons your child missed:", text)
        self.assertEqual(text.count("Total (hours:minutes) 16:00"), 2)
        self.assertNotIn(VALID_BSN, text)

    def test_an_adult_gets_no_letter_for_the_parents(self):
        text = self.html("warning_letter", self.pedagogical)
        self.assertIn(f"Dear {self.adult.first_name},", text)
        self.assertNotIn("parents or guardians", text)
        # A pedagogical signal: the school may have to report it, not must.
        self.assertIn("the school may have to report this to the municipality.", text)

    def test_no_health_reason_even_with_a_sick_notice(self):
        # The student was reported sick on the Tuesday of the absences behind the signal:
        # those lessons are authorized now, and are left out without a reason named.
        self.sick_notice_on(self.young, d(10, 6))
        self.assertEqual(self.legal.line_ids.mapped("verzuim_category").count("authorized"), 2)
        for text in (
            self.html("warning_letter", self.legal),
            self.pdf("warning_letter", self.legal),
        ):
            for word in (*HEALTH_WORDS, "Authorized", "6 Oct 2026", VALID_BSN):
                self.assertNotIn(word, text)
            self.assertIn("12:00", text)
            self.assertIn("Dear parent(s) or guardian(s)", text)

    def test_the_pdf_holds_both_letters(self):
        text = self.pdf("warning_letter", self.legal)
        self.assertIn(self.young.name, text)
        self.assertIn("Warning: you missed lessons without a valid reason", text)
        self.assertIn("Warning: your child missed lessons without a valid reason", text)
        self.assertIn("Mon 5 Oct 2026", text)
        self.assertIn("16:00", text)

    def test_only_after_unauthorized_hours_or_a_legal_signal(self):
        with self.assertRaises(UserError):
            self.html("warning_letter", self.duo_ma)
        self.assertFalse(self.duo_ma._verzuim_warns())
        self.assertTrue(self.legal._verzuim_warns())
        self.assertTrue(self.pedagogical._verzuim_warns())

    def test_the_slb_prints_it_for_own_students_only(self):
        self.assertIn(self.young.name, self.html("warning_letter", self.legal, user=self.slb_user))
        for user in (self.other_slb, self.frontoffice, self.management):
            with self.assertRaises(AccessError):
                self.html("warning_letter", self.legal, user=user)
        report = self.env.ref(REPORTS["warning_letter"])
        self.assertEqual(
            report.groups_id,
            self.env.ref("mbo_verzuim.group_slb") | self.env.ref("mbo_verzuim.group_coordinator"),
        )

    def test_sending_records_an_intervention_with_the_pdf(self):
        message = self.send(self.legal, "action_verzuim_warning_letter", self.slb_user)
        self.assertEqual(message.partner_ids, self.young.partner_id)
        attachment = message.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.endswith(".pdf"), attachment.name)
        self.assertIn(self.young.name, attachment.name)
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        self.assertIn("Warning: you missed lessons", pdf_text(attachment.raw))
        self.assertIn("A letter about your absence from school", message.subject)
        intervention = self.Intervention.search([("signal_id", "=", self.legal.id)])
        self.assertRecordValues(
            intervention,
            [
                {
                    "intervention_type": "warning_letter",
                    "student_id": self.young.id,
                    "user_id": self.slb_user.id,
                    "date": fields.Date.context_today(intervention),
                }
            ],
        )
        self.assertIn(self.young.name, intervention.notes)
        self.assertIn("parents or guardians", intervention.notes)
        self.assertEqual(self.legal.state, "in_progress")
        note = self.young.message_ids.filtered(lambda m: "Letter about absence" in m.body)
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.slb_user.partner_id)
        # The note does not say which letter: everyone who reads the student reads it.
        self.assertNotIn("Warning", note.body)

    def test_parents_known_in_openeducat_parent_get_their_own_letter(self):
        parent = self.env["res.partner"].create(
            {
                "name": "LTR Parent",
                "email": "parent@example.com",
                "street": "Ouderlaan 3",
                "zip": "3012 BB",
                "city": "Rotterdam",
                "country_id": self.env.ref("base.nl").id,
                "lang": "en_US",
            }
        )
        Signal = type(self.env["verzuim.signal"])
        with patch.object(Signal, "_verzuim_parents", lambda self: parent):
            text = self.html("warning_letter", self.legal)
            self.assertIn("LTR Parent Ouderlaan 3 3012 BB Rotterdam", text)
            self.assertNotIn("The parents or guardians of", text)
            self.assertEqual(
                self.legal._verzuim_letter_recipients("warning_letter"),
                self.young.partner_id | parent,
            )
            message = self.send(self.legal, "action_verzuim_warning_letter", self.coordinator)
            self.assertEqual(message.partner_ids, self.young.partner_id | parent)

    def test_without_recorded_parents_the_letter_goes_to_the_student(self):
        self.assertFalse(self.young.parent_ids)
        self.assertFalse(self.legal._verzuim_parents())
        self.assertEqual(
            self.legal._verzuim_letter_partner_to("warning_letter"), str(self.young.partner_id.id)
        )


@tagged("post_install", "-at_install")
class TestReportLetter(LettersCase):
    def test_the_letter_says_what_was_reported_and_what_happens_next(self):
        melding = self.filed(self.legal)
        text = self.html("report_letter", melding)
        self.assertIn("We have reported your absence", text)
        self.assertIn("We have done so at DUO's verzuimloket.", text)
        self.assertIn("Type of report 16 hours in 4 weeks", text)
        self.assertIn("First day of absence 5 October 2026", text)
        self.assertIn("Last day of absence 8 October 2026", text)
        self.assertIn("Time missed (hours:minutes) 16:00", text)
        self.assertIn("Days with absence 4", text)
        filed_on = melding.date_filed
        self.assertIn(f"Reported on {filed_on.day} {filed_on:%B %Y}", text)
        self.assertIn(
            "The school attendance officer (leerplichtambtenaar) of your municipality", text
        )
        self.assertIn(melding.reporter_email, text)
        # The parents of a 16-year-old get their own letter.
        self.assertIn("We have reported the absence of your child", text)
        self.assertIn("will contact you and your child", text)
        self.assertNotIn(VALID_BSN, text)
        pdf = self.pdf("report_letter", melding)
        self.assertIn("16:00", pdf)
        self.assertIn("We have reported the absence of your child", pdf)

    def test_an_rmc_report_names_the_rmc(self):
        rmc = self.env["verzuim.signal"].search(
            [("student_id", "=", self.adult.id), ("rule_code", "=", "rmc_4w")]
        )
        melding = self.filed(rmc)
        text = self.html("report_letter", melding)
        self.assertIn("The RMC (Regionaal Meld- en Coördinatiepunt) of your region", text)
        self.assertNotIn("leerplichtambtenaar", text)
        self.assertNotIn("parents or guardians", text)
        self.assertNotIn(VALID_ONDERWIJSNUMMER, text)

    def test_only_for_a_filed_report_to_the_verzuimloket(self):
        draft = self.complete(self.melding_from(self.legal))
        with self.assertRaises(UserError):
            self.html("report_letter", draft)
        ma = self.melding_afwezigheid()
        ma.with_user(self.coordinator).action_file()
        with self.assertRaises(UserError):
            self.html("report_letter", ma)

    def test_sending_records_a_letter_intervention_on_the_report(self):
        melding = self.filed(self.legal)
        message = self.send(melding, "action_verzuim_report_letter", self.coordinator)
        self.assertTrue(message.attachment_ids.raw.startswith(b"%PDF"))
        self.assertEqual(message.partner_ids, self.young.partner_id)
        intervention = self.Intervention.search([("melding_id", "=", melding.id)])
        self.assertEqual(intervention.intervention_type, "report_letter")
        self.assertEqual(intervention.student_id, self.young)


@tagged("post_install", "-at_install")
class TestMeldingAfwezigheid(LettersCase):
    def test_the_students_copy_has_no_personal_number_and_states_the_consequences(self):
        ma = self.melding_afwezigheid()
        ma.with_user(self.coordinator).action_file()
        for text in (self.html("ma_copy", ma), self.pdf("ma_copy", ma)):
            for word in (VALID_ONDERWIJSNUMMER, "BSN", "parents"):
                self.assertNotIn(word, text)
            self.assertIn(self.adult.name, text)
            self.assertIn("First day of absence 5 October 2026", text)
            self.assertIn("What does this mean for your student finance?", text)
            self.assertIn("DUO can then stop your student finance", text)
            self.assertIn("Then you can object to it at DUO (bezwaar maken).", text)
            self.assertIn("You must object within 6 weeks after the date of DUO's decision.", text)
        text = self.html("ma_copy", ma)
        self.assertIn("You were informed on 30 November 2026", text)
        self.assertIn(f"Sent to DUO on {ma.date_filed.day} {ma.date_filed:%B %Y}", text)

    def test_the_copy_only_once_the_form_was_sent(self):
        with self.assertRaises(UserError):
            self.html("ma_copy", self.melding_afwezigheid())

    def test_sending_the_copy_records_it(self):
        ma = self.melding_afwezigheid()
        ma.with_user(self.coordinator).action_file()
        message = self.send(ma, "action_verzuim_duo_ma_copy", self.coordinator)
        self.assertEqual(message.partner_ids, self.adult.partner_id)
        attachment = message.attachment_ids
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        self.assertNotIn(VALID_ONDERWIJSNUMMER, pdf_text(attachment.raw))
        intervention = self.Intervention.search([("melding_id", "=", ma.id)])
        self.assertEqual(intervention.intervention_type, "report_letter")
        self.assertIn("Student's copy", intervention.notes)

    def test_the_slb_prints_no_report_to_duo(self):
        ma = self.melding_afwezigheid()
        ma.with_user(self.coordinator).action_file()
        melding = self.filed(self.legal)
        coordinator = self.env.ref("mbo_verzuim.group_coordinator")
        for letter, record in (
            ("report_letter", melding),
            ("ma_form", ma),
            ("ma_copy", ma),
        ):
            self.assertEqual(self.env.ref(REPORTS[letter]).groups_id, coordinator, letter)
            self.assertEqual(LETTERS[letter]["groups"], "mbo_verzuim.group_coordinator")
            # The SLB reads these reports (own students) but prints none of them.
            self.assertTrue(record.with_user(self.slb_user).has_access("read"))
            with self.assertRaises(AccessError):
                self.html(letter, record, user=self.slb_user)
        with self.assertRaises(AccessError):
            ma.with_user(self.slb_user).action_verzuim_duo_ma_form()
        with self.assertRaises(AccessError):
            ma.with_user(self.slb_user).action_verzuim_duo_ma_copy()
        with self.assertRaises(AccessError):
            melding.with_user(self.slb_user).action_verzuim_report_letter()

    def test_the_form_button_prints_it(self):
        action = self.melding_afwezigheid().with_user(self.coordinator).action_verzuim_duo_ma_form()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "mbo_verzuim.report_verzuim_duo_ma_form")


@tagged("post_install", "-at_install")
class TestOverview(LettersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Friday 9 October: sick (authorized, a health reason).
        cls.sick_notice_on(cls.young, d(10, 9))
        cls.Intervention.with_user(cls.slb_user).create(
            {"signal_id": cls.legal.id, "intervention_type": "slb_talk", "date": d(10, 12)}
        )
        cls.period = {"date_from": "2026-10-01", "date_to": "2026-10-31"}

    def test_every_registration_by_category_with_totals(self):
        melding = self.filed(self.legal)
        text = self.html("overview", self.young, data=self.period)
        self.assertIn("Absence overview", text)
        self.assertIn(f"Student {self.young.name}", text)
        self.assertIn(f"Study career coach (SLB) {self.slb_user.name}", text)
        self.assertIn("Period 1 October 2026 – 31 October 2026", text)
        # 4 days unauthorized (16 h), Friday sick (4 h): the coordinator sees the reason.
        self.assertIn("Unauthorized 8 16:00", text)
        self.assertIn("Authorized 2 4:00", text)
        self.assertIn("Total 10 20:00", text)
        self.assertIn("Fri 9 Oct 2026", text)
        self.assertIn("Sick", text)
        self.assertIn("16 hours in 4 weeks", text)  # the report
        self.assertIn("SLB talk", text)
        self.assertIn("Registered", text)
        self.assertIn(melding.date_filed.strftime("%m/%d/%Y"), text)
        self.assertNotIn(VALID_BSN, text)

    def test_the_own_slb_sees_health_unless_left_out(self):
        text = self.html("overview", self.young, user=self.slb_user, data=self.period)
        self.assertIn("Sick", text)
        hidden = self.html(
            "overview", self.young, user=self.slb_user, data={**self.period, "hide_health": True}
        )
        for word in HEALTH_WORDS:
            self.assertNotIn(word, hidden)
        self.assertIn("Authorized absence", hidden)
        self.assertIn("Health information is left out", hidden)

    def test_another_slb_the_frontoffice_and_management_print_none(self):
        for user in (self.other_slb, self.frontoffice, self.management):
            with self.assertRaises(AccessError):
                self.html("overview", self.young, user=user, data=self.period)

    def test_a_period_without_absence(self):
        text = self.html(
            "overview", self.young, data={"date_from": "2027-01-01", "date_to": "2027-01-31"}
        )
        self.assertIn("Total 0 0:00", text)
        self.assertIn("No registrations in this period.", text)
        self.assertIn("No signals in this period.", text)

    def test_the_default_period_is_this_school_year(self):
        text = self.html("overview", self.young)
        today = fields.Date.context_today(self.young)
        first = today.year if today.month >= 8 else today.year - 1
        self.assertIn(f"1 August {first} – 31 July {first + 1}", text)

    def test_the_wizard_prints_the_period(self):
        action = self.young.with_user(self.slb_user).action_verzuim_overview()
        wizard_form = Form(
            self.env["verzuim.overview.wizard"]
            .with_user(self.slb_user)
            .with_context(**action["context"])
        )
        today = fields.Date.context_today(self.young)
        first = today.year if today.month >= 8 else today.year - 1
        self.assertEqual(wizard_form.date_from, d(8, 1).replace(year=first))
        wizard_form.date_from = d(10, 1)
        wizard_form.date_to = d(10, 31)
        report_action = wizard_form.save().action_print()
        self.assertEqual(report_action["report_name"], "mbo_verzuim.report_verzuim_overview")
        self.assertEqual(report_action["data"]["date_from"], "2026-10-01")
        self.assertEqual(report_action["context"]["active_ids"], self.young.ids)
        text = self.pdf("overview", self.young, user=self.slb_user, data=report_action["data"])
        self.assertIn(self.young.name, text)
        self.assertIn("20:00", text)

    def test_a_period_that_ends_before_it_starts_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["verzuim.overview.wizard"].create(
                {"student_ids": self.young.ids, "date_from": d(10, 31), "date_to": d(10, 1)}
            )


@tagged("post_install", "-at_install")
class TestDutchLetters(LettersCase):
    """A Dutch recipient reads Dutch: "je" to the student, "u" to the parents."""

    LANG = "nl_NL"

    def test_the_warning_letters_in_dutch(self):
        text = self.html("warning_letter", self.legal)
        self.assertIn("Waarschuwing: je hebt lessen gemist zonder geldige reden", text)
        self.assertIn(f"Beste {self.young.first_name},", text)
        self.assertIn("Dit zijn de lessen die je hebt gemist:", text)
        self.assertIn("ma 5 okt. 2026", text)
        self.assertIn("Afwezig 2:00 Geen reden opgegeven", text)
        self.assertIn("Totaal (uren:minuten) 16:00", text)
        self.assertIn("Met vriendelijke groet,", text)
        self.assertIn(f"De ouders of verzorgers van {self.young.name}", text)
        self.assertIn("Geachte ouder(s) of verzorger(s),", text)
        self.assertIn("Dit zijn de lessen die uw kind heeft gemist:", text)
        self.assertIn(
            "Waarschuwing: uw kind heeft lessen gemist", self.pdf("warning_letter", self.legal)
        )

    def test_the_report_letter_in_dutch(self):
        text = self.html("report_letter", self.filed(self.legal))
        self.assertIn("Wij hebben je verzuim gemeld", text)
        self.assertIn("Soort melding 16 uur in 4 weken", text)
        self.assertIn("Eerste dag van afwezigheid 5 oktober 2026", text)
        self.assertIn("De leerplichtambtenaar van je gemeente krijgt deze melding.", text)
        self.assertIn("Wij hebben het verzuim van uw kind gemeld", text)

    def test_the_students_copy_in_dutch(self):
        ma = self.melding_afwezigheid()
        ma.with_user(self.coordinator).action_file()
        for text in (self.html("ma_copy", ma), self.pdf("ma_copy", ma)):
            self.assertIn("Wat betekent dit voor je studiefinanciering?", text)
            self.assertIn("DUO kan dan je studiefinanciering en je studentenreisproduct", text)
            self.assertIn("Dan kun je bezwaar maken bij DUO.", text)
            self.assertIn("Dat moet binnen 6 weken na de datum van de beslissing van DUO.", text)
            self.assertNotIn(VALID_ONDERWIJSNUMMER, text)

    def test_the_overview_in_dutch(self):
        text = self.html(
            "overview", self.young, data={"date_from": "2026-10-01", "date_to": "2026-10-31"}
        )
        self.assertIn("Verzuimoverzicht", text)
        self.assertIn("Periode 1 oktober 2026 – 31 oktober 2026", text)
        self.assertIn("Ongeoorloofd 10 20:00", text)
        self.assertIn("Geen interventies in deze periode.", text)

    def test_the_mail_is_in_the_students_language(self):
        message = self.send(self.legal, "action_verzuim_warning_letter", self.slb_user)
        self.assertEqual(message.subject, "Een brief over je verzuim")
        self.assertIn("In de bijlage vind je een brief van school over je verzuim.", message.body)

    def test_the_form_holds_duos_fields_with_the_personal_number(self):
        ma = self.melding_afwezigheid()
        text = self.html("ma_form", ma)
        # DUO's form is in Dutch, whoever prints it.
        self.assertIn("Melding afwezigheid", text)
        self.assertIn(f"Naam {self.adult.name}", text)
        self.assertIn(f"BSN of onderwijsnummer {VALID_ONDERWIJSNUMMER}", text)
        self.assertIn(f"Opleiding {self.course.name}", text)
        self.assertIn("Niveau Niveau 2", text)
        self.assertIn("BOL (beroepsopleidende leerweg) Ja", text)
        self.assertIn("Voltijd Ja", text)
        self.assertEqual(ma.date_start, d(10, 5))
        self.assertIn("Eerste dag van afwezigheid 5 oktober 2026", text)
        self.assertIn("Geldige reden opgegeven Nee", text)
        self.assertIn("Datum terug op school Nog niet terug", text)
        self.assertIn("Datum waarop de student is geïnformeerd 30 november 2026", text)
        self.assertIn(f"Gemeld door {self.coordinator.name}", text)
        self.assertIn("Kenmerk DUO MA-2026-0042", text)
        self.assertIn(VALID_ONDERWIJSNUMMER, self.pdf("ma_form", ma))
        english, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            .with_context(lang="en_US")
            ._render_qweb_html(REPORTS["ma_form"], ma.ids)
        )
        self.assertIn("BSN of onderwijsnummer", text_of(english))

    def test_the_form_has_the_return_date_once_known(self):
        ma = self.melding_afwezigheid()
        ma.with_user(self.coordinator).date_end = d(12, 7)
        self.assertIn("Datum terug op school 7 december 2026", self.html("ma_form", ma))
