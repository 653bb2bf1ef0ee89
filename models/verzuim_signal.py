from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

OPEN_STATES = ("new", "in_progress")
STATES = [
    ("new", "New"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("dismissed", "Dismissed"),
    ("obsolete", "Obsolete"),
]
# The moves a person may make; "new" and "obsolete" are the evaluation's alone.
TRANSITIONS = {
    "new": {"in_progress", "done", "dismissed"},
    "in_progress": {"done", "dismissed"},
    "done": {"in_progress"},
    "dismissed": {"in_progress"},
    "obsolete": set(),
}
HANDLING_FIELDS = {"state", "dismiss_reason"}


class VerzuimSignal(models.Model):
    _name = "verzuim.signal"
    _description = "Absence Signal"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_end desc, id desc"

    student_id = fields.Many2one("op.student", required=True, index=True, readonly=True)
    rule_id = fields.Many2one("verzuim.rule", required=True, index=True, readonly=True)
    rule_code = fields.Char(related="rule_id.code", store=True, index=True)
    rule_category = fields.Selection(related="rule_id.category", store=True)
    date_start = fields.Date(string="From", required=True, readonly=True)
    date_end = fields.Date(string="Until", required=True, readonly=True)
    hours = fields.Float(digits=(6, 2), readonly=True)
    count = fields.Integer(readonly=True, help="Number of sick notices (frequent sickness).")
    deadline = fields.Date(readonly=True, index=True, tracking=True)
    state = fields.Selection(
        STATES,
        required=True,
        default="new",
        index=True,
        tracking=True,
        group_expand="_expand_states",
    )
    line_ids = fields.Many2many(
        "op.attendance.line",
        string="Evidence",
        readonly=True,
        help="The registrations that made this signal.",
    )
    notice_ids = fields.Many2many("verzuim.notice", string="Notices", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", index=True, tracking=True)
    slb_id = fields.Many2one(related="student_id.verzuim_slb_id", store=True, string="SLB")
    repeat_number = fields.Integer(
        readonly=True, help="0 for a first report; n for the n-th repeat in one absence."
    )
    repeat_of_id = fields.Many2one(
        "verzuim.signal",
        string="Repeats",
        readonly=True,
        help="An earlier report of this rule for this student that is still being handled.",
    )
    is_repeat = fields.Boolean(compute="_compute_is_repeat", store=True)
    rule_description = fields.Text(related="rule_id.description", string="About the Rule")
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    dismiss_reason = fields.Text(
        string="Why dismissed", tracking=True, help="Why this signal needs no further action."
    )
    company_id = fields.Many2one("res.company", string="Institution", index=True, readonly=True)

    _sql_constraints = [
        (
            "signal_unique",
            "unique(student_id, rule_id, date_start)",
            "A rule raises one signal per student and start date.",
        ),
    ]

    def _expand_states(self, states, domain):
        return [key for key, _label in STATES]

    @api.depends("repeat_of_id")
    def _compute_is_repeat(self):
        for signal in self:
            signal.is_repeat = bool(signal.repeat_of_id)

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for signal in self:
            signal.is_overdue = (
                signal.state in OPEN_STATES and bool(signal.deadline) and signal.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        overdue = [
            ("state", "in", OPEN_STATES),
            ("deadline", "!=", False),
            ("deadline", "<", today),
        ]
        not_overdue = [
            "|",
            "|",
            ("state", "not in", OPEN_STATES),
            ("deadline", "=", False),
            ("deadline", ">=", today),
        ]
        return overdue if (operator == "=") == bool(value) else not_overdue

    @api.depends("rule_id", "student_id", "date_start")
    def _compute_display_name(self):
        for signal in self:
            signal.display_name = (
                f"{signal.rule_id.name or ''}: {signal.student_id.name or ''} "
                f"({signal.date_start.strftime('%d-%m-%Y') if signal.date_start else ''})"
            )

    def write(self, vals):
        if not self.env.su:
            self._check_handling_rights(vals)
            if "state" in vals:
                self._check_transition(vals["state"], vals.get("dismiss_reason"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never_by_hand(self):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Signals are not deleted: dismiss a signal with a reason, so that what was "
                    "decided stays on record."
                )
            )

    def _check_handling_rights(self, vals):
        """The evaluation writes signals; an SLB only handles a signal that is the SLB's to
        handle. The coordinator handles everything."""
        user = self.env.user
        if user.has_group("mbo_verzuim.group_coordinator"):
            return
        if set(vals) - HANDLING_FIELDS or any(s.rule_id.responsible != "slb" for s in self.sudo()):
            raise AccessError(
                self.env._(
                    "The rules write signals. You can only start, handle or dismiss a signal "
                    "that is yours to handle; the coordinator handles the legal reports."
                )
            )

    def _check_transition(self, state, dismiss_reason=None):
        """The states a person may move a signal to, from where it is (see TRANSITIONS)."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for signal in self.sudo():
            if state != signal.state and state not in TRANSITIONS[signal.state]:
                raise UserError(
                    self.env._(
                        "A signal that is '%(current)s' cannot be set to '%(new)s' by hand: "
                        "%(hint)s",
                        current=labels[signal.state],
                        new=labels.get(state, state),
                        hint=self.env._(
                            "'New' and 'Obsolete' are set by the nightly evaluation only; "
                            "reopen a handled or dismissed signal to work on it again."
                        ),
                    )
                )
            if state == "dismissed":
                signal.with_env(self.env)._check_dismissal(dismiss_reason)

    def _check_dismissal(self, dismiss_reason):
        if not (dismiss_reason or "").strip():
            raise UserError(
                self.env._("Say why the signal is dismissed: a dismissal needs a reason.")
            )
        if self.rule_category != "pedagogical" and not self.env.user.has_group(
            "mbo_verzuim.group_coordinator"
        ):
            raise AccessError(
                self.env._(
                    "Only the coordinator dismisses a legal or DUO signal: a legal report can "
                    "only be left out when it truly does not apply."
                )
            )

    # --- actions --------------------------------------------------------------------------

    def action_start(self):
        self.write({"state": "in_progress"})

    def action_done(self):
        self.write({"state": "done"})
        self.activity_ids.action_feedback(feedback=self.env._("Signal handled."))

    def action_dismiss(self):
        """Ask for the reason first (verzuim.signal.dismiss)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dismiss signal"),
            "res_model": "verzuim.signal.dismiss",
            "view_mode": "form",
            "target": "new",
            "context": {"default_signal_ids": self.ids},
        }

    def _dismiss(self, reason):
        self.write({"state": "dismissed", "dismiss_reason": reason})
        self.activity_ids.unlink()

    def action_reopen(self):
        self.write({"state": "in_progress"})
