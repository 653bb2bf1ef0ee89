from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools.sql import create_index

STATUSES = [
    ("present", "Present"),
    ("absent", "Absent"),
    ("late", "Late"),
    ("removed", "Removed from class"),
]
CATEGORIES = [
    ("present", "Present"),
    ("authorized", "Authorized"),
    ("unauthorized", "Unauthorized"),
]
SOURCES = [
    ("manual", "Set afterwards"),
    ("notice", "Notice"),
    ("teacher", "Teacher"),
    ("default", "Default"),
]
OPENEDUCAT_FLAGS = ("present", "absent", "late", "excused")
UNKNOWN_CODE = "onbekend"
PRIVILEGED = "mbo_verzuim.group_frontoffice,mbo_verzuim.group_coordinator"
REASON_FIELDS = {"verzuim_reason_id", "verzuim_manual_reason_id", "verzuim_visible_reason_id"}


def flags_for(status, category):
    """OpenEduCat's booleans for one authoritative status."""
    excused = category == "authorized"
    return {
        "present": status == "present",
        "late": status == "late",
        "absent": status in ("absent", "removed") and not excused,
        "excused": status in ("absent", "removed") and excused,
    }


def status_from_flags(vals):
    """The status that OpenEduCat's booleans in ``vals`` ask for (RPC, import, their form)."""
    if vals.get("late"):
        return "late"
    if vals.get("absent") or vals.get("excused"):
        return "absent"
    if vals.get("present"):
        return "present"
    if "present" in vals:
        return "absent"
    return None


class OpAttendanceLine(models.Model):
    _inherit = "op.attendance.line"

    verzuim_session_id = fields.Many2one(
        "op.session", string="Lesson", related="attendance_id.session_id", store=True, index=True
    )
    # Stored for the rules: the order of a day's registrations without joining the lessons.
    verzuim_lesson_start = fields.Datetime(
        string="Lesson Start", related="verzuim_session_id.start_datetime", store=True
    )
    verzuim_teacher_user_id = fields.Many2one(
        "res.users",
        string="Teacher",
        related="attendance_id.session_id.faculty_id.partner_id.user_id",
        store=True,
        index=True,
    )
    verzuim_slb_id = fields.Many2one(
        "res.users", string="SLB", related="student_id.verzuim_slb_id", store=True, index=True
    )
    verzuim_lesson_date = fields.Date(
        string="Lesson Date", compute="_compute_verzuim_lesson", store=True, index=True
    )
    verzuim_lesson_minutes = fields.Integer(
        string="Lesson Minutes", compute="_compute_verzuim_lesson", store=True
    )
    verzuim_status = fields.Selection(
        STATUSES, string="Status", required=True, default="present", tracking=True, index=True
    )
    verzuim_late_minutes = fields.Integer(string="Minutes Late", tracking=True)
    verzuim_removed_at = fields.Datetime(string="Removed At", tracking=True)
    verzuim_teacher_reason_id = fields.Many2one(
        "verzuim.reason",
        string="Reason Given by Teacher",
        domain="[('code', '!=', 'onbekend')]",
        ondelete="restrict",
    )
    verzuim_manual_reason_id = fields.Many2one(
        "verzuim.reason", string="Reason Set Afterwards", ondelete="restrict", groups=PRIVILEGED
    )
    verzuim_notice_id = fields.Many2one(
        "verzuim.notice", string="Notice", index=True, ondelete="set null", groups=PRIVILEGED
    )
    verzuim_reason_id = fields.Many2one(
        "verzuim.reason",
        string="Reason",
        compute="_compute_verzuim_reason",
        inverse="_inverse_verzuim_reason",
        store=True,
        index=True,
        tracking=True,
        groups=PRIVILEGED,
    )
    verzuim_reason_source = fields.Selection(
        SOURCES,
        string="Reason Source",
        compute="_compute_verzuim_reason",
        store=True,
        groups=PRIVILEGED,
    )
    verzuim_visible_reason_id = fields.Many2one(
        "verzuim.reason",
        string="Absence Reason",
        compute="_compute_verzuim_visible_reason",
        inverse="_inverse_verzuim_visible_reason",
        search="_search_verzuim_visible_reason",
        help="The reason, unless it is health data you may not see.",
    )
    verzuim_reason_label = fields.Char(
        string="Reason Shown", compute="_compute_verzuim_visible_reason"
    )
    verzuim_by_notice = fields.Boolean(
        string="By Notice",
        compute="_compute_verzuim_by_notice",
        help="The frontoffice's notice gives this absence its reason.",
    )
    verzuim_is_unknown = fields.Boolean(
        string="Unknown Absence", compute="_compute_verzuim_reason", store=True, index=True
    )
    verzuim_category = fields.Selection(
        CATEGORIES, string="Category", compute="_compute_verzuim_reason", store=True, index=True
    )
    verzuim_minutes = fields.Integer(
        string="Minutes Missed", compute="_compute_verzuim_minutes", store=True, aggregator="sum"
    )
    verzuim_attended = fields.Boolean(
        string="Attended", compute="_compute_verzuim_minutes", store=True
    )

    def init(self):
        # The rule engine reads one student's registrations by date (verzuim.facts).
        create_index(
            self.env.cr,
            "op_attendance_line_verzuim_student_date_idx",
            self._table,
            ["student_id", "verzuim_lesson_date"],
        )

    @api.depends(
        "attendance_id.session_id.verzuim_lesson_date",
        "attendance_id.session_id.end_datetime",
        "attendance_id.attendance_date",
    )
    def _compute_verzuim_lesson(self):
        for line in self:
            session = line.attendance_id.session_id
            if session.start_datetime and session.end_datetime:
                line.verzuim_lesson_date = session.verzuim_lesson_date
                delta = session.end_datetime - session.start_datetime
                line.verzuim_lesson_minutes = int(delta.total_seconds() // 60)
            else:
                line.verzuim_lesson_date = line.attendance_id.attendance_date
                line.verzuim_lesson_minutes = 0

    @api.depends(
        "verzuim_status",
        "verzuim_manual_reason_id",
        "verzuim_notice_id.reason_id",
        "verzuim_notice_id.state",
        "verzuim_teacher_reason_id",
    )
    def _compute_verzuim_reason(self):
        unknown = self.env["verzuim.reason"]._unknown()
        for line in self:
            reason, source = line._verzuim_effective_reason(unknown)
            line.verzuim_reason_id = reason
            line.verzuim_reason_source = source
            line.verzuim_is_unknown = bool(reason) and reason == unknown
            line.verzuim_category = reason.category if reason else "present"

    @api.depends("verzuim_reason_source")
    def _compute_verzuim_by_notice(self):
        for line in self:
            line.verzuim_by_notice = line.sudo().verzuim_reason_source == "notice"

    def _verzuim_effective_reason(self, unknown):
        """Precedence of domain.md §5: set afterwards, notice, teacher, unknown."""
        if self.verzuim_status == "present":
            return self.env["verzuim.reason"], False
        if self.verzuim_manual_reason_id:
            return self.verzuim_manual_reason_id, "manual"
        notice = self.verzuim_notice_id
        if self.verzuim_status == "absent" and notice and notice.state != "cancelled":
            return notice.reason_id, "notice"
        if self.verzuim_teacher_reason_id:
            return self.verzuim_teacher_reason_id, "teacher"
        return unknown, "default"

    def _inverse_verzuim_reason(self):
        for line in self:
            line.verzuim_manual_reason_id = line.verzuim_reason_id

    @api.depends_context("uid")
    @api.depends("verzuim_reason_id", "verzuim_category", "student_id.verzuim_slb_id")
    def _compute_verzuim_visible_reason(self):
        for line in self:
            reason = line.sudo().verzuim_reason_id
            if reason.category == "authorized" and not line._verzuim_may_see_health():
                # Only "authorized": naming the other authorized reasons would single out
                # health. A reason one entered oneself is shown as one's own entry, whatever
                # the effective reason is, so that a guess is never confirmed or denied.
                own = line.verzuim_teacher_reason_id
                line.verzuim_visible_reason_id = own
                line.verzuim_reason_label = own.name or self.env._("Authorized absence")
            else:
                line.verzuim_visible_reason_id = reason
                line.verzuim_reason_label = reason.name or ""

    def _verzuim_may_see_health(self):
        return self.sudo().student_id.with_env(self.env)._verzuim_may_follow()

    def _inverse_verzuim_visible_reason(self):
        self.check_access("write")
        for line in self:
            if not line._verzuim_may_see_health():
                raise AccessError(
                    self.env._(
                        "Only the frontoffice, the coordinator or the student's SLB set the reason "
                        "afterwards. As the teacher, give it under 'Reason (if known)'."
                    )
                )
            line.sudo().verzuim_manual_reason_id = line.verzuim_visible_reason_id

    def _search_verzuim_visible_reason(self, operator, value):
        """Matches what the user reads in the field: the reason where the user may see it,
        otherwise an unauthorized reason, or the reason the user entered."""
        matching = self.sudo()._search([("verzuim_reason_id", operator, value)])
        user = self.env.user
        if self.env.su or user.has_group("mbo_verzuim.group_frontoffice"):
            return [("id", "in", matching)]
        shown_as_entered = [
            ("verzuim_category", "=", "authorized"),
            ("verzuim_teacher_reason_id", operator, value),
        ]
        shown_as_is = [("verzuim_category", "!=", "authorized"), ("id", "in", matching)]
        shown_to_others = expression.OR([shown_as_entered, shown_as_is])
        if not user.has_group("mbo_verzuim.group_slb"):
            return shown_to_others
        return expression.OR(
            [
                [("verzuim_slb_id", "=", user.id), ("id", "in", matching)],
                expression.AND([[("verzuim_slb_id", "!=", user.id)], shown_to_others]),
            ]
        )

    @api.depends(
        "verzuim_status",
        "verzuim_late_minutes",
        "verzuim_removed_at",
        "verzuim_lesson_minutes",
    )
    def _compute_verzuim_minutes(self):
        # Late and removal minutes are always kept: each rule decides whether they count.
        for line in self:
            status = line.verzuim_status
            line.verzuim_attended = status in ("present", "late", "removed")
            if status == "absent":
                line.verzuim_minutes = line.verzuim_lesson_minutes
            elif status == "late":
                line.verzuim_minutes = line.verzuim_late_minutes
            elif status == "removed":
                line.verzuim_minutes = line._verzuim_minutes_after_removal()
            else:
                line.verzuim_minutes = 0

    def _verzuim_minutes_after_removal(self):
        end = self.attendance_id.session_id.end_datetime
        if not (end and self.verzuim_removed_at):
            return 0
        return max(0, int((end - self.verzuim_removed_at).total_seconds() // 60))

    # --- consistency with OpenEduCat's booleans ---------------------------------------------

    @api.model
    def _verzuim_normalize(self, vals):
        """One status in ``vals``; no lateness or removal data that the status does not use."""
        vals = dict(vals)
        self._verzuim_check_input(vals)
        flag_status = status_from_flags(vals)
        if "verzuim_status" not in vals and flag_status:
            vals["verzuim_status"] = flag_status
            if vals.get("excused") and not vals.get("verzuim_teacher_reason_id"):
                correction = self.env.ref("mbo_verzuim.reason_correctie", raise_if_not_found=False)
                vals["verzuim_teacher_reason_id"] = correction.id if correction else False
        for flag in OPENEDUCAT_FLAGS:
            vals.pop(flag, None)
        if "verzuim_reason_id" in vals:  # a reason set on the registration itself wins
            vals["verzuim_manual_reason_id"] = vals.pop("verzuim_reason_id")
        status = vals.get("verzuim_status")
        if status and status != "late":
            vals["verzuim_late_minutes"] = 0
        if status and status != "removed":
            vals["verzuim_removed_at"] = False
        if status == "present":
            vals.setdefault("verzuim_teacher_reason_id", False)
        return vals

    @api.ondelete(at_uninstall=False)
    def _verzuim_unlink_never(self):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Registrations are not deleted: correct the status or the reason, or let the "
                    "coordinator archive the registration, so that the change stays on record."
                )
            )

    @api.model
    def _verzuim_check_input(self, vals):
        """Refuse what cannot be meant, with a message that says what to send instead."""
        if "verzuim_status" in vals and vals["verzuim_status"] not in dict(STATUSES):
            raise ValidationError(
                self.env._(
                    "The status must be one of: present, absent, late, removed (not %(value)r).",
                    value=vals["verzuim_status"],
                )
            )
        flags = [flag for flag in ("present", "absent", "late") if vals.get(flag)]
        if len(flags) > 1 or (vals.get("excused") and (vals.get("present") or vals.get("late"))):
            raise ValidationError(
                self.env._(
                    "A registration has one status: present, absent (excused or not) or late, "
                    "not several at once."
                )
            )
        reason_fields = REASON_FIELDS | {"verzuim_teacher_reason_id"}
        given = {name: vals[name] for name in reason_fields if vals.get(name)}
        if not given:
            return
        if any(type(value) is not int or value <= 0 for value in given.values()):
            raise ValidationError(
                self.env._("A reason is given by the id of an absence reason, or left empty.")
            )
        reasons = self.env["verzuim.reason"].sudo().with_context(active_test=False)
        found = reasons.browse(set(given.values())).exists()
        if len(found) != len(set(given.values())):
            raise ValidationError(self.env._("That absence reason does not exist."))
        if found.filtered(lambda reason: reason.code == UNKNOWN_CODE):
            raise ValidationError(
                self.env._(
                    "'Unknown absence' is what an absence without a reason shows: leave the "
                    "reason empty instead."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._verzuim_normalize(vals) for vals in vals_list]
        lines = super().create(vals_list)
        lines.attendance_id._verzuim_check_line_change()
        lines._verzuim_apply_notices()
        lines._verzuim_sync_flags()
        return lines

    def write(self, vals):
        vals = self._verzuim_normalize(vals)
        self._verzuim_check_registration_rights(vals)
        if set(vals) - REASON_FIELDS:
            self.attendance_id._verzuim_check_line_change()
        before = self._verzuim_statuses_after_completion(vals)
        self._verzuim_drop_stale_manual_reasons(vals)
        result = super().write(vals)
        if "verzuim_status" in vals:
            self.sudo().attendance_id.filtered(lambda sheet: sheet.state == "draft").write(
                {"state": "start"}
            )
        self._verzuim_post_corrections(before)
        if {"student_id", "attendance_id"} & set(vals):
            self._verzuim_apply_notices()
        self._verzuim_sync_flags()
        return result

    def _verzuim_statuses_after_completion(self, vals):
        """The status, before this write, of the lines of registers completed before."""
        if not {"verzuim_status", "verzuim_late_minutes", "verzuim_removed_at"} & set(vals):
            return {}
        return {
            line.id: line._verzuim_status_text()
            for line in self.sudo()
            if line.attendance_id.verzuim_done_date
        }

    def _verzuim_status_text(self):
        labels = dict(self._fields["verzuim_status"]._description_selection(self.env))
        text = labels.get(self.verzuim_status, "")
        if self.verzuim_status == "late":
            text = self.env._(
                "%(status)s (%(minutes)s min.)", status=text, minutes=self.verzuim_late_minutes
            )
        return text

    def _verzuim_post_corrections(self, before):
        """Every change of a completed register is a correction, in its chatter."""
        for line in self.sudo().filtered(lambda line: line.id in before):
            after = line._verzuim_status_text()
            if after != before[line.id]:
                line.attendance_id._verzuim_post(
                    self.env._(
                        "Correction: %(student)s: %(old)s → %(new)s",
                        student=line.student_id.name,
                        old=before[line.id],
                        new=after,
                    )
                )

    def _verzuim_drop_stale_manual_reasons(self, vals):
        """Presence is the teacher's to register: a new status that the reason set afterwards
        does not fit (present, or late after an absence reason) ends that reason. The change
        of the effective reason is tracked."""
        status = vals.get("verzuim_status")
        if not status or "verzuim_manual_reason_id" in vals:
            return
        stale = self.sudo().filtered(
            lambda line: line.verzuim_manual_reason_id
            and (status == "present" or not line.verzuim_manual_reason_id._fits_status(status))
        )
        if stale:
            stale.write({"verzuim_manual_reason_id": False})

    def _verzuim_check_registration_rights(self, vals):
        """The lesson's teacher (or the coordinator) registers presence; the others who may
        edit a registration (SLB, frontoffice) only set its reason. Nobody but the
        coordinator archives a registration: corrections go through status or reason."""
        user = self.env.user
        if "active" in vals and not (
            self.env.su or user.has_group("mbo_verzuim.group_coordinator")
        ):
            raise AccessError(
                self.env._(
                    "Registrations are not archived: correct the status or the reason instead, "
                    "so that the change is tracked."
                )
            )
        if {"attendance_id", "student_id"} & set(vals) and not (
            self.env.su or user.has_group("mbo_verzuim.group_coordinator")
        ):
            raise AccessError(
                self.env._(
                    "A registration stays with its lesson and its student: register the other "
                    "lesson or student on its own register."
                )
            )
        if self.env.su or not (set(vals) - REASON_FIELDS):
            return
        if user.has_group("mbo_verzuim.group_coordinator"):
            return
        if any(line.sudo().verzuim_teacher_user_id != user for line in self):
            raise AccessError(
                self.env._(
                    "Only the teacher of the lesson registers presence, lateness or removal. "
                    "You may set the reason of an absence."
                )
            )

    def _verzuim_sync_flags(self):
        """Write OpenEduCat's booleans where they differ from the status: one write per
        combination of flags, so saving a register costs the same for 3 or 30 students."""
        todo = {}
        for line in self:
            wanted = flags_for(line.verzuim_status, line.verzuim_category)
            if any(line[flag] != value for flag, value in wanted.items()):
                todo.setdefault(tuple(sorted(wanted.items())), []).append(line.id)
        for wanted, ids in todo.items():
            super(OpAttendanceLine, self.browse(ids)).write(dict(wanted))
        return True

    def _verzuim_apply_notices(self):
        notices = self.env["verzuim.notice"].sudo()
        notices._apply_to_lines(self.sudo())

    # --- bad input ------------------------------------------------------------------------

    @api.constrains("verzuim_status", "verzuim_late_minutes", "verzuim_lesson_minutes")
    def _check_verzuim_late_minutes(self):
        for line in self.filtered(lambda line: line.verzuim_status == "late"):
            length = line.verzuim_lesson_minutes
            if line.verzuim_late_minutes < 1 or (length and line.verzuim_late_minutes > length):
                raise ValidationError(
                    self.env._(
                        "%(student)s: give the minutes late, between 1 and the lesson's "
                        "length (%(length)s minutes).",
                        student=line.student_id.name,
                        length=length or "?",
                    )
                )

    @api.constrains("verzuim_status", "verzuim_removed_at")
    def _check_verzuim_removed_at(self):
        for line in self.filtered(lambda line: line.verzuim_status == "removed"):
            session = line.attendance_id.session_id
            removed = line.verzuim_removed_at
            if not removed or (
                session and not session.start_datetime <= removed < session.end_datetime
            ):
                raise ValidationError(
                    self.env._(
                        "%(student)s: a removal from class needs the time of removal, during "
                        "the lesson.",
                        student=line.student_id.name,
                    )
                )

    @api.constrains("verzuim_status", "verzuim_teacher_reason_id", "verzuim_manual_reason_id")
    def _check_verzuim_reason_fits_status(self):
        for line in self.sudo():
            for reason in line.verzuim_teacher_reason_id | line.verzuim_manual_reason_id:
                if line.verzuim_status == "present" or not reason._fits_status(line.verzuim_status):
                    # Never name a reason the user may not read (health data).
                    readable = (
                        reason == line.verzuim_teacher_reason_id
                        or reason.category != "authorized"
                        or line.with_env(self.env)._verzuim_may_see_health()
                    )
                    raise ValidationError(
                        self.env._(
                            "%(student)s: the reason '%(reason)s' does not fit a registration "
                            "that is '%(status)s'.",
                            student=line.student_id.name,
                            reason=reason.name if readable else self.env._("set afterwards"),
                            status=dict(
                                self._fields["verzuim_status"]._description_selection(self.env)
                            )[line.verzuim_status],
                        )
                    )

    @api.constrains("student_id", "attendance_id")
    def _check_verzuim_student_in_class(self):
        batches = self.sudo().attendance_id.batch_id
        enrolled = {
            (row.student_id.id, row.batch_id.id)
            for row in self.env["op.student.course"]
            .sudo()
            .search([("student_id", "in", self.student_id.ids), ("batch_id", "in", batches.ids)])
        }
        for line in self.sudo():
            batch = line.attendance_id.batch_id
            if batch and (line.student_id.id, batch.id) not in enrolled:
                raise ValidationError(
                    self.env._(
                        "%(student)s is not a student of class %(batch)s, so cannot be "
                        "registered in its lesson.",
                        student=line.student_id.name,
                        batch=batch.name,
                    )
                )

    # --- the teacher's actions --------------------------------------------------------------

    def action_verzuim_present(self):
        self.write({"verzuim_status": "present"})

    def action_verzuim_absent(self):
        self.write({"verzuim_status": "absent"})

    def action_verzuim_late(self):
        return self._verzuim_open_wizard("late")

    def action_verzuim_removed(self):
        return self._verzuim_open_wizard("removed")

    def _verzuim_open_wizard(self, mode):
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.student_id.name,
            "res_model": "verzuim.registration.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id, "default_mode": mode},
        }
