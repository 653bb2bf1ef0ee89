"""A signal's follow-up: the report to DUO it leads to, and the interventions recorded on it."""

from datetime import timedelta

from odoo import fields
from odoo import models
from odoo.exceptions import UserError

# The rule behind a signal -> the type of the report it leads to.
MELDING_TYPE_BY_RULE = {
    "legal_16h": "16h",
    "lrv_4w": "lrv",
    "rmc_4w": "rmc",
    "luxe": "luxe",
    "duo_ma": "duo_ma",
}
# Reports whose absence goes on after the signal: the end (return date) is empty until known.
OPEN_ENDED_TYPES = ("lrv", "rmc", "duo_ma")
# A streak is unauthorized absence in every lesweek: every lesson was missed.
STREAK_TYPES = ("lrv", "rmc", "duo_ma")
# The moves a signal makes with its report or an intervention: a subset of the moves a person
# may make (verzuim_signal.TRANSITIONS); "obsolete" signals are never moved.
FOLLOWS = {
    "in_progress": {"new", "done", "dismissed"},
    "done": {"new", "in_progress"},
}


class VerzuimSignal(models.Model):
    _inherit = "verzuim.signal"

    melding_ids = fields.One2many("verzuim.melding", "signal_id", string="Reports to DUO")
    melding_count = fields.Integer(string="Reports", compute="_compute_melding_count")
    intervention_ids = fields.One2many("verzuim.intervention", "signal_id", string="Interventions")
    intervention_count = fields.Integer(
        string="Number of Interventions", compute="_compute_intervention_count"
    )

    def _compute_melding_count(self):
        counts = dict(
            self.env["verzuim.melding"]._read_group(
                [("signal_id", "in", self.ids)], ["signal_id"], ["__count"]
            )
        )
        for signal in self:
            signal.melding_count = counts.get(signal, 0)

    def _compute_intervention_count(self):
        counts = dict(
            self.env["verzuim.intervention"]._read_group(
                [("signal_id", "in", self.ids)], ["signal_id"], ["__count"]
            )
        )
        for signal in self:
            signal.intervention_count = counts.get(signal, 0)

    def _verzuim_follow(self, state, from_states=None):
        """Move signals along with their report (filed: in progress; closed: done) or a first
        intervention (in progress).

        As superuser, on purpose: the report's and the intervention's own checks decided who
        may do this (only the coordinator files and closes reports; the SLB records
        interventions for the coach's own students). The signal's state machine is for a
        person handling a signal by hand: an SLB who records a talk on a legal signal may not
        start that signal by hand, yet the talk means it is being handled.
        """
        moving = self.sudo().filtered(lambda s: s.state in (from_states or FOLLOWS[state]))
        if moving:
            moving.write({"state": state})
            if state == "done":
                moving.activity_ids.action_feedback(
                    feedback=self.env._("The report to DUO was closed.")
                )
        return moving

    # --- reports --------------------------------------------------------------------------

    def action_create_melding(self):
        """The report this legal or student-finance signal leads to: its open one (draft,
        registered or in progress), or a new draft with everything prefilled."""
        self.ensure_one()
        if self.rule_code not in MELDING_TYPE_BY_RULE:
            raise UserError(
                self.env._(
                    "Only a legal or student-finance signal (16 hours, LRV, RMC, luxe verzuim, "
                    "Melding afwezigheid) leads to a report to DUO. For other absence, draft a "
                    "report by judgement from the student."
                )
            )
        melding = self.melding_ids.filtered(
            lambda m: m.state in ("draft", "registered", "in_progress")
        )[:1]
        if not melding:
            melding = self.env["verzuim.melding"].create(self._prepare_melding_values())
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report to DUO"),
            "res_model": "verzuim.melding",
            "res_id": melding.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _prepare_melding_values(self):
        """A draft report from this signal: the period, hours and days of its evidence, the
        reporter (the current user, the institution's details where the user has none), the
        lesson location and the actions already recorded."""
        self.ensure_one()
        melding_type = MELDING_TYPE_BY_RULE[self.rule_code]
        student = self.student_id
        user = self.env.user
        company = self.company_id or student.company_id or self.env.company
        vals = {
            "melding_type": melding_type,
            "student_id": student.id,
            "signal_id": self.id,
            "date_start": self.date_start,
            "date_end": False if melding_type in OPEN_ENDED_TYPES else self.date_end,
            "hours": self.hours,
            "absence_days": self.count,
            "deadline": self.deadline,
            "all_lessons_missed": self._all_lessons_missed(melding_type),
            "actions_taken": self._actions_taken(),
            "lesson_location": ", ".join(
                part
                for part in (
                    company.name,
                    company.street,
                    " ".join(filter(None, (company.zip, company.city))),
                )
                if part
            ),
            "reporter_name": user.name,
            "reporter_function": user.partner_id.function or False,
            "reporter_phone": user.partner_id.phone or company.phone or False,
            "reporter_email": user.email or company.email or False,
            "contact_phone": student.mobile or student.phone or False,
        }
        if melding_type == "duo_ma":
            vals.update(self._prepare_melding_ma_values())
        return vals

    def _prepare_melding_ma_values(self):
        """The enrolment as DUO's "Melding afwezigheid" asks it; the signal fired on
        unauthorized absence, so no valid reason was given."""
        enrolments = self.student_id.course_detail_ids
        enrolment = enrolments.filtered(lambda e: e.state == "running")[:1] or enrolments[:1]
        return {
            "ma_course_id": enrolment.course_id.id,
            "ma_level": enrolment.course_id.verzuim_niveau or False,
            "ma_bol": enrolment.verzuim_leerweg == "bol",
            "ma_full_time": enrolment.verzuim_voltijd,
            "ma_valid_reason": "no",
        }

    def _all_lessons_missed(self, melding_type):
        """A streak (LRV, RMC, DUO) is absence in every lesson; otherwise: whether the student
        attended no lesson of the period (read as superuser: only yes or no is kept)."""
        if melding_type in STREAK_TYPES:
            return "yes"
        attended = (
            self.env["op.attendance.line"]
            .sudo()
            .search_count(
                [
                    ("student_id", "=", self.student_id.id),
                    ("verzuim_lesson_date", ">=", self.date_start),
                    ("verzuim_lesson_date", "<=", self.date_end),
                    ("verzuim_status", "!=", "absent"),
                ],
                limit=1,
            )
        )
        return "no" if attended else "yes"

    def _actions_taken(self):
        """The interventions of this signal, and the student's from four weeks before the
        absence began: a date and a type per line (no notes: they may hold health details)."""
        interventions = self.env["verzuim.intervention"].search(
            [
                ("student_id", "=", self.student_id.id),
                "|",
                ("signal_id", "=", self.id),
                ("date", ">=", self.date_start - timedelta(weeks=4)),
            ],
            order="date, id",
        )
        # The report goes to DUO: its text is Dutch where the school has Dutch installed.
        lang = "nl_NL" if self.env["res.lang"]._lang_get("nl_NL") else self.env.lang
        field = interventions._fields["intervention_type"]
        labels = dict(field._description_selection(self.with_context(lang=lang).env))
        return (
            "\n".join(
                f"{i.date.strftime('%d-%m-%Y')}: {labels[i.intervention_type]}"
                for i in interventions
            )
            or False
        )

    def action_view_meldingen(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mbo_verzuim.verzuim_melding_action")
        action["domain"] = [("signal_id", "=", self.id)]
        action["context"] = {"default_signal_id": self.id, "default_student_id": self.student_id.id}
        return action

    # --- interventions --------------------------------------------------------------------

    def action_view_interventions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.verzuim_intervention_action"
        )
        action["domain"] = [("signal_id", "=", self.id)]
        action["context"] = {"default_signal_id": self.id, "default_student_id": self.student_id.id}
        return action

    def action_record_intervention(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record intervention"),
            "res_model": "verzuim.intervention",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_signal_id": self.id, "default_student_id": self.student_id.id},
        }
