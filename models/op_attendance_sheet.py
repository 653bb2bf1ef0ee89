from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..engine.school_time import local_date
from ..engine.school_time import to_local

# Where a register sits: its lesson, its class (through the attendance register), its date
# and its teacher. A teacher fills, completes and reopens the registers of its own lessons;
# only the coordinator or the timetable office moves one (issue 8, point 4).
PLACEMENT_FIELDS = ("register_id", "session_id", "attendance_date", "faculty_id")
# Stored copies of the attendance register's class and course (OpenEduCat's related fields
# are readonly, so writing them would store another class without moving anything).
DERIVED_FIELDS = ("batch_id", "course_id")


class OpAttendanceSheet(models.Model):
    _inherit = "op.attendance.sheet"

    verzuim_absent_count = fields.Integer(string="Absent", compute="_compute_verzuim_counts")
    verzuim_late_count = fields.Integer(string="Late", compute="_compute_verzuim_counts")
    verzuim_student_count = fields.Integer(string="Students", compute="_compute_verzuim_counts")
    verzuim_title = fields.Char(string="Lesson", compute="_compute_display_name")
    verzuim_done_date = fields.Date(
        string="Completed On",
        copy=False,
        readonly=True,
        help="The school day on which the register was first completed; changes after it are "
        "corrections, posted in the chatter.",
    )
    verzuim_may_reopen = fields.Boolean(string="May Reopen", compute="_compute_verzuim_may_reopen")

    @api.depends("session_id", "batch_id", "attendance_date")
    def _compute_display_name(self):
        """Class, subject, date and time of the lesson, in the school's time zone."""
        for sheet in self:
            session = sheet.sudo().session_id
            if not session.start_datetime:
                sheet.verzuim_title = sheet.display_name = sheet.name or ""
                continue
            start = to_local(session.start_datetime)
            end = to_local(session.end_datetime) if session.end_datetime else start
            title = (
                f"{sheet.sudo().batch_id.name or ''} – {session.subject_id.name or ''} – "
                f"{start:%d-%m-%Y} {start:%H:%M}-{end:%H:%M}"
            )
            sheet.verzuim_title = sheet.display_name = title

    @api.depends_context("uid")
    @api.depends("state", "verzuim_done_date")
    def _compute_verzuim_may_reopen(self):
        for sheet in self:
            sheet.verzuim_may_reopen = sheet.state == "done" and sheet._verzuim_reopen_allowed()

    @api.depends("attendance_line.verzuim_status")
    def _compute_verzuim_counts(self):
        for sheet in self:
            statuses = sheet.attendance_line.mapped("verzuim_status")
            sheet.verzuim_student_count = len(statuses)
            sheet.verzuim_absent_count = statuses.count("absent")
            sheet.verzuim_late_count = statuses.count("late") + statuses.count("removed")

    def _verzuim_class_students(self):
        """The students enrolled (running) in the sheet's class."""
        self.ensure_one()
        enrolments = (
            self.env["op.student.course"]
            .sudo()
            .search(
                [
                    ("batch_id", "=", self.batch_id.id),
                    ("state", "=", "running"),
                ]
            )
        )
        return enrolments.student_id

    def _verzuim_fill_lines(self):
        """A line for every student of the class that has none yet: present, or absent when
        a notice (sick, access refused, leave, suspension) covers the lesson, so that the
        line takes the notice's reason at once."""
        for sheet in self:
            if sheet.state == "done":
                continue
            missing = sheet._verzuim_class_students() - sheet.attendance_line.student_id
            if missing:
                covered = sheet._verzuim_students_with_notice(missing)
                self.env["op.attendance.line"].create(
                    [
                        {
                            "attendance_id": sheet.id,
                            "student_id": student.id,
                            "verzuim_status": "absent" if student in covered else "present",
                        }
                        for student in missing
                    ]
                )

    def _verzuim_students_with_notice(self, students):
        """Those of ``students`` for whom a notice covers this register's lesson."""
        self.ensure_one()
        session = self.sudo().session_id
        if not (students and session.start_datetime and session.end_datetime):
            return students.browse()
        notices = (
            self.env["verzuim.notice"]
            .sudo()
            .search(
                [
                    ("student_id", "in", students.ids),
                    ("state", "!=", "cancelled"),
                    ("date_start", "<", session.end_datetime),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">", session.start_datetime),
                ]
            )
        )
        return notices.student_id.with_env(self.env)

    def action_verzuim_all_present(self):
        self._verzuim_check_open()
        self.attendance_line.filtered(lambda line: line.verzuim_status != "present").write(
            {"verzuim_status": "present"}
        )
        self.filtered(lambda sheet: sheet.state == "draft").write({"state": "start"})

    def action_verzuim_complete(self):
        """Complete the register: everyone without a line is present, the sheet is done."""
        self._verzuim_check_open()
        self._verzuim_fill_lines()
        for sheet in self:
            if sheet.verzuim_done_date:
                sheet._verzuim_post(self.env._("Register completed again after a correction."))
        self.filtered(lambda sheet: not sheet.verzuim_done_date).write(
            {"verzuim_done_date": self._verzuim_today()}
        )
        self.write({"state": "done"})
        self.env["verzuim.teacher.reminder"]._sync(self.sudo().session_id.faculty_id)
        return True

    def action_verzuim_reopen(self):
        """Reopen a complete register: the teacher within the days the school allows after
        completing it (setting, default the same day), the coordinator any day."""
        for sheet in self:
            if sheet.state != "done":
                continue
            if not sheet._verzuim_reopen_allowed():
                raise UserError(
                    self.env._(
                        "This register was completed on %(date)s and can no longer be reopened "
                        "by the teacher: ask the absence coordinator to correct it.",
                        date=sheet.verzuim_done_date.strftime("%d-%m-%Y"),
                    )
                )
            sheet._verzuim_post(self.env._("Register reopened for a correction."))
        self.write({"state": "start"})

    def _verzuim_reopen_allowed(self):
        self.ensure_one()
        if self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator"):
            return True
        if not self.verzuim_done_date:
            return True
        company = self.sudo().session_id.company_id or self.env.company
        days = company.verzuim_reopen_days or 0
        return (self._verzuim_today() - self.verzuim_done_date).days <= days

    @api.model
    def _verzuim_today(self):
        return local_date(fields.Datetime.now())

    def _verzuim_post(self, body):
        """A message in the register's chatter, by the user who made the change."""
        for sheet in self:
            sheet.sudo().message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    def _verzuim_check_line_change(self):
        """A complete register is locked: its teacher reopens it first."""
        if self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator"):
            return
        if any(sheet.state == "done" for sheet in self.sudo()):
            raise UserError(
                self.env._(
                    'This register is complete: choose "Reopen" to correct it, so that the '
                    "correction is recorded."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _verzuim_unlink_only_empty(self):
        """Deleting a register would delete its registrations with it (in the database,
        past every check): only a register without registrations goes."""
        if not self.env.su and self.sudo().attendance_line:
            raise UserError(
                self.env._(
                    "This register holds registrations, which are never deleted: correct them "
                    "or let the coordinator archive them instead."
                )
            )

    def _verzuim_check_open(self):
        if any(sheet.state == "done" for sheet in self):
            raise UserError(self.env._("This register is complete. Reopen it first to change it."))

    # --- where a register sits ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._verzuim_may_place():
            vals_list = [self._verzuim_own_lesson_vals(vals) for vals in vals_list]
        for vals in vals_list:
            register = self.env["op.attendance.register"].sudo().browse(vals.get("register_id"))
            self._verzuim_check_derived(vals, register)
        return super().create(vals_list)

    def write(self, vals):
        if set(DERIVED_FIELDS) & set(vals):
            for sheet in self.sudo():
                register = sheet.register_id
                if "register_id" in vals:
                    register = register.browse(vals["register_id"])
                self._verzuim_check_derived(vals, register)
        if not self._verzuim_may_place() and self._verzuim_moves(vals):
            raise AccessError(
                self.env._(
                    "Only the absence coordinator or the timetable office may move a register "
                    "to another lesson, class, date or teacher."
                )
            )
        return super().write(vals)

    @api.model
    def _verzuim_may_place(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("mbo_verzuim.group_coordinator")
            or user.has_group("openeducat_timetable.group_op_timetable_manager")
        )

    def _verzuim_moves(self, vals):
        """Whether ``vals`` put one of these registers in another place (writing the values
        it already has is no move)."""
        for fname in set(PLACEMENT_FIELDS) & set(vals):
            field = self._fields[fname]
            new = field.convert_to_cache(vals[fname], self)
            if any(field.convert_to_cache(sheet[fname], sheet) != new for sheet in self.sudo()):
                return True
        return False

    @api.model
    def _verzuim_check_derived(self, vals, register):
        """``vals`` may only repeat the class and course of the attendance register."""
        for fname in set(DERIVED_FIELDS) & set(vals):
            field = self._fields[fname]
            if field.convert_to_cache(vals[fname], self) != (register[fname].id or None):
                raise UserError(
                    self.env._(
                        "A register's class and course come from its attendance register; "
                        "they cannot be set on their own."
                    )
                )

    @api.model
    def _verzuim_own_lesson_vals(self, vals):
        """A register opened by a teacher takes its lesson's date and teacher, and a lesson
        has one register. Another's lesson is left to the record rules (which refuse it), so
        that nothing here tells about a lesson the user may not read."""
        session = self.env["op.session"].browse(vals.get("session_id") or [])
        if not session.exists():
            return vals
        own = session.sudo().faculty_id.partner_id.user_id == self.env.user
        if not (own or session.has_access("read")):
            return vals
        session = session.sudo()
        lesson = {
            "attendance_date": session.verzuim_lesson_date,
            "faculty_id": session.faculty_id.id,
        }
        for fname, value in lesson.items():
            field = self._fields[fname]
            if fname in vals and field.convert_to_cache(vals[fname], self) != (value or None):
                raise AccessError(
                    self.env._(
                        "A register takes the date and the teacher of its lesson; only the "
                        "absence coordinator or the timetable office may set others."
                    )
                )
        if (
            self.sudo()
            .with_context(active_test=False)
            .search_count([("session_id", "=", session.id)], limit=1)
        ):
            raise UserError(self.env._("This lesson already has a register: open that one."))
        return {**lesson, **vals}

    @api.constrains("register_id", "session_id")
    def _check_verzuim_same_class(self):
        """For everyone: the registrations stay in their class, and a register is of the
        class of its lesson."""
        self._verzuim_check_lines_in_class()
        for sheet in self.sudo():
            if sheet.session_id and sheet.session_id.batch_id != sheet.register_id.batch_id:
                raise ValidationError(
                    self.env._(
                        "A register is of the class of its lesson: choose the attendance "
                        "register of that class."
                    )
                )

    def _verzuim_check_lines_in_class(self):
        """Every student registered in these registers is enrolled in the register's class."""
        sheets = self.sudo().with_context(active_test=False)
        for sheet in sheets:
            batch = sheet.register_id.batch_id
            students = sheet.attendance_line.student_id
            if not (batch and students):
                continue
            enrolled = (
                self.env["op.student.course"]
                .sudo()
                .search([("student_id", "in", students.ids), ("batch_id", "=", batch.id)])
                .student_id
            )
            strangers = students - enrolled
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(count)s student(s) registered in this register are not in class "
                        "%(batch)s: a register with registrations stays in its class.",
                        count=len(strangers),
                        batch=batch.name,
                    )
                )


class OpAttendanceRegister(models.Model):
    _inherit = "op.attendance.register"

    def write(self, vals):
        result = super().write(vals)
        if "batch_id" in vals:
            # The registers (sheets) of this attendance register move with it: their
            # registrations and lessons must be of the new class too.
            self.env["op.attendance.sheet"].sudo().with_context(active_test=False).search(
                [("register_id", "in", self.ids)]
            )._check_verzuim_same_class()
        return result
