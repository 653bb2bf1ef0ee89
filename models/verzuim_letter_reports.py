"""The values of the letters and forms (reports/): each checks, on the server, that the user may
print it for these records (the report actions' groups only hide the menu entries), then hands
the records to the templates. The templates render each letter in its recipient's language
(``t-lang``) and read the rest from the records in that language."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.tools.misc import format_date

from .verzuim_letters import duration_label
from .verzuim_letters import registration_rows
from .verzuim_letters import wkhtmltopdf_patched


def layout_values(data):
    """What every letter needs besides its records: the durations, and whether the letterhead
    goes in the body (a PDF from a wkhtmltopdf that prints no page header), with the top
    margin the page header would otherwise take."""
    in_body = (data or {}).get("report_type") == "pdf" and not wkhtmltopdf_patched()
    return {
        "duration": duration_label,
        "letterhead_in_body": in_body,
        "data_report_margin_top": 12 if in_body else None,
    }


HEALTH_RULES = ("sick_long", "sick_frequent")
HEALTH_INTERVENTIONS = ("youth_doctor",)


class VerzuimLetterReport(models.AbstractModel):
    _name = "verzuim.letter.report"
    _description = "Letter about Absence: Values"

    _letter = None
    _model = None

    @api.model
    def _get_report_values(self, docids, data=None):
        records = self.env[self._model].browse(docids)
        records._verzuim_letter_check(self._letter)
        return {
            "doc_ids": docids,
            "doc_model": self._model,
            "docs": records,
            "today": fields.Date.context_today(self),
            **layout_values(data),
        }


class ReportWarningLetter(models.AbstractModel):
    _name = "report.mbo_verzuim.report_verzuim_warning_letter"
    _inherit = "verzuim.letter.report"
    _description = "Warning Letter: Values"
    _letter = "warning_letter"
    _model = "verzuim.signal"


class ReportMeldingLetter(models.AbstractModel):
    _name = "report.mbo_verzuim.report_verzuim_melding_letter"
    _inherit = "verzuim.letter.report"
    _description = "Letter Report Filed: Values"
    _letter = "report_letter"
    _model = "verzuim.melding"


class ReportDuoMaForm(models.AbstractModel):
    _name = "report.mbo_verzuim.report_verzuim_duo_ma_form"
    _inherit = "verzuim.letter.report"
    _description = "Form Melding Afwezigheid: Values"
    _letter = "ma_form"
    _model = "verzuim.melding"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        # DUO's form is in Dutch, whoever prints it (English where Dutch is not installed).
        dutch = self.env["res.lang"]._lang_get("nl_NL")
        values["form_lang"] = "nl_NL" if dutch else self.env.lang
        return values


class ReportDuoMaCopy(models.AbstractModel):
    _name = "report.mbo_verzuim.report_verzuim_duo_ma_copy"
    _inherit = "verzuim.letter.report"
    _description = "Student's Copy of the Melding Afwezigheid: Values"
    _letter = "ma_copy"
    _model = "verzuim.melding"


class ReportVerzuimOverview(models.AbstractModel):
    """The absence overview of students over a period (default: this school year)."""

    _name = "report.mbo_verzuim.report_verzuim_overview"
    _description = "Absence Overview: Values"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        students = self.env["op.student"].browse(docids)
        self._check_may_print(students)
        today = fields.Date.context_today(self)
        first, last = self.env["verzuim.holiday"]._school_years(today, 1)[0]
        date_from = fields.Date.to_date(data.get("date_from")) or first
        date_to = fields.Date.to_date(data.get("date_to")) or last
        hide_health = bool(data.get("hide_health"))
        return {
            "doc_ids": docids,
            "doc_model": "op.student",
            "docs": students,
            "today": today,
            **layout_values(data),
            "date_from": date_from,
            "date_to": date_to,
            "hide_health": hide_health,
            "period_label": " – ".join(
                format_date(self.env, day, date_format="d MMMM y") for day in (date_from, date_to)
            ),
            "overviews": {
                student.id: self._overview(student, date_from, date_to, hide_health)
                for student in students
            },
        }

    @api.model
    def _check_may_print(self, students):
        """The coordinator prints every student's overview; an SLB the coach's own."""
        if self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator"):
            return
        students.check_access("read")
        others = students.sudo().filtered(lambda s: s.verzuim_slb_id != self.env.user)
        if not self.env.user.has_group("mbo_verzuim.group_slb") or others:
            raise AccessError(
                self.env._(
                    "The absence overview is printed by the coordinator, or by the SLB for the "
                    "coach's own students."
                )
            )

    @api.model
    def _overview(self, student, date_from, date_to, hide_health):
        """Everything the overview lists of one student, read as superuser after the check
        above; health shown only where the user may see it and did not leave it out."""
        env = self.env
        show_health = student._verzuim_may_follow() and not hide_health
        period = [("student_id", "=", student.id)]
        lines = (
            env["op.attendance.line"]
            .sudo()
            .search(
                [
                    *period,
                    ("verzuim_lesson_date", ">=", date_from),
                    ("verzuim_lesson_date", "<=", date_to),
                    ("verzuim_status", "!=", "present"),
                    ("verzuim_category", "in", ("unauthorized", "authorized")),
                ]
            )
        )
        rows = registration_rows(env, lines, show_health)
        categories = dict(
            env["op.attendance.line"]._fields["verzuim_category"]._description_selection(env)
        )
        groups = []
        for category in ("unauthorized", "authorized"):
            members = [row for row in rows if row["category"] == category]
            groups.append(
                {
                    "label": categories[category],
                    "rows": members,
                    "count": len(members),
                    "minutes": sum(row["minutes"] for row in members),
                }
            )
        signals = (
            env["verzuim.signal"]
            .sudo()
            .search(
                [
                    *period,
                    ("state", "!=", "obsolete"),
                    ("date_start", "<=", date_to),
                    ("date_end", ">=", date_from),
                ],
                order="date_start, id",
            )
        )
        interventions = (
            env["verzuim.intervention"]
            .sudo()
            .search(
                [*period, ("date", ">=", date_from), ("date", "<=", date_to)],
                order="date, id",
            )
        )
        meldingen = (
            env["verzuim.melding"]
            .sudo()
            .search(
                [
                    *period,
                    ("date_start", "<=", date_to),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", date_from),
                ],
                order="date_start, id",
            )
        )
        if not show_health:
            signals = signals.filtered(lambda s: s.rule_code not in HEALTH_RULES)
            interventions = interventions.filtered(
                lambda i: i.intervention_type not in HEALTH_INTERVENTIONS
            )
        enrolment = student._verzuim_overview_enrolment()
        return {
            "show_health": show_health,
            "groups": groups,
            "total_count": len(rows),
            "total_minutes": sum(row["minutes"] for row in rows),
            "signals": signals.with_context(lang=env.lang),
            "interventions": interventions.with_context(lang=env.lang),
            "meldingen": meldingen.with_context(lang=env.lang),
            "programme": enrolment.course_id.name or "",
            "batch": enrolment.batch_id.name or "",
            "slb": student.sudo().verzuim_slb_id.name or "",
        }
