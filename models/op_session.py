from datetime import timedelta

import pytz

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.osv import expression

from ..engine.school_time import SCHOOL_TZ
from ..engine.school_time import local_date
from ..engine.school_time import to_local

TIMETABLE_FIELDS = {
    "faculty_id",
    "batch_id",
    "course_id",
    "subject_id",
    "start_datetime",
    "end_datetime",
    "classroom_id",
    "timing_id",
}


class OpSession(models.Model):
    _inherit = "op.session"

    def _verzuim_tz(self):
        """The school's time zone, whatever the user's (a lesson is at school)."""
        return pytz.timezone(SCHOOL_TZ)

    @api.depends("start_datetime", "end_datetime")
    def _compute_timing(self):
        tz = self._verzuim_tz()
        for session in self:
            if session.start_datetime and session.end_datetime:
                start = to_local(session.start_datetime, tz)
                end = to_local(session.end_datetime, tz)
                session.timing = session.verzuim_time = f"{start:%H:%M} - {end:%H:%M}"
            else:
                session.timing = session.verzuim_time = False

    @api.depends("faculty_id", "subject_id", "start_datetime", "end_datetime")
    def _compute_name(self):
        tz = self._verzuim_tz()
        for session in self:
            if (
                session.faculty_id
                and session.subject_id
                and session.start_datetime
                and session.end_datetime
            ):
                start = to_local(session.start_datetime, tz)
                end = to_local(session.end_datetime, tz)
                session.name = (
                    f"{session.faculty_id.name}:{session.subject_id.name}:"
                    f"{start:%d-%m-%Y %H:%M}-{end:%H:%M}"
                )
            else:
                session.name = False

    verzuim_sheet_id = fields.Many2one(
        "op.attendance.sheet", string="Register", compute="_compute_verzuim_sheet_id"
    )
    verzuim_register_state = fields.Selection(
        [("todo", "To register"), ("started", "In progress"), ("done", "Registered")],
        string="Registration",
        compute="_compute_verzuim_register_state",
        store=True,
        index=True,
    )
    verzuim_to_register = fields.Boolean(
        string="Still to Register",
        compute="_compute_verzuim_to_register",
        search="_search_verzuim_to_register",
        help="The lesson has ended and its register is not complete.",
    )
    verzuim_lesson_date = fields.Date(
        string="Lesson Date", compute="_compute_verzuim_lesson_date", store=True, index=True
    )
    verzuim_time = fields.Char(string="Time", compute="_compute_timing")
    verzuim_today = fields.Boolean(
        string="Today", compute="_compute_verzuim_period", search="_search_verzuim_today"
    )
    verzuim_this_week = fields.Boolean(
        string="This Week", compute="_compute_verzuim_period", search="_search_verzuim_this_week"
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._verzuim_check_timetable_rights()
        return super().create(vals_list)

    def write(self, vals):
        if TIMETABLE_FIELDS & set(vals):
            self._verzuim_check_timetable_rights()
        faculties = self.sudo().faculty_id
        result = super().write(vals)
        if "batch_id" in vals:
            # A lesson with a register stays in the register's class.
            self.sudo().attendance_sheet._check_verzuim_same_class()
        if {"state", "active", "faculty_id", "start_datetime", "end_datetime"} & set(vals):
            # A cancelled, moved or reassigned lesson leaves no stale to-do behind.
            self.env["verzuim.teacher.reminder"]._sync(faculties | self.sudo().faculty_id)
        return result

    def unlink(self):
        faculties = self.sudo().faculty_id
        result = super().unlink()
        self.env["verzuim.teacher.reminder"]._sync(faculties)
        return result

    def _verzuim_check_timetable_rights(self):
        """A teacher registers lessons but does not plan them: otherwise a lesson of one's own
        in any class would open that class's registrations."""
        user = self.env.user
        if self.env.su or user.has_group("openeducat_timetable.group_op_timetable_manager"):
            return
        if user.has_group("mbo_verzuim.group_teacher"):
            raise AccessError(
                self.env._("Lessons are planned by the timetable office, not by teachers.")
            )

    @api.depends("attendance_sheet")
    def _compute_verzuim_sheet_id(self):
        for session in self:
            session.verzuim_sheet_id = session.attendance_sheet[:1]

    @api.depends("attendance_sheet.state")
    def _compute_verzuim_register_state(self):
        for session in self:
            # A register only opened (everyone present by default, nothing entered) leaves
            # the lesson "to register".
            sheets = session.attendance_sheet
            if not sheets or all(sheet.state == "draft" for sheet in sheets):
                session.verzuim_register_state = "todo"
            elif all(sheet.state == "done" for sheet in sheets):
                session.verzuim_register_state = "done"
            else:
                session.verzuim_register_state = "started"

    @api.depends("start_datetime")
    def _compute_verzuim_lesson_date(self):
        for session in self:
            session.verzuim_lesson_date = local_date(session.start_datetime)

    @api.model
    def _verzuim_week(self):
        """Today and this week's Monday and Sunday, in the school's time zone."""
        today = local_date(fields.Datetime.now())
        monday = today - timedelta(days=today.weekday())
        return today, monday, monday + timedelta(days=6)

    def _compute_verzuim_period(self):
        today, monday, sunday = self._verzuim_week()
        for session in self:
            day = session.verzuim_lesson_date
            session.verzuim_today = day == today
            session.verzuim_this_week = bool(day) and monday <= day <= sunday

    def _verzuim_period_domain(self, operator, value, domain):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on a period of lessons."))
        return domain if (operator == "=") == value else ["!", *expression.normalize_domain(domain)]

    def _search_verzuim_today(self, operator, value):
        today = self._verzuim_week()[0]
        return self._verzuim_period_domain(operator, value, [("verzuim_lesson_date", "=", today)])

    def _search_verzuim_this_week(self, operator, value):
        _today, monday, sunday = self._verzuim_week()
        domain = [("verzuim_lesson_date", ">=", monday), ("verzuim_lesson_date", "<=", sunday)]
        return self._verzuim_period_domain(operator, value, domain)

    def _compute_verzuim_to_register(self):
        now = fields.Datetime.now()
        for session in self:
            session.verzuim_to_register = (
                session.end_datetime
                and session.end_datetime <= now
                and session.state != "cancel"
                and session.verzuim_register_state != "done"
            )

    def _search_verzuim_to_register(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'Still to Register'."))
        domain = [
            ("end_datetime", "<=", fields.Datetime.now()),
            ("state", "!=", "cancel"),
            ("verzuim_register_state", "!=", "done"),
        ]
        return domain if (operator == "=") == value else ["!", *expression.normalize_domain(domain)]

    def action_verzuim_open_register(self):
        """Open the lesson's register, creating it with everyone present."""
        self.ensure_one()
        sheet = self.verzuim_sheet_id or self._verzuim_create_sheet()
        sheet._verzuim_fill_lines()
        return {
            "type": "ir.actions.act_window",
            "name": sheet.display_name,
            "res_model": "op.attendance.sheet",
            "res_id": sheet.id,
            "view_mode": "form",
            "views": [
                (self.env.ref("mbo_verzuim.op_attendance_sheet_view_form_register").id, "form")
            ],
            "target": "current",
        }

    def _verzuim_create_sheet(self):
        Register = self.env["op.attendance.register"].sudo()
        register = Register.search(
            [("batch_id", "=", self.batch_id.id), ("course_id", "=", self.course_id.id)], limit=1
        ) or Register.create(
            {
                "name": (self.batch_id.code or "")[:16],
                "code": f"R{self.batch_id.id}-{self.course_id.id}"[:16],
                "batch_id": self.batch_id.id,
                "course_id": self.course_id.id,
            }
        )
        return self.env["op.attendance.sheet"].create(
            {
                "register_id": register.id,
                "session_id": self.id,
                "attendance_date": self.verzuim_lesson_date,
                "faculty_id": self.faculty_id.id,
                "state": "draft",
            }
        )

    @api.model
    def _cron_remind_teachers(self):
        """Daily: one to-do per teacher listing the lessons still to register."""
        Reminder = self.env["verzuim.teacher.reminder"]
        sessions = self.sudo().search([("verzuim_to_register", "=", True)])
        # Also the teachers with an open to-do: one registered some other way gets closed.
        reminded = self.env["op.faculty"].sudo().browse(Reminder._open_reminders().mapped("res_id"))
        return Reminder._sync(sessions.faculty_id | reminded)
