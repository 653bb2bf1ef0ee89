"""The period of an absence overview (reports/verzuim_overview.xml)."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class VerzuimOverviewWizard(models.TransientModel):
    _name = "verzuim.overview.wizard"
    _description = "Print an Absence Overview"

    student_ids = fields.Many2many("op.student", string="Students", required=True)
    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(
        string="Until", required=True, default=lambda self: self._default_period()[1]
    )
    hide_health = fields.Boolean(
        string="Leave Out Health Information",
        help="For a copy for the student or the parents: every authorized absence reads "
        "'Authorized absence', and sickness signals and youth-doctor contacts are left out.",
    )

    @api.model
    def _default_period(self):
        """This school year (1 August .. 31 July)."""
        today = fields.Date.context_today(self)
        return self.env["verzuim.holiday"]._school_years(today, 1)[0]

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The period cannot start after it ends: check From and Until.")
                )

    def action_print(self):
        self.ensure_one()
        report = self.env.ref("mbo_verzuim.action_report_verzuim_overview")
        return report.report_action(
            self.student_ids,
            data={
                "date_from": fields.Date.to_string(self.date_from),
                "date_to": fields.Date.to_string(self.date_to),
                "hide_health": self.hide_health,
            },
        )
