"""The decision on a leave request as a letter (QWeb PDF) by e-mail (issue 13, point 4).

The letter goes to whoever asked in the portal; for a request the frontoffice entered, to the
parents of a student under 18, otherwise to the student. It is noted on the request.
"""

from odoo import models


class VerzuimLeaveRequest(models.Model):
    _inherit = "verzuim.leave.request"

    def _decision_recipients(self):
        """The partners who get the decision letter."""
        self.ensure_one()
        request = self.sudo()
        if request.requester_id and request.requester_id.share:
            return request.requester_id.partner_id
        student = request.student_id
        if not student._verzuim_is_adult(request.date_from):
            parents = student.parent_ids.filtered("active").name
            if parents:
                return parents
        return student.partner_id

    def _decision_partner_to(self):
        return ",".join(str(pid) for pid in self._decision_recipients().ids)

    def _decision_lang(self):
        return self._decision_recipients()[:1].lang or self.env.lang

    def _send_decision(self):
        if self.env.context.get("verzuim_no_letters"):
            return  # the demo loader: no PDF rendering while the server is not serving
        template = self.env.ref("mbo_verzuim.mail_template_verzuim_leave_decision")
        for request in self.sudo():
            recipients = request._decision_recipients().filtered("email")
            if not recipients:
                request.message_post(
                    body=self.env._("No e-mail address to send the decision to: print the letter."),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            template.send_mail(request.id)
            names = ", ".join(recipients.mapped("name"))
            request.message_post(
                body=self.env._("Decision letter sent to %s.", names),
                subtype_xmlid="mail.mt_note",
            )

    def _decision_filename(self):
        return self.env._("Decision leave request %s", self.student_id.name or "")
