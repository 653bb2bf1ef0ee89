"""Leave requests under the Leerplichtwet (issue 13, point 4).

Art. 11 (important circumstances) and art. 13a (a holiday outside the school's vacations):
the school decides on at most 10 school days; beyond that, for a student under the
Leerplichtwet (leerplichtig or kwalificatieplichtig), the leerplichtambtenaar decides and the
school only records that decision. A request is made in the portal by a parent (student under
18) or by the adult student, or entered by the frontoffice; the coordinator decides.

Deciding leaves a notice over the request's days (verzuim_notice_portal.py): approved gives
the lessons "Authorized leave", refused gives them "Luxe verzuim", which raises the luxe rule.
"""

from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..engine.school_time import SCHOOL_TZ

SCHOOL_DECIDES_DAYS = 10
LEERPLICHTWET = ("leerplichtig", "kwalificatieplichtig")
KINDS = [
    ("art11", "Important circumstances (art. 11)"),
    ("art13a", "Holiday outside the school vacations (art. 13a)"),
    ("other", "Other"),
]
STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
]
# Who moves a request from which state to which (one gate for every button and write).
TRANSITIONS = {
    ("draft", "submitted"): "requester",
    ("draft", "withdrawn"): "requester",
    ("submitted", "withdrawn"): "requester",
    ("submitted", "approved"): "coordinator",
    ("submitted", "refused"): "coordinator",
}
MAX_DAYS = 92
# Written only through the transitions below.
DECISION_FIELDS = {
    "state",
    "refusal_reason",
    "requester_id",
    "decided_by_id",
    "decision_date",
    "decided_by_leerplicht",
    "notice_id",
}


def local_moment(day, at):
    """Naive UTC of ``at`` on ``day`` in the school's time zone."""
    local = pytz.timezone(SCHOOL_TZ).localize(datetime.combine(day, at))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


class VerzuimLeaveRequest(models.Model):
    _name = "verzuim.leave.request"
    _description = "Leave Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"

    student_id = fields.Many2one("op.student", required=True, index=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="art11", tracking=True)
    date_from = fields.Date(string="First Day", required=True, tracking=True)
    date_to = fields.Date(string="Last Day", required=True, tracking=True)
    reason = fields.Text(required=True, help="Why the leave is asked.")
    attachment = fields.Binary(attachment=True, help="A document with the request.")
    attachment_name = fields.Char()
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    refusal_reason = fields.Text(readonly=True, tracking=True)
    requester_id = fields.Many2one(
        "res.users",
        string="Requested By",
        default=lambda self: self.env.user,
        readonly=True,
        ondelete="set null",
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decision_date = fields.Date(readonly=True)
    decided_by_leerplicht = fields.Boolean(
        string="Decided by the Leerplichtambtenaar",
        readonly=True,
        help="The school recorded the decision of the leerplichtambtenaar.",
    )
    notice_id = fields.Many2one("verzuim.notice", readonly=True)
    school_days = fields.Integer(compute="_compute_school_days", store=True)
    for_leerplichtambtenaar = fields.Boolean(
        string="Leerplichtambtenaar Decides",
        compute="_compute_school_days",
        store=True,
        help="More than 10 school days for a student under the Leerplichtwet: the "
        "leerplichtambtenaar decides; the school records the decision.",
    )
    company_id = fields.Many2one(
        "res.company", string="Institution", compute="_compute_company_id", store=True, index=True
    )

    @api.depends("student_id", "date_from")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for request in self:
            start = request.date_from.strftime("%d-%m-%Y") if request.date_from else ""
            request.display_name = (
                f"{request.student_id.name or ''} – {kinds.get(request.kind, '')} {start}"
            )

    @api.depends("student_id.company_id")
    def _compute_company_id(self):
        for request in self:
            request.company_id = request.student_id.company_id or self.env.company

    @api.depends(
        "date_from",
        "date_to",
        "student_id.birth_date",
        "student_id.verzuim_startkwalificatie",
        "student_id.company_id",
    )
    def _compute_school_days(self):
        for request in self:
            if not (request.date_from and request.date_to) or request.date_to < request.date_from:
                request.school_days = 0
                request.for_leerplichtambtenaar = False
                continue
            calendar = self.env["verzuim.holiday"]._school_calendar(
                request.date_from, request.date_to, company=request.company_id
            )
            days = (request.date_to - request.date_from).days + 1
            request.school_days = sum(
                calendar.is_school_day(request.date_from + timedelta(days=n)) for n in range(days)
            )
            obligation = (
                request.student_id.sudo()
                .with_context(verzuim_date=request.date_from)
                .verzuim_obligation
            )
            request.for_leerplichtambtenaar = (
                request.school_days > SCHOOL_DECIDES_DAYS and obligation in LEERPLICHTWET
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for request in self:
            if request.date_to < request.date_from:
                raise ValidationError(self.env._("The last day cannot come before the first day."))
            if (request.date_to - request.date_from).days + 1 > MAX_DAYS:
                raise ValidationError(
                    self.env._("A leave request covers at most %s days.", MAX_DAYS)
                )

    # --- the one gate for state changes ----------------------------------------------------

    def write(self, vals):
        if DECISION_FIELDS & set(vals) and not (
            self.env.su or self.env.context.get("verzuim_leave_transition")
        ):
            raise UserError(self.env._("Use the buttons to submit, decide or withdraw a request."))
        if self.filtered(lambda r: r.state not in ("draft", "submitted")) and (
            {"student_id", "date_from", "date_to", "kind"} & set(vals)
        ):
            raise UserError(self.env._("A decided or withdrawn request cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda r: r.state != "draft") and not self.env.su:
            raise UserError(self.env._("Withdraw the request instead of deleting it."))

    def _check_transition(self, new_state):
        """Raise unless the current user may move every request to ``new_state``."""
        states = dict(STATES)
        for request in self:
            who = TRANSITIONS.get((request.state, new_state))
            if not who:
                raise UserError(
                    self.env._(
                        "A request that is %(state)s cannot become %(new)s.",
                        state=states[request.state].lower(),
                        new=states[new_state].lower(),
                    )
                )
            if not request._may(who):
                raise AccessError(
                    self.env._("Only the absence coordinator decides on a leave request.")
                    if who == "coordinator"
                    else self.env._("Only the requester or the frontoffice can do this.")
                )

    def _may(self, who):
        user = self.env.user
        if self.env.su:
            return True
        if who == "coordinator":
            return user.has_group("mbo_verzuim.group_coordinator")
        return user == self.requester_id or user.has_group("mbo_verzuim.group_frontoffice")

    def _set_state(self, new_state, **vals):
        self._check_transition(new_state)
        self.with_context(verzuim_leave_transition=True).write({"state": new_state, **vals})

    # --- actions --------------------------------------------------------------------------

    def action_submit(self):
        self._set_state("submitted")
        self._schedule_decision()

    def action_withdraw(self):
        self._set_state("withdrawn")
        self._close_decision_todo()

    def action_approve(self):
        for request in self:
            if request.for_leerplichtambtenaar:
                raise UserError(
                    self.env._(
                        "This request is for more than %(days)s school days for a student "
                        "under the Leerplichtwet: the leerplichtambtenaar decides. Record that "
                        "decision with 'Record leerplichtambtenaar's approval'.",
                        days=SCHOOL_DECIDES_DAYS,
                    )
                )
        self._decide("approved")

    def action_record_leerplicht_approval(self):
        """The leerplichtambtenaar approved: the school records it."""
        if self.filtered(lambda r: not r.for_leerplichtambtenaar):
            raise UserError(
                self.env._("The school decides on this request itself: approve it instead.")
            )
        self._decide("approved", decided_by_leerplicht=True)

    def action_refuse(self):
        """Ask the reason (a wizard) and refuse."""
        self._check_transition("refused")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse leave"),
            "res_model": "verzuim.leave.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_ids": self.ids},
        }

    def _refuse(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for refusing the leave."))
        self._decide("refused", refusal_reason=reason.strip())
        # Beyond 10 school days under the Leerplichtwet a refusal records the
        # leerplichtambtenaar's decision as well.
        self.filtered("for_leerplichtambtenaar").sudo().with_context(
            verzuim_leave_transition=True
        ).write({"decided_by_leerplicht": True})

    def _decide(self, new_state, **vals):
        self._set_state(
            new_state,
            decided_by_id=self.env.user.id,
            decision_date=fields.Date.context_today(self),
            **vals,
        )
        notice_type = "extra_leave" if new_state == "approved" else "leave_refused"
        Notice = self.env["verzuim.notice"].sudo()
        for request in self:
            request.sudo().notice_id = Notice.create(request._notice_vals(notice_type))
        self._close_decision_todo()
        self._send_decision()

    def _notice_vals(self, notice_type):
        return {
            "student_id": self.student_id.id,
            "notice_type": notice_type,
            "date_start": local_moment(self.date_from, time(0, 0)),
            "date_end": local_moment(self.date_to, time(23, 59, 59)),
            "note": self.reason if notice_type == "extra_leave" else self.refusal_reason,
            "verzuim_leave_request_id": self.id,
        }

    def action_view_lines(self):
        """The lessons the decision gave a reason (its notice's registrations)."""
        self.ensure_one()
        return self.notice_id.action_view_lines()

    # --- the coordinator's to-do ------------------------------------------------------------

    def _schedule_decision(self):
        for request in self:
            coordinator = request.company_id.verzuim_coordinator_id
            if not coordinator:
                continue
            days = request.company_id.verzuim_leave_decision_days
            request.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=coordinator.id,
                date_deadline=fields.Date.context_today(self) + timedelta(days=days),
                summary=self.env._("Decide on this leave request"),
            )

    def _close_decision_todo(self):
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])

    def _send_decision(self):
        """The decision letter to the requester (verzuim_leave_request_letters.py)."""
