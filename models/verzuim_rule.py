from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..engine import RuleParams

KINDS = [
    ("window", "Hours within lesweken"),
    ("streak", "Consecutive lesweken of absence"),
    ("sick_long", "Long sickness"),
    ("sick_frequent", "Frequent sickness"),
    ("reason", "Absence with a reason"),
]
# (field, lowest, highest): bounds that keep every evaluation finite and meaningful.
BOUNDS = (
    ("threshold_hours", 0, 1000),
    ("window_lesweken", 0, 52),
    ("streak_lesweken", 0, 52),
    ("sick_days", 0, 366),
    ("sick_count", 0, 50),
    ("deadline_working_days", 0, 60),
    ("min_age", 0, 99),
    ("max_age", 0, 99),
    ("repeat_spacing_days", 0, 365),
)


class VerzuimRule(models.Model):
    _name = "verzuim.rule"
    _inherit = ["verzuim.archive.guard"]
    _description = "Absence Rule"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, readonly=True, index=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True, help="What the rule means and what to do.")
    category = fields.Selection(
        [
            ("pedagogical", "Pedagogical"),
            ("legal", "Legal (verzuimloket)"),
            ("student_finance", "Student finance (DUO)"),
        ],
        required=True,
        default="pedagogical",
    )
    kind = fields.Selection(KINDS, required=True, readonly=True)
    active = fields.Boolean(default=True)
    threshold_hours = fields.Float(string="Threshold (hours)")
    window_lesweken = fields.Integer(string="Within (lesweken)")
    streak_lesweken = fields.Integer(string="Consecutive lesweken")
    sick_days = fields.Integer(string="Sick for (calendar days)")
    sick_count = fields.Integer(string="Number of sick notices")
    deadline_working_days = fields.Integer(string="Deadline (working days)", default=5)
    responsible = fields.Selection(
        [("slb", "The student's SLB"), ("coordinator", "The absence coordinator")],
        required=True,
        default="slb",
    )
    min_age = fields.Integer(string="From age", help="Inclusive; 0 means no lower bound.")
    max_age = fields.Integer(string="Below age", help="Exclusive; 0 means no upper bound.")
    without_startkwalificatie = fields.Boolean(string="Only without startkwalificatie")
    leerweg = fields.Selection([("bol", "BOL"), ("bbl", "BBL")], string="Only pathway")
    full_time_only = fields.Boolean(string="Only full-time")
    levels = fields.Char(
        string="Only levels", help="Comma-separated MBO levels, e.g. '1,2'. Empty: every level."
    )
    repeat_spacing_days = fields.Integer(
        string="Repeat spacing (days)",
        help="During an uninterrupted absence at most one signal per this many days.",
    )
    count_late_minutes = fields.Boolean(
        string="Late and removal minutes count",
        default=True,
        help="Whether the minutes of a late arrival or a removal from class count towards the "
        "hours. Off: only whole lessons missed count.",
    )
    reason_id = fields.Many2one(
        "verzuim.reason",
        ondelete="restrict",
        help="An absence with this reason raises the signal.",
    )
    pauses_rule_id = fields.Many2one(
        "verzuim.rule",
        string="Pauses",
        domain="[('kind', '=', 'window')]",
        ondelete="set null",
        help="Once this rule has fired on a streak, the chosen hours rule raises no signal for "
        "a window that starts after it while the streak goes on (LRV pauses the 16 hours).",
    )

    _sql_constraints = [("code_unique", "unique(code)", "Every rule needs its own code.")]

    @api.constrains(
        "kind",
        "threshold_hours",
        "window_lesweken",
        "streak_lesweken",
        "sick_days",
        "sick_count",
        "deadline_working_days",
        "levels",
        "min_age",
        "max_age",
        "repeat_spacing_days",
        "reason_id",
        "pauses_rule_id",
    )
    def _check_params(self):
        for rule in self:
            rule._check_bounds()
            if rule.min_age and rule.max_age and rule.min_age >= rule.max_age:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: 'From age' (%(min)s) must be below 'Below age' (%(max)s).",
                        rule=rule.name,
                        min=rule.min_age,
                        max=rule.max_age,
                    )
                )
            if rule.pauses_rule_id and (rule.kind != "streak" or rule.pauses_rule_id == rule):
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: only a streak rule can pause another (hours) rule.",
                        rule=rule.name,
                    )
                )
            try:
                rule._to_params()
            except ValueError as exc:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: the settings are incomplete (%(error)s).",
                        rule=rule.name,
                        error=exc,
                    )
                ) from exc

    def _check_bounds(self):
        for name, lowest, highest in BOUNDS:
            value = self[name]
            if not lowest <= value <= highest:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: '%(field)s' must be between %(lowest)s and %(highest)s, "
                        "not %(value)s.",
                        rule=self.name,
                        field=self._fields[name]._description_string(self.env),
                        lowest=lowest,
                        highest=highest,
                        value=value,
                    )
                )

    def _levels(self):
        if not self.levels:
            return None
        levels = frozenset(part.strip() for part in self.levels.split(",") if part.strip())
        if not levels <= {"1", "2", "3", "4"}:
            raise ValueError(self.env._("levels must be 1, 2, 3 or 4"))
        return levels

    def _to_params(self):
        """The engine's view of this rule."""
        self.ensure_one()
        return RuleParams(
            code=self.code,
            kind=self.kind,
            active=self.active,
            threshold_hours=self.threshold_hours or None,
            window_lesweken=self.window_lesweken or None,
            streak_lesweken=self.streak_lesweken or None,
            sick_days=self.sick_days or None,
            sick_count=self.sick_count or None,
            deadline_working_days=self.deadline_working_days,
            min_age=self.min_age or None,
            max_age=self.max_age or None,
            without_startkwalificatie=self.without_startkwalificatie,
            leerweg=self.leerweg or None,
            full_time_only=self.full_time_only,
            levels=self._levels(),
            repeat_spacing_days=self.repeat_spacing_days or None,
            count_late_minutes=self.count_late_minutes,
            pauses=self.pauses_rule_id.code or None,
            reason_code=self.reason_id.code or None,
        )
