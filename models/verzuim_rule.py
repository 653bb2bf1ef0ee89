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
]


class VerzuimRule(models.Model):
    _name = "verzuim.rule"
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
        help="During an uninterrupted absence at most one report per this many days.",
    )
    lrv_after_repeats = fields.Integer(
        string="LRV after repeats",
        help="After this many repeat reports in one uninterrupted absence, the case is "
        "langdurig relatief verzuim (LRV).",
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
    )
    def _check_params(self):
        for rule in self:
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
            numbers = (
                rule.threshold_hours,
                rule.window_lesweken,
                rule.streak_lesweken,
                rule.sick_days,
                rule.sick_count,
                rule.deadline_working_days,
                rule.min_age,
                rule.max_age,
            )
            if any(value < 0 for value in numbers):
                raise ValidationError(
                    self.env._("Rule %(rule)s: thresholds cannot be negative.", rule=rule.name)
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
            lrv_after_repeats=self.lrv_after_repeats or None,
        )
