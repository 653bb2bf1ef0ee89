"""The family side in Odoo's portal (issue 13): who sees which student, and what a parent or
student may do there.

Portal users get no access rights on the module's models. Every portal route goes through
this model: it finds the students the user may see (``_students``), refuses any other id in
the same words whether the record exists or not, and only then reads or writes as superuser.
What it hands to the templates is plain values, never a record a template could walk from.
A portal user never sees a health reason: an authorized absence reads "Authorized", except
the lessons covered by a sick report the user made, which read "Reported sick by you".
"""

from datetime import time
from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

from ..engine.school_time import local_date
from ..engine.school_time import to_local
from .verzuim_leave_request import KINDS
from .verzuim_leave_request import local_moment

OPEN_REQUEST_STATES = ("draft", "submitted")


class VerzuimPortal(models.AbstractModel):
    _name = "verzuim.portal"
    _description = "Absence in the Portal"

    # --- who sees whom ---------------------------------------------------------------------

    @api.model
    def _students(self):
        """The students the current user sees: itself, and the children whose parents may
        see them (under 18, or an adult who consented)."""
        user = self.env.user
        own = self.env["op.student"].sudo().search([("user_id", "=", user.id)])
        parents = self.env["op.parent"].sudo().search([("user_id", "=", user.id)])
        children = parents.student_ids.filtered(lambda s: s._verzuim_parents_may_see())
        return own | children

    @api.model
    def _student(self, student_id):
        """The student ``student_id`` if the user sees it. The same refusal whether it does
        not exist or is someone else's."""
        try:
            student_id = int(student_id)
        except (TypeError, ValueError):
            student_id = 0
        student = self._students().filtered(lambda s: s.id == student_id)
        if not student:
            raise AccessError(self.env._("You cannot see this student."))
        return student

    @api.model
    def _may_act(self, student):
        """Report sick and ask for leave: a parent for a student under 18, the adult student
        itself."""
        user = self.env.user
        if student._verzuim_is_adult():
            return student.user_id == user
        return user in student.parent_ids.filtered("active").user_id

    @api.model
    def _check_may_act(self, student):
        if not self._may_act(student):
            raise AccessError(
                self.env._(
                    "Only a parent reports for a student under 18; a student of 18 or older "
                    "reports for itself."
                )
            )

    @api.model
    def _now(self):
        """Now, naive UTC (tests pass ``verzuim_now``)."""
        return self.env.context.get("verzuim_now") or fields.Datetime.now()

    @api.model
    def _now_local(self):
        return to_local(self._now())

    # --- what the page shows --------------------------------------------------------------

    @api.model
    def _overview(self, student):
        """Plain values for /my/verzuim about one student the user sees."""
        today = self._now_local().date()
        student = student.sudo().with_context(verzuim_date=today)
        return {
            "student_id": student.id,
            "name": student.name,
            "is_self": student.user_id == self.env.user,
            "is_adult": student._verzuim_is_adult(today),
            "consent": student.verzuim_parent_consent,
            "may_act": self._may_act(student),
            "rate_year": round(student.verzuim_attendance_rate, 1),
            "rate_recent": round(student.verzuim_attendance_rate_recent, 1),
            "absences": self._absences(student, today),
            "sick_reports": self._sick_reports(student),
            "leave_requests": self._leave_requests(student),
        }

    @api.model
    def _absences(self, student, today):
        """This and last week's absences and late arrivals, newest first."""
        monday = today - timedelta(days=today.weekday() + 7)
        lines = (
            self.env["op.attendance.line"]
            .sudo()
            .search(
                [
                    ("student_id", "=", student.id),
                    ("verzuim_lesson_date", ">=", monday),
                    ("verzuim_lesson_date", "<=", today),
                    ("verzuim_status", "!=", "present"),
                ],
                order="verzuim_lesson_date desc, id desc",
            )
        )
        lines = lines.sorted(
            lambda ln: ln.verzuim_session_id.start_datetime or fields.Datetime.now(), reverse=True
        )
        return [
            {
                "date": line.verzuim_lesson_date,
                "lesson": self._lesson_label(line.verzuim_session_id),
                "label": self._absence_label(line),
                "unauthorized": line.verzuim_category == "unauthorized",
            }
            for line in lines
        ]

    @api.model
    def _lesson_label(self, session):
        times = "–".join(
            to_local(moment).strftime("%H:%M")
            for moment in (session.start_datetime, session.end_datetime)
            if moment
        )
        return " ".join(filter(None, [times, session.subject_id.name]))

    @api.model
    def _absence_label(self, line):
        """What a family reads: never a health reason (domain.md §3, §9)."""
        if line.verzuim_status == "late":
            return self.env._("Late, %s min", line.verzuim_late_minutes)
        if line.verzuim_status == "removed":
            return self.env._("Removed from class")
        notice = line.verzuim_notice_id
        if (
            line.verzuim_reason_source == "notice"
            and notice.notice_type == "sick"
            and notice.verzuim_portal
            and notice.verzuim_reported_by_id == self.env.user
        ):
            return self.env._("Reported sick by you")
        if line.verzuim_category == "authorized":
            return self.env._("Authorized")
        return self.env._("Unauthorized")

    @api.model
    def _sick_reports(self, student):
        """The open sick reports this user made for the student."""
        notices = (
            self.env["verzuim.notice"]
            .sudo()
            .search(
                [
                    ("student_id", "=", student.id),
                    ("notice_type", "=", "sick"),
                    ("verzuim_portal", "=", True),
                    ("verzuim_reported_by_id", "=", self.env.user.id),
                    ("state", "=", "open"),
                ]
            )
        )
        return [
            {
                "id": notice.id,
                "date": local_date(notice.date_start),
                "late": notice.verzuim_reported_late,
            }
            for notice in notices
        ]

    @api.model
    def _leave_requests(self, student):
        requests = (
            self.env["verzuim.leave.request"].sudo().search([("student_id", "=", student.id)])
        )
        kinds = dict(requests._fields["kind"]._description_selection(self.env))
        states = dict(requests._fields["state"]._description_selection(self.env))
        return [
            {
                "id": request.id,
                "kind": kinds[request.kind],
                "date_from": request.date_from,
                "date_to": request.date_to,
                "state": request.state,
                "state_label": states[request.state],
                "refusal_reason": request.refusal_reason,
                "may_withdraw": request.state in OPEN_REQUEST_STATES and self._may_act(student),
            }
            for request in requests
        ]

    @api.model
    def _kinds(self):
        return [
            (key, label)
            for key, label in self.env["verzuim.leave.request"]
            ._fields["kind"]
            ._description_selection(self.env)
        ]

    # --- what the family does ---------------------------------------------------------------

    @api.model
    def _report_sick(self, student_id, day=None):
        """A sick report from today (or a later day): a sick notice for the frontoffice to
        confirm, marked late after the school's deadline of the day."""
        student = self._student(student_id)
        self._check_may_act(student)
        now = self._now_local()
        day = fields.Date.to_date(day) if day else now.date()
        if day < now.date():
            raise UserError(
                self.env._(
                    "You can report sick for today or a later day, not for a day that has "
                    "passed: call the school."
                )
            )
        # No portal follower on a notice: its chatter is the school's (health data).
        Notice = self.env["verzuim.notice"].sudo().with_context(mail_create_nosubscribe=True)
        start = local_moment(day, time(0, 0))
        if Notice.search_count(
            [
                ("student_id", "=", student.id),
                ("notice_type", "=", "sick"),
                ("state", "!=", "cancelled"),
                "|",
                ("date_end", "=", False),
                ("date_end", ">", start),
            ],
            limit=1,
        ):
            raise UserError(
                self.env._("%s is already reported sick: report recovered first.", student.name)
            )
        deadline = (
            student.company_id.verzuim_sick_deadline or self.env.company.verzuim_sick_deadline
        )
        late = day == now.date() and now.hour + now.minute / 60 > deadline
        return Notice.create(
            {
                "student_id": student.id,
                "notice_type": "sick",
                "date_start": start,
                "verzuim_portal": True,
                "verzuim_reported_by_id": self.env.user.id,
                "verzuim_reported_late": late,
            }
        )

    @api.model
    def _report_recovered(self, notice_id):
        """Beter melden: close an open sick report made in the portal (cancel it when it had
        not started yet)."""
        notice = self._own_sick_report(notice_id)
        now = self._now()
        if notice.date_start > now:
            notice.action_cancel()
        else:
            notice._recover(now)
        return notice

    @api.model
    def _own_sick_report(self, notice_id):
        try:
            notice_id = int(notice_id)
        except (TypeError, ValueError):
            notice_id = 0
        notice = self.env["verzuim.notice"].sudo().browse(notice_id).exists()
        visible = notice and notice.student_id in self._students()
        if not (
            visible
            and notice.verzuim_portal
            and notice.notice_type == "sick"
            and self._may_act(notice.student_id)
        ):
            raise AccessError(self.env._("You cannot change this sick report."))
        if notice.state != "open":
            raise UserError(self.env._("This sick report is already closed."))
        return notice

    @api.model
    def _request_leave(
        self, student_id, kind, date_from, date_to, reason, attachment=None, attachment_name=None
    ):
        """A leave request made and submitted in the portal."""
        student = self._student(student_id)
        self._check_may_act(student)
        if kind not in dict(KINDS):
            raise UserError(self.env._("Choose the kind of leave."))
        try:
            date_from = fields.Date.to_date(date_from)
            date_to = fields.Date.to_date(date_to or date_from)
        except ValueError:
            date_from = date_to = None
        if not date_from:
            raise UserError(self.env._("Give the first day of the leave."))
        if date_to < date_from:
            raise UserError(self.env._("The last day cannot come before the first day."))
        if date_from < self._now_local().date():
            raise UserError(self.env._("Leave is asked beforehand: the first day has passed."))
        if not (reason or "").strip():
            raise UserError(self.env._("Say why you ask for leave."))
        request = (
            self.env["verzuim.leave.request"]
            .sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "student_id": student.id,
                    "kind": kind,
                    "date_from": date_from,
                    "date_to": date_to,
                    "reason": reason.strip(),
                    "requester_id": self.env.user.id,
                    "attachment": attachment or False,
                    "attachment_name": attachment_name or False,
                }
            )
        )
        request.action_submit()
        return request

    @api.model
    def _withdraw_leave(self, request_id):
        try:
            request_id = int(request_id)
        except (TypeError, ValueError):
            request_id = 0
        request = self.env["verzuim.leave.request"].sudo().browse(request_id).exists()
        if not (request and request.student_id in self._students()):
            raise AccessError(self.env._("You cannot change this leave request."))
        self._check_may_act(request.student_id)
        request.action_withdraw()
        return request

    @api.model
    def _set_consent(self, student_id, consent):
        """The adult student decides whether the parents see the absence; logged."""
        student = self._student(student_id)
        if student.user_id != self.env.user or not student._verzuim_is_adult():
            raise AccessError(
                self.env._("Only a student of 18 or older decides this, in its own portal.")
            )
        if student.verzuim_parent_consent != bool(consent):
            student.write({"verzuim_parent_consent": bool(consent)})
            student.message_post(
                body=self.env._("Parents may see the absence: set by the student in the portal.")
                if consent
                else self.env._(
                    "Parents may no longer see the absence: set by the student in " "the portal."
                ),
                subtype_xmlid="mail.mt_note",
            )
        return student
