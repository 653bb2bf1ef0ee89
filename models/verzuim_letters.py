"""Letters about a student's absence (issue 9, point 4): who may print and send them, who gets
them, in which language, what they list, and what sending one records.

The letters are QWeb PDF reports (reports/): the warning letter on a signal, the letter that
a report was filed with the verzuimloket, DUO's form "Melding afwezigheid" and the student's
copy of it on a report to DUO, and the absence overview on a student. Mail templates
(data/verzuim_mail_template_data.xml) send the warning letter, the report letter and the
student's copy with the PDF attached; each sending is recorded as an intervention and noted in
the student's chatter.

Parents. OpenEduCat keeps parents in ``openeducat_parent`` (``op.parent``: a partner linked
to one or more students), which the module depends on since the family portal (issue 13).
When the student has active parents, a letter for the parents is addressed to them (their
names, the first address among them, their language) and e-mailed to them; otherwise it is
addressed to "the parents or guardians of <student>" at the student's own address and goes
with the student's letter.
"""

import functools
import subprocess
from datetime import datetime

import pytz

from odoo import fields
from odoo import models
from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin
from odoo.exceptions import AccessError

from ..engine.obligation import age_on
from ..engine.school_time import SCHOOL_TZ

COORDINATOR = "mbo_verzuim.group_coordinator"
SLB_OR_COORDINATOR = "mbo_verzuim.group_slb,mbo_verzuim.group_coordinator"
ADULT_AGE = 18
# The signals a warning letter follows: the pedagogical 10 hours and every legal signal.
WARNING_RULE_CODES = ("unauthorized_10h",)
WARNING_RULE_CATEGORIES = ("legal",)
# The report types of a letter "reported to the verzuimloket"; duo_ma has its own form.
VERZUIMLOKET_TYPES = ("16h", "lrv", "rmc", "luxe", "overig")
FILED_STATES = ("registered", "in_progress", "closed", "acknowledged")
LETTERS = {
    "warning_letter": {
        "model": "verzuim.signal",
        "report": "mbo_verzuim.action_report_verzuim_warning_letter",
        "template": "mbo_verzuim.mail_template_verzuim_warning_letter",
        "intervention": "warning_letter",
        "groups": SLB_OR_COORDINATOR,
        "parents": True,
    },
    "report_letter": {
        "model": "verzuim.melding",
        "report": "mbo_verzuim.action_report_verzuim_melding_letter",
        "template": "mbo_verzuim.mail_template_verzuim_melding_letter",
        "intervention": "report_letter",
        "groups": COORDINATOR,
        "parents": True,
    },
    "ma_form": {
        "model": "verzuim.melding",
        "report": "mbo_verzuim.action_report_verzuim_duo_ma_form",
        "groups": COORDINATOR,
        "parents": False,
    },
    "ma_copy": {
        "model": "verzuim.melding",
        "report": "mbo_verzuim.action_report_verzuim_duo_ma_copy",
        "template": "mbo_verzuim.mail_template_verzuim_duo_ma_copy",
        "intervention": "report_letter",
        "groups": COORDINATOR,
        "parents": False,
    },
}


@functools.cache
def wkhtmltopdf_patched():
    """Whether wkhtmltopdf is the build against wkhtmltopdf's patched Qt. Only that build
    prints Odoo's page header and footer (the letterhead) and several documents in one run;
    Debian's package does neither. With another build the letters carry the letterhead in
    their body and print one document per record (see reports/verzuim_letter_common.xml)."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return b"patched qt" in version.lower()


def lesson_label(session):
    """'Nederlands 08:30–10:30' in the school's time zone."""
    if not session:
        return ""
    tz = pytz.timezone(SCHOOL_TZ)
    times = [
        pytz.utc.localize(moment).astimezone(tz).strftime("%H:%M")
        for moment in (session.start_datetime, session.end_datetime)
        if moment
    ]
    return " ".join(filter(None, [session.subject_id.name or session.name, "–".join(times)]))


def duration_label(minutes):
    """Minutes as hours and minutes: 130 -> '2:10'."""
    minutes = round(minutes or 0)
    return f"{minutes // 60}:{minutes % 60:02d}"


def registration_rows(env, lines, show_health):
    """The registrations as a letter or overview lists them, in ``env``'s language: date,
    lesson, status, minutes missed and the reason. An authorized reason is named only when
    ``show_health`` (the reader may see health reasons); otherwise it reads "Authorized
    absence", as for a teacher (naming the other authorized reasons would single out health).
    The default reason "unknown" reads "No reason given".
    Read as superuser: the caller decided what may be listed."""
    statuses = dict(env["op.attendance.line"]._fields["verzuim_status"]._description_selection(env))
    lines = lines.sudo().with_context(lang=env.lang)
    rows = []
    for line in lines.sorted(
        lambda ln: (
            ln.verzuim_lesson_date,
            ln.verzuim_session_id.start_datetime or datetime.min,
            ln.id,
        )
    ):
        reason = line.verzuim_reason_id
        if reason.category == "authorized" and not show_health:
            label = env._("Authorized absence")
        elif line.verzuim_is_unknown:
            label = env._("No reason given")
        else:
            label = reason.name or ""
        rows.append(
            {
                "date": line.verzuim_lesson_date,
                "lesson": lesson_label(line.verzuim_session_id),
                "status": statuses.get(line.verzuim_status, ""),
                "category": line.verzuim_category,
                "minutes": line.verzuim_minutes,
                "hours": line.verzuim_minutes / 60.0,
                "time": duration_label(line.verzuim_minutes),
                "reason": label,
            }
        )
    return rows


class VerzuimLetterMixin(models.AbstractModel):
    """What the letters share; the records have a ``student_id`` and a ``company_id``."""

    _name = "verzuim.letter.mixin"
    _description = "Letters about a Student's Absence"

    # --- who may print and send -----------------------------------------------------------

    def _verzuim_letter_check(self, letter):
        """Refuse a letter the user may not print, or one that does not fit the record."""
        spec = LETTERS[letter]
        if not self.env.su and not any(
            self.env.user.has_group(group) for group in spec["groups"].split(",")
        ):
            raise AccessError(
                self.env._(
                    "You may not print or send this letter: %(letter)s.",
                    letter=self._verzuim_letter_title(letter),
                )
            )
        self.check_access("read")
        for record in self:
            record._verzuim_letter_check_record(letter)

    def _verzuim_letter_check_record(self, letter):
        """Whether this letter fits this record (see the models)."""

    def _verzuim_letter_title(self, letter):
        return {
            "warning_letter": self.env._("Warning letter"),
            "report_letter": self.env._("Letter: report filed"),
            "ma_form": self.env._("Form Melding afwezigheid"),
            "ma_copy": self.env._("Student's copy: Melding afwezigheid"),
        }[letter]

    def _verzuim_letter_filename(self, letter):
        """The PDF's name: the letter and the student (print_report_name)."""
        self.ensure_one()
        return f"{self._verzuim_letter_title(letter)} - {self.sudo().student_id.name}"

    # --- who gets the letter, in which language -------------------------------------------

    def _verzuim_student_is_minor(self):
        """Under 18 today. Without a birth date the school cannot tell: no parent letter."""
        self.ensure_one()
        birth = self.sudo().student_id.birth_date
        age = age_on(birth, fields.Date.context_today(self)) if birth else None
        return age is not None and age < ADULT_AGE

    def _verzuim_letter_to_parents(self, letter):
        self.ensure_one()
        return LETTERS[letter]["parents"] and self._verzuim_student_is_minor()

    def _verzuim_parents(self):
        """The student's parents as partners, from ``openeducat_parent`` when a school
        installed it (see the module docstring); no partners otherwise."""
        self.ensure_one()
        student = self.sudo().student_id
        if "op.parent" not in self.env or "parent_ids" not in student._fields:
            return self.env["res.partner"].sudo()
        return student.parent_ids.filtered("active").name

    def _verzuim_default_lang(self):
        company = self.sudo().company_id or self.env.company
        return company.partner_id.lang or self.env.lang or "en_US"

    def _verzuim_student_addressee(self):
        """The student's partner and language."""
        self.ensure_one()
        partner = self.sudo().student_id.partner_id
        return {"partner": partner, "lang": partner.lang or self._verzuim_default_lang()}

    def _verzuim_parents_addressee(self):
        """The parents' letter: their partners (none without ``openeducat_parent``), the
        address it goes to (the first parent with an address, or the student's) and its
        language (the first parent's, or the student's)."""
        self.ensure_one()
        parents = self._verzuim_parents()
        student = self._verzuim_student_addressee()
        with_address = parents.filtered(lambda p: p.street or p.city)[:1]
        return {
            "parents": parents,
            "address": with_address or student["partner"],
            "lang": parents[:1].lang or student["lang"],
        }

    def _verzuim_letter_recipients(self, letter):
        """Who the e-mail goes to: the student, and the parents when they get a letter."""
        self.ensure_one()
        partners = self.sudo().student_id.partner_id
        if self._verzuim_letter_to_parents(letter):
            partners |= self._verzuim_parents()
        return partners

    def _verzuim_letter_partner_to(self, letter):
        """The mail template's recipients (partner_to)."""
        return ",".join(str(pid) for pid in self._verzuim_letter_recipients(letter).ids)

    # --- contents shared by the letters ---------------------------------------------------

    def _verzuim_contact(self):
        """The student's SLB: name, e-mail and phone for the letter."""
        self.ensure_one()
        slb = self.sudo().student_id.verzuim_slb_id
        return {
            "name": slb.name or "",
            "email": slb.email or "",
            "phone": slb.partner_id.phone or slb.partner_id.mobile or "",
        }

    def _verzuim_salutation(self):
        """'Dear Emma,': the student's first name, in this record's language."""
        self.ensure_one()
        student = self.sudo().student_id
        return self.env._("Dear %(name)s,", name=student.first_name or student.name)

    # --- sending --------------------------------------------------------------------------

    def _verzuim_letter_compose(self, letter):
        """The mail composer with the letter's template: the PDF is attached, the recipients
        and the language are the template's. Sending it records the intervention
        (``_verzuim_letter_sent``, through ``message_post``)."""
        self.ensure_one()
        self._verzuim_letter_check(letter)
        template = self.env.ref(LETTERS[letter]["template"])
        return {
            "type": "ir.actions.act_window",
            "name": self._verzuim_letter_title(letter),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "force_email": True,
                "verzuim_letter": letter,
            },
        }

    def _verzuim_letter_posted(self, message):
        """After ``message_post``: a message sent with a letter's template (the composer
        carries the letter in its context) records the sending."""
        letter = self.env.context.get("verzuim_letter")
        spec = LETTERS.get(letter or "")
        if spec and spec["model"] == self._name and "template" in spec and message:
            self.with_context(verzuim_letter=False)._verzuim_letter_sent(letter, message)

    def _verzuim_letter_sent(self, letter, message=None, day=None):
        """Record that the letter was sent, by e-mail (``message``: the message the mail
        template posted) or on paper: an intervention of the letter's type on the signal or
        report, and a note in the student's chatter. The note does not name the letter:
        everyone who reads the student reads it, and a report to DUO is not theirs to know
        of; the intervention (SLB and coordinator) says which letter it was."""
        spec = LETTERS[letter]
        Intervention = self.env["verzuim.intervention"]
        for record in self:
            title = record._verzuim_letter_title(letter)
            to_parents = record._verzuim_letter_to_parents(letter)
            parents = record._verzuim_parents()
            if message:
                names = ", ".join(message.partner_ids.sudo().mapped("name"))
                notes = self.env._(
                    "%(letter)s sent by e-mail to: %(recipients)s.", letter=title, recipients=names
                )
                if to_parents and not parents:
                    notes += " " + self.env._(
                        "With a letter for the parents or guardians at the student's address."
                    )
            else:
                addressees = [record.sudo().student_id.name]
                if to_parents:
                    addressees += parents.mapped("name") or [self.env._("the parents or guardians")]
                names = ", ".join(addressees)
                notes = self.env._(
                    "%(letter)s printed and sent by post to: %(recipients)s.",
                    letter=title,
                    recipients=names,
                )
            link = "melding_id" if record._name == "verzuim.melding" else "signal_id"
            Intervention.create(
                {
                    "intervention_type": spec["intervention"],
                    link: record.id,
                    "student_id": record.student_id.id,
                    "date": day or fields.Date.context_today(self),
                    "notes": notes,
                }
            )
            record.sudo().student_id.message_post(
                body=self.env._("Letter about absence sent to: %(recipients)s.", recipients=names),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )
