import threading
from datetime import date
from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.modules import module as odoo_module
from odoo.tools import SQL
from odoo.tools import split_every

from ..engine import evaluate

BATCH_SIZE = 200
SCHOOL_YEAR_START_MONTH = 8  # the school year runs from 1 August
OPEN_STATES = ("new", "in_progress")
STATES = [
    ("new", "New"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("dismissed", "Dismissed"),
    ("obsolete", "Obsolete"),
]


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
    note = fields.Text(readonly=True)
    rule_description = fields.Text(related="rule_id.description", string="About the Rule")
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

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
            signal.is_overdue = signal.state in OPEN_STATES and signal.deadline < today

    def _search_is_overdue(self, operator, value):
        domain = [("state", "in", OPEN_STATES), ("deadline", "<", fields.Date.context_today(self))]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", "&", *domain]

    @api.depends("rule_id", "student_id", "date_start")
    def _compute_display_name(self):
        for signal in self:
            signal.display_name = (
                f"{signal.rule_id.name or ''}: {signal.student_id.name or ''} "
                f"({signal.date_start.strftime('%d-%m-%Y') if signal.date_start else ''})"
            )

    def write(self, vals):
        self._check_handling_rights(vals)
        return super().write(vals)

    def _check_handling_rights(self, vals):
        """The evaluation writes signals; an SLB only moves the state of a signal that is
        the SLB's to handle. The coordinator handles everything."""
        user = self.env.user
        if self.env.su or user.has_group("mbo_verzuim.group_coordinator"):
            return
        if set(vals) - {"state"} or any(s.rule_id.responsible != "slb" for s in self.sudo()):
            raise AccessError(
                self.env._(
                    "The rules write signals. You can only start, handle or dismiss a signal "
                    "that is yours to handle; the coordinator handles the legal reports."
                )
            )

    # --- actions --------------------------------------------------------------------------

    def action_start(self):
        self.write({"state": "in_progress"})

    def action_done(self):
        self.write({"state": "done"})
        self.activity_ids.action_feedback(feedback=self.env._("Signal handled."))

    def action_dismiss(self):
        self.write({"state": "dismissed"})
        self.activity_ids.unlink()

    def action_reopen(self):
        self.write({"state": "in_progress"})

    # --- evaluation -----------------------------------------------------------------------

    @api.model
    def _students_to_evaluate(self):
        enrolments = self.env["op.student.course"].sudo().search([("state", "=", "running")])
        return enrolments.student_id

    @api.model
    def _evaluate(self, as_of=None, students=None):
        """Evaluate the rules for students (default: every running enrolment) as of a day
        (default: today). Idempotent: returns the signals it created or updated."""
        as_of = as_of or fields.Date.context_today(self)
        students = (students if students is not None else self._students_to_evaluate()).sudo()
        rules = self.env["verzuim.rule"].sudo().search([])
        changed = self.browse()
        for ids in split_every(BATCH_SIZE, students.ids):
            changed |= self._evaluate_batch(students.browse(ids), rules, as_of)
        return changed

    @api.model
    def _cron_evaluate(self):
        """Daily: every running enrolment, in batches, committing each batch."""
        ids = self._students_to_evaluate().ids
        Student = self.env["op.student"]
        done = 0
        for batch in split_every(BATCH_SIZE, ids):
            self._evaluate(students=Student.browse(batch))
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(ids) - done)
            if not (
                odoo_module.current_test or getattr(threading.current_thread(), "testing", False)
            ):
                # Each batch stands on its own: a crash later keeps the work done so far.
                self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _lookback_start(self, as_of):
        """1 August of the previous school year: signals that start earlier are left as they
        are. It moves once a year, not every night, so evaluating night after night with the
        same data changes nothing (the facts reach back further for an absence still going on
        on that day: see verzuim.facts)."""
        year = as_of.year if as_of.month >= SCHOOL_YEAR_START_MONTH else as_of.year - 1
        return date(year - 1, SCHOOL_YEAR_START_MONTH, 1)

    def _evaluate_batch(self, students, rules, as_of):
        date_from = self._lookback_start(as_of)
        facts = self.env["verzuim.facts"]._collect(students, date_from, as_of)
        first_day = min(
            (r.day for student_facts in facts.values() for r in student_facts.registrations[:1]),
            default=date_from,
        )
        calendar = self.env["verzuim.holiday"]._school_calendar(
            min(first_day, date_from) - timedelta(days=60), as_of + timedelta(days=400)
        )
        params = [rule._to_params() for rule in rules]
        rule_by_code = {rule.code: rule for rule in rules}
        found = {}
        for student_id, student_facts in facts.items():
            for signal in evaluate(student_facts, params, calendar, as_of):
                if signal.date_start >= date_from:
                    rule = rule_by_code[signal.rule_code]
                    found[(student_id, rule.id, signal.date_start)] = signal
        # Signals of a rule that was switched off are left as they are.
        existing = self.sudo().search(
            [
                ("student_id", "in", students.ids),
                ("rule_id", "in", rules.ids),
                ("date_start", ">=", date_from),
            ]
        )
        by_key = {(s.student_id.id, s.rule_id.id, s.date_start): s for s in existing}
        return self._apply_results(found, by_key, rule_by_code, students)

    def _apply_results(self, found, by_key, rule_by_code, students):
        """Create, update and retire signals with a fixed number of queries (plus one write
        per signal whose data changed)."""
        to_create, changed = [], self.sudo().browse()
        reopened = self.sudo().browse()
        rule_by_id = {rule.id: rule for rule in rule_by_code.values()}
        responsible = self._responsible_users(students, rule_by_id)
        for key, signal in found.items():
            vals = self._prepare_values(signal, rule_by_id[key[1]])
            current = by_key.get(key)
            if not current:
                user = responsible.get((key[0], key[1]))
                to_create.append({"student_id": key[0], "rule_id": key[1], "user_id": user, **vals})
            elif current.state == "obsolete" or (
                current.state in OPEN_STATES and self._differs(current, vals)
            ):
                if current.state == "obsolete":
                    vals["state"] = "new"
                    reopened |= current
                current.write(vals)
                changed |= current
        retired = self.sudo().browse(
            [s.id for key, s in by_key.items() if key not in found and s.state in OPEN_STATES]
        )
        if retired:
            retired.write(
                {
                    "state": "obsolete",
                    "note": self.env._(
                        "Obsolete: the registrations behind this signal changed (a reason was "
                        "corrected or a notice added), so the rule no longer fires."
                    ),
                }
            )
            retired.activity_ids.unlink()
        created = self.sudo().create(to_create)
        created._link_repeats(by_key)
        (created | reopened)._schedule_activities()
        return changed | retired | created

    def _responsible_users(self, students, rule_by_id):
        """{(student id, rule id): user id}: the SLB, or the company's coordinator."""
        coordinator = self.env.company.verzuim_coordinator_id.id
        slb_group = self.env.ref("mbo_verzuim.group_slb")
        slb = {
            s.id: s.verzuim_slb_id.id if slb_group in s.verzuim_slb_id.groups_id else False
            for s in students
        }
        result = {}
        for student_id, slb_id in slb.items():
            for rule_id, rule in rule_by_id.items():
                if rule.responsible == "coordinator":
                    result[student_id, rule_id] = coordinator or slb_id or False
                else:
                    result[student_id, rule_id] = slb_id or coordinator or False
        return result

    def _link_repeats(self, by_key):
        """Point each new signal at the latest earlier signal of its rule and student that
        is still being handled: one UPDATE for all."""
        open_signals = {}
        for signal in [s for s in by_key.values() if s.state in OPEN_STATES] + list(self):
            open_signals.setdefault((signal.student_id.id, signal.rule_id.id), []).append(signal)
        pairs = []
        for signal in self:
            earlier = [
                other
                for other in open_signals[signal.student_id.id, signal.rule_id.id]
                if other.date_start < signal.date_start
            ]
            if earlier:
                pairs.append((signal.id, max(earlier, key=lambda o: o.date_start).id))
        if pairs:
            self.flush_recordset()
            self.env.execute_query(
                SQL(
                    """
                UPDATE verzuim_signal signal
                   SET repeat_of_id = pair.target
                  FROM (VALUES %s) AS pair(id, target)
                 WHERE signal.id = pair.id
                """,
                    SQL(", ").join(SQL("(%s, %s)", a, b) for a, b in pairs),
                )
            )
            self.invalidate_recordset(["repeat_of_id"])
            self.modified(["repeat_of_id"])

    def _note(self, signal, rule):
        """Why the signal fired, in the user's language (the engine's note is English)."""
        period = {
            "start": signal.date_start.strftime("%d-%m-%Y"),
            "end": signal.date_end.strftime("%d-%m-%Y"),
            "hours": f"{signal.hours:.2f}".replace(".", ","),
            "count": signal.count,
            "weeks": rule.streak_lesweken,
            "days": rule.sick_days,
        }
        if rule.kind == "window":
            note = self.env._("%(hours)s unauthorized hours from %(start)s to %(end)s.", **period)
        elif rule.kind == "streak":
            note = self.env._(
                "Unauthorized absence in %(weeks)s consecutive lesweken, from %(start)s to "
                "%(end)s (%(hours)s hours).",
                **period,
            )
        elif rule.kind == "sick_long":
            note = self.env._("Sick since %(start)s: %(days)s days or more on %(end)s.", **period)
        elif rule.kind == "reason":
            note = self.env._(
                "Absent with reason %(reason)s from %(start)s to %(end)s (%(hours)s hours).",
                reason=rule.reason_id.name,
                **period,
            )
        else:
            note = self.env._("%(count)s sick notices started from %(start)s to %(end)s.", **period)
        if signal.repeat_number:
            note += " " + self.env._(
                "Repeat report %(number)s in one uninterrupted absence.",
                number=signal.repeat_number,
            )
        return note

    def _prepare_values(self, signal, rule):
        return {
            "date_start": signal.date_start,
            "date_end": signal.date_end,
            "hours": signal.hours,
            "count": signal.count,
            "deadline": signal.deadline,
            "repeat_number": signal.repeat_number,
            "note": self._note(signal, rule),
            "line_ids": [fields.Command.set(list(signal.line_ids))],
            "notice_ids": [fields.Command.set(list(signal.notice_ids))],
        }

    def _differs(self, signal, vals):
        simple = ("date_end", "hours", "count", "deadline", "repeat_number", "note")
        if any(signal[name] != vals[name] for name in simple):
            return True
        return set(signal.line_ids.ids) != set(vals["line_ids"][0][2]) or set(
            signal.notice_ids.ids
        ) != set(vals["notice_ids"][0][2])

    def _schedule_activities(self):
        """An activity for the responsible person of each new signal, due on its deadline."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": signal.id,
                    "activity_type_id": activity_type.id,
                    "user_id": signal.user_id.id,
                    "date_deadline": signal.deadline,
                    "summary": signal.rule_id.name,
                    "note": signal.note,
                }
                for signal in self
                if signal.user_id and not signal._adds_to_open_pedagogical_case()
            ]
        )

    def _adds_to_open_pedagogical_case(self):
        """A pedagogical signal that repeats one still being handled adds to that case and
        gets no to-do of its own. Legal reports always do: each one must be filed."""
        return self.rule_id.category == "pedagogical" and bool(self.repeat_of_id)
