from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError

from ..engine.obligation import age_on
from ..engine.obligation import obligation

FOLLOW_UP_GROUPS = (
    "mbo_verzuim.group_frontoffice,mbo_verzuim.group_slb,mbo_verzuim.group_coordinator"
)
OBLIGATIONS = [
    ("leerplichtig", "Leerplichtig (under 16)"),
    ("kwalificatieplichtig", "Kwalificatieplichtig (16–17, no startkwalificatie)"),
    ("rmc", "RMC target group (18–22, no startkwalificatie)"),
    ("none", "None"),
]


class OpStudent(models.Model):
    _inherit = "op.student"

    verzuim_startkwalificatie = fields.Boolean(
        string="Startkwalificatie",
        help="Holds a havo/vwo diploma or an MBO diploma at level 2, 3 or 4.",
    )
    verzuim_slb_id = fields.Many2one(
        "res.users",
        string="Study Career Coach (SLB)",
        index=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("mbo_verzuim.group_slb").ids)],
    )
    verzuim_age = fields.Integer(string="Age", compute="_compute_verzuim_obligation")
    verzuim_obligation = fields.Selection(
        OBLIGATIONS, string="Obligation", compute="_compute_verzuim_obligation"
    )

    @api.constrains("verzuim_slb_id")
    def _check_verzuim_slb_is_a_coach(self):
        slb_group = self.env.ref("mbo_verzuim.group_slb")
        for student in self:
            if student.verzuim_slb_id and slb_group not in student.verzuim_slb_id.groups_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a study career coach (SLB): give the user the SLB "
                        "role first.",
                        user=student.verzuim_slb_id.name,
                    )
                )

    def write(self, vals):
        protected = {"verzuim_slb_id", "verzuim_startkwalificatie", "birth_date"} & set(vals)
        if protected and not self._verzuim_may_manage():
            raise AccessError(
                self.env._(
                    "Only the absence coordinator or the student administration may change a "
                    "student's SLB, startkwalificatie or birth date: they decide which rules apply."
                )
            )
        return super().write(vals)

    def _verzuim_may_manage(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("mbo_verzuim.group_coordinator")
            or user.has_group("openeducat_core.group_op_back_office_admin")
        )

    def _verzuim_may_follow(self):
        """Whether the user may see this student's absence in detail, health reasons
        included: frontoffice (the coordinator has that role too), or the student's own SLB."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("mbo_verzuim.group_frontoffice"):
            return True
        return user.has_group("mbo_verzuim.group_slb") and self.sudo().verzuim_slb_id == user

    @api.depends("birth_date", "verzuim_startkwalificatie")
    @api.depends_context("verzuim_date")
    def _compute_verzuim_obligation(self):
        day = self.env.context.get("verzuim_date") or fields.Date.context_today(self)
        day = fields.Date.to_date(day)
        for student in self:
            student.verzuim_age = age_on(student.birth_date, day) or 0
            student.verzuim_obligation = obligation(
                student.birth_date, student.verzuim_startkwalificatie, day
            )

    verzuim_unauthorized_hours = fields.Float(
        string="Unauthorized Hours (4 weeks)",
        groups=FOLLOW_UP_GROUPS,
        compute="_compute_verzuim_summary",
        digits=(6, 2),
        help="Unauthorized hours missed in the last 4 school weeks (lesweken).",
    )
    verzuim_authorized_hours = fields.Float(
        string="Authorized Hours (4 weeks)",
        groups=FOLLOW_UP_GROUPS,
        compute="_compute_verzuim_summary",
        digits=(6, 2),
        help="Authorized hours missed in the last 4 school weeks (lesweken).",
    )
    verzuim_attendance_rate = fields.Float(
        string="Attendance This School Year (%)",
        groups=FOLLOW_UP_GROUPS,
        compute="_compute_verzuim_summary",
        digits=(5, 1),
    )
    verzuim_attendance_rate_recent = fields.Float(
        string="Attendance Last 4 Weeks (%)",
        groups=FOLLOW_UP_GROUPS,
        compute="_compute_verzuim_summary",
        digits=(5, 1),
        help="Attendance in the last 4 school weeks (lesweken), in lesson time.",
    )
    verzuim_line_count = fields.Integer(
        string="Registrations", compute="_compute_verzuim_summary", groups=FOLLOW_UP_GROUPS
    )
    verzuim_notice_count = fields.Integer(
        string="Notices", compute="_compute_verzuim_notices", groups=FOLLOW_UP_GROUPS
    )

    @api.depends_context("verzuim_date")
    def _compute_verzuim_summary(self):
        today = fields.Date.to_date(
            self.env.context.get("verzuim_date") or fields.Date.context_today(self)
        )
        year_start = today.replace(month=8, day=1)
        if year_start > today:
            year_start = year_start.replace(year=today.year - 1)
        Line = self.env["op.attendance.line"].sudo()
        recent = []
        by_company = {}
        for student in self.sudo():
            by_company.setdefault(student.company_id or self.env.company, []).append(student.id)
        for company, student_ids in by_company.items():
            # The lesweken of the student's own institution's calendar.
            window_start = self.env["verzuim.holiday"]._lesweken_back(today, 4, company=company)
            recent += Line._read_group(
                [
                    ("student_id", "in", student_ids),
                    ("verzuim_lesson_date", ">=", window_start),
                    ("verzuim_lesson_date", "<=", today),
                ],
                ["student_id", "verzuim_category"],
                ["verzuim_minutes:sum", "verzuim_lesson_minutes:sum"],
            )
        year = Line._read_group(
            [
                ("student_id", "in", self.ids),
                ("verzuim_lesson_date", ">=", year_start),
                ("verzuim_lesson_date", "<=", today),
            ],
            ["student_id"],
            ["verzuim_lesson_minutes:sum", "verzuim_minutes:sum", "__count"],
        )
        minutes = {(student.id, category): total for student, category, total, _l in recent}
        recent_lesson = {}
        for student, _category, missed, lesson in recent:
            done = recent_lesson.get(student.id, (0, 0))
            recent_lesson[student.id] = (done[0] + lesson, done[1] + missed)
        rates = {student.id: (lesson, missed, count) for student, lesson, missed, count in year}
        for student in self:
            if not student._verzuim_may_follow():
                student.verzuim_unauthorized_hours = 0
                student.verzuim_authorized_hours = 0
                student.verzuim_attendance_rate = 0
                student.verzuim_attendance_rate_recent = 0
                student.verzuim_line_count = 0
                continue
            student.verzuim_unauthorized_hours = minutes.get((student.id, "unauthorized"), 0) / 60
            student.verzuim_authorized_hours = minutes.get((student.id, "authorized"), 0) / 60
            lesson, missed, count = rates.get(student.id, (0, 0, 0))
            student.verzuim_attendance_rate = 100.0 * (lesson - missed) / lesson if lesson else 0
            student.verzuim_line_count = count
            lesson, missed = recent_lesson.get(student.id, (0, 0))
            student.verzuim_attendance_rate_recent = (
                100.0 * (lesson - missed) / lesson if lesson else 0
            )

    verzuim_signal_count = fields.Integer(
        string="Signals",
        compute="_compute_verzuim_signal_count",
        groups="mbo_verzuim.group_slb,mbo_verzuim.group_coordinator",
    )

    def _compute_verzuim_signal_count(self):
        counts = dict(
            self.env["verzuim.signal"]._read_group(
                [("student_id", "in", self.ids), ("state", "in", ("new", "in_progress"))],
                ["student_id"],
                ["__count"],
            )
        )
        for student in self:
            student.verzuim_signal_count = counts.get(student, 0)

    def action_verzuim_view_signals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mbo_verzuim.verzuim_signal_action")
        action["domain"] = [("student_id", "=", self.id)]
        action["context"] = {"search_default_filter_open": 1}
        return action

    def _compute_verzuim_notices(self):
        counts = dict(
            self.env["verzuim.notice"]._read_group(
                [("student_id", "in", self.ids)], ["student_id"], ["__count"]
            )
        )
        for student in self:
            student.verzuim_notice_count = counts.get(student, 0)

    def action_verzuim_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mbo_verzuim.op_attendance_line_action_all"
        )
        action["domain"] = [("student_id", "=", self.id)]
        action["context"] = {"search_default_filter_absent": 1}
        return action

    def action_verzuim_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mbo_verzuim.verzuim_notice_action")
        action["domain"] = [("student_id", "=", self.id)]
        action["context"] = {"default_student_id": self.id}
        return action
