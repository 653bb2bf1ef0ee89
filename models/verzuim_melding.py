"""Reports to DUO (verzuimmeldingen, domain.md §8) and the student-finance form "Melding
afwezigheid": what the school files, and the states DUO's flow allows.

A letter or a form prints from these fields alone: the DUO fields below, the period
(``date_start`` .. ``date_end``; for ``duo_ma`` the first day of absence and the return date),
``hours``, ``absence_days``, ``date_filed``, ``external_ref`` and the feedback entries.
"""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

MELDING_TYPES = [
    ("16h", "16 hours in 4 weeks"),
    ("lrv", "Long-term relative absence (LRV)"),
    ("rmc", "RMC (18 to 23 without startkwalificatie)"),
    ("luxe", "Luxury absence (luxe verzuim)"),
    ("overig", "Other absence (overig verzuim)"),
    ("duo_ma", "Student finance: Melding afwezigheid"),
]
OVERIG_KINDS = [
    ("signaalverzuim", "Signal absence (signaalverzuim)"),
    ("beginnend", "Starting absence (beginnend verzuim), structural lateness included"),
    ("luxe_suspected", "Suspected luxury absence (luxe verzuim)"),
]
STATES = [
    ("draft", "Draft"),
    ("registered", "Registered"),
    ("in_progress", "Being handled"),
    ("closed", "Case closed"),
    ("acknowledged", "Acknowledged"),
    ("withdrawn", "Withdrawn"),
]
# DUO's flow (domain.md §8). The school sets "registered" (filing) and "withdrawn"; the
# municipality (leerplicht or RMC) sets "in_progress", "closed" and "acknowledged" (ter
# kennisgeving aangenomen), which the coordinator records from its feedback. Every move is the
# coordinator's; nothing moves back to "draft" (a filed report stays filed).
TRANSITIONS = {
    # file it, or decide not to file it (the SLB's draft stays on record)
    "draft": {"registered", "withdrawn"},
    # the municipality takes it on, closes it or takes note of it; or the school withdraws a
    # report filed in error before the municipality has taken it on
    "registered": {"in_progress", "closed", "acknowledged", "withdrawn"},
    "in_progress": {"closed", "acknowledged"},
    # the municipality reopens its case (or corrects what was recorded)
    "closed": {"in_progress"},
    "acknowledged": {"in_progress"},
    "withdrawn": set(),
}
OPEN_STATES = ("registered", "in_progress")
MUNICIPALITY_STATES = ("in_progress", "closed", "acknowledged")
ENDED_STATES = ("closed", "acknowledged")
CLOSING_REASONS = [
    ("back_at_school", "Back at school"),
    ("other_programme", "Enrolment ended: other programme"),
    ("work", "Enrolment ended: work"),
    ("enrolment_other", "Enrolment ended: other"),
    ("deceased", "Enrolment ended: deceased"),
    ("long_term_sick", "No absence: long-term sick"),
    ("legitimately_absent", "No absence: legitimately absent"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]
# The same labels as op.course's MBO level.
NIVEAUS = [
    ("1", "Niveau 1 (Entree)"),
    ("2", "Niveau 2"),
    ("3", "Niveau 3"),
    ("4", "Niveau 4"),
]
# What only the coordinator writes: the state and what filing and feedback record.
FILING_FIELDS = {
    "state",
    "date_filed",
    "external_ref",
    "closing_reason",
    "is_repeat",
    "repeat_of_id",
}
COORDINATOR = "mbo_verzuim.group_coordinator"


class VerzuimMelding(models.Model):
    _name = "verzuim.melding"
    _description = "Report to DUO"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    melding_type = fields.Selection(
        MELDING_TYPES, string="Type", required=True, default="overig", tracking=True
    )
    overig_kind = fields.Selection(
        OVERIG_KINDS,
        string="Kind of Other Absence",
        help="A report by judgement (no rule): what the SLB or coordinator sees.",
    )
    student_id = fields.Many2one("op.student", required=True, index=True, tracking=True)
    student_bsn = fields.Char(
        related="student_id.verzuim_bsn", string="Personal Number", groups=COORDINATOR
    )
    signal_id = fields.Many2one("verzuim.signal", index=True, ondelete="restrict", tracking=True)
    evidence_line_ids = fields.Many2many(
        related="signal_id.line_ids", string="Evidence", help="The registrations of the signal."
    )
    date_start = fields.Date(
        string="First Day of Absence", tracking=True, help="The start of the reported absence."
    )
    date_end = fields.Date(
        string="Last Day or Return Date",
        tracking=True,
        help="Empty until known: an LRV report gets the return date when the student comes back.",
    )
    hours = fields.Float(string="Hours Missed", digits=(6, 2))
    absence_days = fields.Integer(string="Days Absent")
    presumed_reason = fields.Text(
        help="What the school thinks is behind the absence. Sickness and suspension are never "
        "reported unless unauthorized absence is suspected; no diagnosis."
    )
    all_lessons_missed = fields.Selection(YES_NO)
    actions_taken = fields.Text(
        string="Actions Already Taken", help="What the school has done about this absence."
    )
    municipality_action = fields.Selection(YES_NO, string="Action by the Municipality Wanted")
    municipality_no_action_reason = fields.Text(string="Why No Action by the Municipality")
    lesson_location = fields.Char(help="Where the student attends lessons (DUO's location).")
    reporter_name = fields.Char()
    reporter_function = fields.Char()
    reporter_phone = fields.Char()
    reporter_email = fields.Char(string="Reporter E-mail")
    contact_phone = fields.Char(string="Phone of Student or Parent")
    address_differs = fields.Boolean(string="Address Differs from the BRP")
    differing_address = fields.Text(help="Only when the address differs from the BRP.")
    # "Melding afwezigheid" (student finance): the enrolment as it was when the form was sent.
    ma_course_id = fields.Many2one("op.course", string="Programme")
    ma_level = fields.Selection(NIVEAUS, string="Level")
    ma_bol = fields.Boolean(string="BOL")
    ma_full_time = fields.Boolean(string="Full-time")
    ma_valid_reason = fields.Selection(YES_NO, string="Valid Reason Given")
    ma_date_informed = fields.Date(string="Student Informed On")
    # Filing and DUO's flow.
    external_ref = fields.Char(string="DUO Reference", tracking=True, copy=False)
    date_filed = fields.Date(readonly=True, tracking=True, copy=False)
    deadline = fields.Date(index=True, tracking=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    state = fields.Selection(
        STATES,
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
        group_expand="_expand_states",
    )
    closing_reason = fields.Selection(CLOSING_REASONS, tracking=True, copy=False)
    is_repeat = fields.Boolean(
        readonly=True,
        copy=False,
        help="A 16-hour report filed while an earlier 16-hour report of the same student was "
        "still registered or in progress.",
    )
    repeat_of_id = fields.Many2one(
        "verzuim.melding", string="Repeats", readonly=True, copy=False, index=True
    )
    feedback_ids = fields.One2many("verzuim.melding.feedback", "melding_id")
    company_id = fields.Many2one(
        "res.company",
        string="Institution",
        compute="_compute_company_id",
        store=True,
        index=True,
    )

    _sql_constraints = [
        ("hours_positive", "CHECK(hours >= 0)", "Hours cannot be negative."),
        ("days_positive", "CHECK(absence_days >= 0)", "Days absent cannot be negative."),
    ]

    def _expand_states(self, states, domain):
        return [key for key, _label in STATES]

    @api.depends("student_id.company_id")
    def _compute_company_id(self):
        for melding in self:
            melding.company_id = melding.student_id.company_id or self.env.company

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        """Overdue: still a draft after the filing deadline (none without a deadline)."""
        today = fields.Date.context_today(self)
        for melding in self:
            melding.is_overdue = (
                melding.state == "draft" and bool(melding.deadline) and melding.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("state", "=", "draft"), ("deadline", "<", today)]
        # Spelled out: "not overdue" includes the reports without a deadline (NULL).
        return [
            "|",
            "|",
            ("state", "!=", "draft"),
            ("deadline", "=", False),
            ("deadline", ">=", today),
        ]

    @api.depends("melding_type", "student_id", "date_start")
    def _compute_display_name(self):
        labels = dict(self._fields["melding_type"]._description_selection(self.env))
        for melding in self:
            day = melding.date_start.strftime("%d-%m-%Y") if melding.date_start else ""
            melding.display_name = (
                f"{labels.get(melding.melding_type, '')}: {melding.student_id.name or ''}"
                + (f" ({day})" if day else "")
            )

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for melding in self:
            if melding.date_start and melding.date_end and melding.date_start > melding.date_end:
                raise ValidationError(
                    self.env._(
                        "The absence cannot start after it ends: the first day of absence "
                        "(%(start)s) lies after the last day or return date (%(end)s).",
                        start=melding.date_start.strftime("%d-%m-%Y"),
                        end=melding.date_end.strftime("%d-%m-%Y"),
                    )
                )

    @api.constrains("signal_id", "student_id")
    def _check_signal_student(self):
        for melding in self:
            if melding.signal_id and melding.signal_id.sudo().student_id != melding.student_id:
                raise ValidationError(
                    self.env._("A report and its signal are about the same student.")
                )

    @api.constrains("melding_type", "overig_kind")
    def _check_overig_kind(self):
        for melding in self:
            if melding.overig_kind and melding.melding_type != "overig":
                raise ValidationError(
                    self.env._(
                        "A kind of other absence only goes with a report of type 'Other "
                        "absence (overig verzuim)'."
                    )
                )

    @api.constrains("state", "closing_reason")
    def _check_closing_reason(self):
        for melding in self:
            if melding.closing_reason and melding.state != "closed":
                raise ValidationError(self.env._("Only a closed report has a closing reason."))

    @api.onchange("melding_type")
    def _onchange_melding_type(self):
        if self.melding_type != "overig":
            self.overig_kind = False

    # --- who may write what ---------------------------------------------------------------

    @api.model
    def _is_coordinator(self):
        return self.env.su or self.env.user.has_group(COORDINATOR)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "draft") != "draft":
                    raise UserError(
                        self.env._("A report starts as a draft: file it to register it.")
                    )
                if not self._is_coordinator():
                    self._check_slb_draft({"melding_type": "overig", **vals})
        meldingen = super().create(vals_list)
        if not self._is_coordinator():
            meldingen._ask_coordinator_to_file()
        return meldingen

    def write(self, vals):
        new_state = vals.get("state")
        moving = self.filtered(lambda m: m.state != new_state) if new_state else self.browse()
        if not self.env.su:
            if not self._is_coordinator():
                self._check_slb_draft(vals)
            moving._check_transition(new_state, vals)
        if new_state:
            vals = dict(vals)
            if new_state == "registered":
                vals.setdefault("date_filed", fields.Date.context_today(self))
            if new_state != "closed":
                vals["closing_reason"] = False
        old_states = {melding.id: melding.state for melding in moving}
        result = super().write(vals)
        if not self._is_coordinator():
            # The record rules are checked on the values before a write: the SLB's draft
            # stays the SLB's (own student, other absence, draft) after it too.
            self.check_access("write")
        if moving:
            moving._after_state_change(new_state, old_states)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if not self.env.su and any(melding.state != "draft" for melding in self):
            raise UserError(
                self.env._(
                    "A filed report is not deleted: withdraw it, so that what was sent to DUO "
                    "stays on record."
                )
            )

    def _check_slb_draft(self, vals):
        """Whoever is not the coordinator (the SLB) drafts reports by judgement for the
        coach's own students, and files nothing. The record rules limit which reports the
        SLB may change (own students, other absence, draft); this checks the new values.
        A form sends the empty values of a new draft (status draft, no reference): those
        change nothing."""
        filing = {
            name
            for name in FILING_FIELDS & set(vals)
            if vals[name] and not (name == "state" and vals[name] == "draft")
        }
        if filing or vals.get("melding_type", "overig") != "overig":
            raise AccessError(
                self.env._(
                    "Only the absence coordinator files reports and records their status. "
                    "You can draft a report by judgement (other absence) for your own students."
                )
            )
        if vals.get("student_id"):
            student = self.env["op.student"].sudo().browse(vals["student_id"])
            if student.verzuim_slb_id != self.env.user:
                raise AccessError(self.env._("You can draft reports for your own students only."))

    def _check_transition(self, state, vals):
        """The moves DUO's flow allows (TRANSITIONS), and what a move needs."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for melding in self:
            if state not in TRANSITIONS[melding.state]:
                allowed = ", ".join(
                    f"'{labels[key]}'"
                    for key, _label in STATES
                    if key in TRANSITIONS[melding.state]
                )
                raise UserError(
                    self.env._(
                        "A report that is '%(current)s' cannot be set to '%(new)s'. %(hint)s",
                        current=labels[melding.state],
                        new=labels.get(state, state),
                        hint=self.env._("From here it can go to: %(states)s.", states=allowed)
                        if allowed
                        else self.env._("A withdrawn report stays withdrawn."),
                    )
                )
        if state == "registered":
            self._check_duo_fields(vals)
        if state == "closed" and not vals.get("closing_reason"):
            raise UserError(
                self.env._(
                    "Say why the municipality closed the report: a closed report needs a "
                    "closing reason."
                )
            )

    # --- filing ---------------------------------------------------------------------------

    def _duo_required_fields(self, vals):
        """The fields DUO needs before a report of this type can be filed (domain.md §8)."""
        melding_type = vals.get("melding_type", self.melding_type)
        required = ["student_bsn", "date_start"]
        if melding_type == "duo_ma":
            return [
                *required,
                "ma_course_id",
                "ma_level",
                "ma_valid_reason",
                "ma_date_informed",
                "reporter_name",
                "reporter_phone",
                "reporter_email",
            ]
        required += [
            "presumed_reason",
            "all_lessons_missed",
            "actions_taken",
            "municipality_action",
            "lesson_location",
            "reporter_name",
            "reporter_function",
            "reporter_phone",
            "reporter_email",
        ]
        required += ["overig_kind"] if melding_type == "overig" else ["hours", "absence_days"]
        if vals.get("municipality_action", self.municipality_action) == "no":
            required.append("municipality_no_action_reason")
        if vals.get("address_differs", self.address_differs):
            required.append("differing_address")
        return required

    def _check_duo_fields(self, vals):
        """Filing without what DUO asks for is refused, naming every missing field."""
        problems = []
        for melding in self:
            student = self.env["op.student"].browse(vals.get("student_id", melding.student_id.id))
            missing = []
            for name in melding._duo_required_fields(vals):
                if name == "student_bsn":
                    # The personal number is the coordinator's field; read it as superuser
                    # only to know whether it is there.
                    value = student.sudo().verzuim_bsn
                else:
                    value = vals.get(name, melding[name])
                if not value or (isinstance(value, str) and not value.strip()):
                    missing.append(self._fields[name].get_description(self.env)["string"])
            if missing:
                problems.append(
                    self.env._(
                        "%(report)s: %(fields)s",
                        report=melding.display_name,
                        fields=", ".join(missing),
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "DUO needs more before this report can be filed. Fill in:\n%(problems)s",
                    problems="\n".join(problems),
                )
            )

    def _after_state_change(self, state, old_states):
        """What a move means for the signal and the to-dos. The signal follows its report as
        superuser (see verzuim.signal._verzuim_follow)."""
        if state == "registered":
            self._mark_repeats()
            self.activity_ids.action_feedback(feedback=self.env._("Report filed with DUO."))
            signals = self.signal_id
            signals._verzuim_follow("in_progress")
            signals.sudo().activity_ids.action_feedback(
                feedback=self.env._("Report filed with DUO.")
            )
        elif state in ENDED_STATES:
            self.signal_id._verzuim_follow("done")
        elif state == "in_progress":
            reopened = self.filtered(lambda m: old_states.get(m.id) in ENDED_STATES)
            reopened.signal_id._verzuim_follow("in_progress", from_states={"done"})
        elif state == "withdrawn":
            self.activity_ids.unlink()

    def _mark_repeats(self):
        """A 16-hour report filed while an earlier one of the same student is still registered
        or in progress is a repeat. Searched as superuser: whether a report repeats another
        does not depend on who files it."""
        for melding in self.filtered(lambda m: m.melding_type == "16h"):
            earlier = (
                self.sudo()
                .search(
                    [
                        ("student_id", "=", melding.student_id.id),
                        ("melding_type", "=", "16h"),
                        ("state", "in", OPEN_STATES),
                        ("id", "!=", melding.id),
                        ("date_filed", "<=", melding.date_filed),
                    ],
                    order="date_filed desc, id desc",
                )
                .filtered(lambda m, me=melding: (m.date_filed, m.id) < (me.date_filed, me.id))
            )
            if earlier:
                melding.sudo().write({"is_repeat": True, "repeat_of_id": earlier[0].id})

    def _ask_coordinator_to_file(self):
        """An SLB's draft is a to-do for the coordinator of the student's institution."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for melding in self:
            coordinator = melding.company_id.verzuim_coordinator_id
            if coordinator:
                melding.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=coordinator.id,
                    date_deadline=melding.deadline or fields.Date.context_today(self),
                    summary=self.env._("Review and file this report"),
                )

    # --- actions --------------------------------------------------------------------------

    def action_file(self):
        """Filed with DUO's verzuimloket (or the form sent to DUO): registered."""
        self.write({"state": "registered"})

    def action_withdraw(self):
        self.write({"state": "withdrawn"})

    def action_record_feedback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record feedback"),
            "res_model": "verzuim.melding.feedback",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_melding_id": self.id},
        }
