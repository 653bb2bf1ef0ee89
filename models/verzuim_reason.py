from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

UNKNOWN_CODE = "onbekend"


class VerzuimReason(models.Model):
    _name = "verzuim.reason"
    _inherit = ["verzuim.archive.guard"]
    _description = "Absence Reason"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    category = fields.Selection(
        [("authorized", "Authorized"), ("unauthorized", "Unauthorized")],
        required=True,
        default="unauthorized",
    )
    registered_as = fields.Char(
        translate=True,
        help="How the registration is reported, e.g. 'Geoorloofd verzuim; Ziek'.",
    )
    is_health = fields.Boolean(
        string="Health Data",
        help="Sickness, doctor's visit or pregnancy: special-category personal data. Only the "
        "frontoffice, the student's SLB and the coordinator see it; teachers see "
        "'Authorized absence'.",
    )
    applies_to = fields.Selection(
        [("absence", "Absence"), ("late", "Lateness or removal"), ("both", "Both")],
        required=True,
        default="absence",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Every absence reason needs its own code."),
    ]

    @api.model
    def _unknown(self):
        return self.with_context(active_test=False).search([("code", "=", UNKNOWN_CODE)], limit=1)

    def _fits_status(self, status):
        """Whether this reason may be given to a registration with this status."""
        self.ensure_one()
        if status == "absent":
            return self.applies_to in ("absence", "both")
        if status in ("late", "removed"):
            return self.applies_to in ("late", "both")
        return False

    @api.constrains("active", "code")
    def _check_unknown_stays(self):
        for reason in self:
            if reason.code == UNKNOWN_CODE and not reason.active:
                raise ValidationError(
                    self.env._(
                        "The reason 'Unknown absence' is the system default and cannot "
                        "be archived."
                    )
                )

    def write(self, vals):
        if (
            "code" in vals
            and any(r.code == UNKNOWN_CODE for r in self)
            and (vals["code"] != UNKNOWN_CODE)
        ):
            raise UserError(self.env._("The code of 'Unknown absence' cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_unknown_or_used(self):
        if any(reason.code == UNKNOWN_CODE for reason in self):
            raise UserError(
                self.env._(
                    "The reason 'Unknown absence' is the system default and cannot be " "deleted."
                )
            )
        used = (
            self.env["op.attendance.line"]
            .sudo()
            .search_count(
                [
                    "|",
                    "|",
                    ("verzuim_reason_id", "in", self.ids),
                    ("verzuim_teacher_reason_id", "in", self.ids),
                    ("verzuim_manual_reason_id", "in", self.ids),
                ],
                limit=1,
            )
        )
        if used:
            raise UserError(
                self.env._(
                    "This reason is used by registrations and cannot be deleted. "
                    "Archive it instead."
                )
            )
