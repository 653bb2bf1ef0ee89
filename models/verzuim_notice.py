from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..engine.school_time import local_date
from ..engine.school_time import to_local

NOTICE_REASONS = {
    "sick": "mbo_verzuim.reason_ziek",
    "access_refused": "mbo_verzuim.reason_toegang_geweigerd",
    "extra_leave": "mbo_verzuim.reason_verlof",
    "suspension": "mbo_verzuim.reason_schorsing",
    "pregnancy": "mbo_verzuim.reason_zwanger",
}


class VerzuimNotice(models.Model):
    _name = "verzuim.notice"
    _description = "Absence Notice"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    student_id = fields.Many2one("op.student", required=True, index=True, tracking=True)
    notice_type = fields.Selection(
        [
            ("sick", "Sick"),
            ("access_refused", "Access refused"),
            ("extra_leave", "Extra leave"),
            ("suspension", "Suspension"),
            ("pregnancy", "Pregnancy"),
        ],
        string="Type",
        required=True,
        default="sick",
        tracking=True,
    )
    date_start = fields.Datetime(
        string="From", required=True, default=fields.Datetime.now, tracking=True
    )
    date_end = fields.Datetime(
        string="Until",
        tracking=True,
        help="May stay empty only for a sick notice, until the recovery is reported.",
    )
    note = fields.Text(help="No diagnosis: only what the school needs to know.")
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed"), ("cancelled", "Cancelled")],
        string="Status",
        compute="_compute_state",
        store=True,
        readonly=False,
        tracking=True,
    )
    reason_id = fields.Many2one("verzuim.reason", compute="_compute_reason_id", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Institution",
        compute="_compute_company_id",
        store=True,
        index=True,
    )
    line_ids = fields.One2many("op.attendance.line", "verzuim_notice_id", string="Registrations")
    line_count = fields.Integer(string="Lessons", compute="_compute_line_count")

    @api.depends("student_id.company_id")
    def _compute_company_id(self):
        for notice in self:
            notice.company_id = notice.student_id.company_id or self.env.company

    @api.depends("date_end")
    def _compute_state(self):
        for notice in self:
            if notice.state == "cancelled":
                notice.state = "cancelled"
                continue
            notice.state = "closed" if notice.date_end else "open"

    @api.depends("notice_type")
    def _compute_reason_id(self):
        for notice in self:
            notice.reason_id = self.env.ref(NOTICE_REASONS[notice.notice_type])

    def _compute_line_count(self):
        counts = dict(
            self.env["op.attendance.line"]
            .sudo()
            ._read_group(
                [("verzuim_notice_id", "in", self.ids)], ["verzuim_notice_id"], ["__count"]
            )
        )
        for notice in self:
            notice.line_count = counts.get(notice, 0)

    @api.depends("student_id", "notice_type", "date_start")
    def _compute_display_name(self):
        types = dict(self._fields["notice_type"]._description_selection(self.env))
        for notice in self:
            day = local_date(notice.date_start)
            start = day.strftime("%d-%m-%Y") if day else ""
            notice.display_name = (
                f"{notice.student_id.name or ''} – {types.get(notice.notice_type, '')} {start}"
            )

    @api.constrains("date_start", "date_end", "notice_type")
    def _check_period(self):
        for notice in self:
            if notice.date_end and notice.date_end < notice.date_start:
                raise ValidationError(self.env._("A notice cannot end before it starts."))
            if not notice.date_end and notice.notice_type != "sick":
                raise ValidationError(
                    self.env._("Only a sick notice may stay open: give the end of this notice.")
                )

    @api.constrains("student_id", "notice_type", "date_start", "date_end", "state")
    def _check_overlap(self):
        for notice in self.filtered(lambda n: n.state != "cancelled"):
            domain = [
                ("id", "!=", notice.id),
                ("student_id", "=", notice.student_id.id),
                ("notice_type", "=", notice.notice_type),
                ("state", "!=", "cancelled"),
                "|",
                ("date_end", "=", False),
                ("date_end", ">", notice.date_start),
            ]
            if notice.date_end:
                domain.append(("date_start", "<", notice.date_end))
            if self.sudo().search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%(student)s already has a notice of this type in this period: change "
                        "that notice instead.",
                        student=notice.student_id.name,
                    )
                )

    # --- applying notices to registrations ------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        notices = super().create(vals_list)
        notices._reapply()
        return notices

    def write(self, vals):
        if "reason_id" in vals and not self.env.su:
            raise UserError(self.env._("A notice's reason follows from its type: change the type."))
        watched = {"student_id", "date_start", "date_end", "state", "notice_type"}
        before = self._covered_lines() if watched & set(vals) else None
        result = super().write(vals)
        if before is not None:
            self._reapply(before)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_without_rights(self):
        if not self.env.user.has_group("mbo_verzuim.group_coordinator") and not self.env.su:
            raise UserError(self.env._("Cancel the notice instead of deleting it."))

    def unlink(self):
        lines = self._covered_lines()
        result = super().unlink()
        self._apply_to_lines(lines.exists())
        return result

    def _reapply(self, extra_lines=None):
        lines = self._covered_lines()
        if extra_lines:
            lines |= extra_lines
        self._apply_to_lines(lines)

    def _covered_lines(self):
        """Registrations of these notices' students whose lesson overlaps a notice period."""
        lines = self.env["op.attendance.line"].sudo()
        for notice in self.sudo():
            lines |= lines.search(notice._overlap_domain())
        return lines

    def _overlap_domain(self):
        domain = [
            ("student_id", "=", self.student_id.id),
            ("verzuim_session_id.end_datetime", ">", self.date_start),
        ]
        if self.date_end:
            domain.append(("verzuim_session_id.start_datetime", "<", self.date_end))
        return domain

    @api.model
    def _apply_to_lines(self, lines):
        """Give every line its covering notice (latest start wins): one SQL read and one
        write per notice, whatever the number of lessons."""
        if not lines:
            return
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (line.id) line.id, notice.id
                  FROM op_attendance_line line
                  JOIN op_session session ON session.id = line.verzuim_session_id
                  LEFT JOIN verzuim_notice notice
                    ON notice.student_id = line.student_id
                   AND notice.state != 'cancelled'
                   AND notice.date_start < session.end_datetime
                   AND (notice.date_end IS NULL OR notice.date_end > session.start_datetime)
                 WHERE line.id IN %s
                 ORDER BY line.id, notice.date_start DESC NULLS LAST, notice.id DESC
                """,
                tuple(lines.ids),
            )
        )
        current = {line.id: line.verzuim_notice_id.id for line in lines.sudo()}
        changes = {}
        for line_id, notice_id in rows:
            if current.get(line_id) != notice_id:
                changes.setdefault(notice_id, []).append(line_id)
        Line = self.env["op.attendance.line"].sudo()
        for notice_id, ids in changes.items():
            Line.browse(ids).write({"verzuim_notice_id": notice_id or False})

    # --- actions --------------------------------------------------------------------------

    def action_recovered(self):
        """Hersteld melden: ask when the student recovered (default now)."""
        self._check_may_recover()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report recovered"),
            "res_model": "verzuim.notice.recovered",
            "view_mode": "form",
            "target": "new",
            "context": {"default_notice_ids": self.ids},
        }

    def _check_may_recover(self):
        for notice in self:
            if notice.notice_type != "sick" or notice.state != "open":
                raise UserError(self.env._("Only an open sick notice can be closed as recovered."))

    def _recover(self, when):
        """Close these open sick notices at ``when`` (naive UTC)."""
        self._check_may_recover()
        for notice in self:
            if when < notice.date_start:
                raise UserError(
                    self.env._(
                        "%(student)s cannot have recovered before the sick notice started "
                        "(%(start)s): choose a later moment.",
                        student=notice.student_id.name,
                        start=to_local(notice.date_start).strftime("%d-%m-%Y %H:%M"),
                    )
                )
        self.write({"date_end": when})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_view_lines(self):
        """The notice's lessons in the module's own registration list."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.op_attendance_line_action_all"
        )
        action["domain"] = [("verzuim_notice_id", "=", self.id)]
        action["context"] = {}
        return action
