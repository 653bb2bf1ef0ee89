from markupsafe import Markup
from markupsafe import escape

from odoo import api
from odoo import fields
from odoo import models

from ..engine.school_time import local_date
from ..engine.school_time import to_local


class VerzuimTeacherReminder(models.AbstractModel):
    """The teacher's daily to-do: one per teacher (on the faculty record, op.session has no
    activities) listing the lessons still to register. Only to-dos of the module's own
    activity type are touched, never anyone else's."""

    _name = "verzuim.teacher.reminder"
    _description = "Teacher's Reminder of Lessons to Register"

    @api.model
    def _activity_type(self):
        return self.env.ref("mbo_verzuim.mail_activity_type_register")

    @api.model
    def _open_reminders(self, faculties=None):
        domain = [
            ("res_model", "=", "op.faculty"),
            ("activity_type_id", "=", self._activity_type().id),
        ]
        if faculties is not None:
            domain.append(("res_id", "in", faculties.ids))
        return self.env["mail.activity"].sudo().search(domain)

    @api.model
    def _sync(self, faculties):
        """Bring the to-dos of ``faculties`` in line with their lessons still to register:
        create one where there is none, update its list, close it when nothing is left.
        Returns the number of to-dos created."""
        faculties = faculties.sudo().exists()
        if not faculties:
            return 0
        reminders = self._open_reminders(faculties)
        by_faculty = {}
        for reminder in reminders:
            by_faculty.setdefault(reminder.res_id, reminder)
        sessions = (
            self.env["op.session"]
            .sudo()
            .search(
                [("faculty_id", "in", faculties.ids), ("verzuim_to_register", "=", True)],
                order="start_datetime",
            )
        )
        lessons = {}
        for session in sessions:
            lessons.setdefault(session.faculty_id.id, session.browse())
            lessons[session.faculty_id.id] |= session
        vals_list = []
        done = self.env["mail.activity"].sudo()
        today = local_date(fields.Datetime.now())
        for faculty in faculties:
            user = faculty.partner_id.user_id
            todo = lessons.get(faculty.id)
            reminder = by_faculty.get(faculty.id)
            done |= reminders.filtered(lambda r, f=faculty, k=reminder: r.res_id == f.id and r != k)
            if not (todo and user):
                done |= reminder or done.browse()
                continue
            vals = {
                "summary": self.env._("Register %s lesson(s)", len(todo)),
                "note": self._note(todo),
                "user_id": user.id,
            }
            if reminder:
                if any(reminder[key] != value for key, value in vals.items() if key != "user_id"):
                    reminder.write(vals)
                elif reminder.user_id != user:
                    reminder.user_id = user
            else:
                vals_list.append(
                    {
                        **vals,
                        "res_model_id": self.env["ir.model"]._get_id("op.faculty"),
                        "res_id": faculty.id,
                        "activity_type_id": self._activity_type().id,
                        "date_deadline": today,
                    }
                )
        if done:
            done.action_feedback(feedback=self.env._("Nothing left to register."))
        self.env["mail.activity"].sudo().create(vals_list)
        return len(vals_list)

    @api.model
    def _note(self, sessions):
        items = Markup("").join(
            Markup("<li>%s</li>")
            % escape(
                f"{to_local(session.start_datetime):%d-%m-%Y %H:%M}-"
                f"{to_local(session.end_datetime):%H:%M} {session.batch_id.name or ''} "
                f"{session.subject_id.name or ''}"
            )
            for session in sessions
        )
        return Markup("<ul>%s</ul>") % items
