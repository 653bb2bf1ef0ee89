"""The same-day e-mail (issue 13, point 5): once a day, after the school day, the parents of a
student with an unauthorized absence in a completed register that day, and the student, get
one e-mail that lists the day's unauthorized absences; logged on the student.

A setting per institution (off by default). For a student of 18 or older it is sent only when
the student consented to the parents seeing the absence. One e-mail a day: the cron runs once,
after the last lessons, so that it lists the whole day; a register completed later that evening
is not mailed.
"""

from collections import defaultdict

from odoo import api
from odoo import fields
from odoo import models

from ..engine.school_time import to_local


class OpStudent(models.Model):
    _inherit = "op.student"

    verzuim_same_day_sent = fields.Date(
        string="Same-Day E-mail Sent On",
        readonly=True,
        groups="mbo_verzuim.group_frontoffice,mbo_verzuim.group_slb",
    )

    @api.model
    def _cron_send_same_day_notices(self, day=None):
        day = day or to_local(fields.Datetime.now()).date()
        lines = (
            self.env["op.attendance.line"]
            .sudo()
            .search(
                [
                    ("verzuim_lesson_date", "=", day),
                    ("verzuim_status", "=", "absent"),
                    ("verzuim_category", "=", "unauthorized"),
                    ("attendance_id.state", "=", "done"),
                ]
            )
        )
        by_student = defaultdict(lambda: self.env["op.attendance.line"].sudo())
        for line in lines:
            by_student[line.student_id] |= line
        sent = self.browse()
        for student, student_lines in by_student.items():
            company = student.company_id or self.env.company
            if not company.verzuim_same_day_notice or student.verzuim_same_day_sent == day:
                continue
            if student._verzuim_send_same_day_notice(day, student_lines):
                sent |= student
        return sent

    def _verzuim_same_day_recipients(self, day):
        """The parents who may see the absence (with an e-mail address) and the student;
        nobody for an adult who did not consent."""
        self.ensure_one()
        student = self.sudo()
        if student._verzuim_is_adult(day) and not student.verzuim_parent_consent:
            return self.env["res.partner"]
        parents = student.parent_ids.filtered("active").name
        return (parents | student.partner_id).filtered("email")

    def _verzuim_send_same_day_notice(self, day, lines):
        self.ensure_one()
        student = self.sudo()
        recipients = student._verzuim_same_day_recipients(day)
        if not recipients:
            return False
        portal = self.env["verzuim.portal"]
        absences = [
            portal._lesson_label(line.verzuim_session_id)
            for line in lines.sorted(lambda ln: ln.verzuim_session_id.start_datetime)
        ]
        template = self.env.ref("mbo_verzuim.mail_template_verzuim_same_day_notice")
        template.with_context(verzuim_absences=absences).send_mail(
            student.id,
            email_values={"recipient_ids": [(6, 0, recipients.ids)]},
        )
        student.verzuim_same_day_sent = day
        student.message_post(
            body=self.env._(
                "Same-day e-mail about %(count)s unauthorized absence(s) sent to %(names)s.",
                count=len(absences),
                names=", ".join(recipients.mapped("name")),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True
