"""The family side in Odoo's portal (issue 13): /my/verzuim and its forms.

Thin: every check and every read or write is ``verzuim.portal``'s (models/verzuim_portal.py),
called as the logged-in portal user. A student the user may not see, or a record of such a
student, answers 404 whether it exists or not. Every form posts with Odoo's CSRF token.
"""

import base64

from werkzeug.exceptions import NotFound

from odoo import fields
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.http import route

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class VerzuimPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "verzuim_count" in counters:
            values["verzuim_count"] = len(request.env["verzuim.portal"]._students())
        return values

    def _verzuim_render(self, template, **values):
        layout = self._prepare_portal_layout_values()
        layout.update(page_name="verzuim", **values)
        return request.render(template, layout)

    def _verzuim_acting_students(self, student_id=None):
        """The students the user may report for; a given id must be one of them."""
        portal = request.env["verzuim.portal"]
        if student_id:
            try:
                student = portal._student(student_id)
            except AccessError as error:
                raise NotFound() from error
            if not portal._may_act(student):
                raise NotFound()
        return portal._students().filtered(portal._may_act)

    @route("/my/verzuim", type="http", auth="user", website=True, methods=["GET"])
    def verzuim_home(self, done=None, **kwargs):
        portal = request.env["verzuim.portal"]
        students = portal._students()
        return self._verzuim_render(
            "mbo_verzuim.portal_my_verzuim",
            students=[portal._overview(student) for student in students],
            done=done,
        )

    @route("/my/child", type="http", auth="user", website=True, methods=["GET"])
    def verzuim_parent_landing(self, **kwargs):
        """OpenEduCat's login sends a parent (``is_parent``) here; its community edition has
        no such page. A parent's page is the absence overview."""
        return request.redirect("/my/verzuim")

    # --- sick reporting -------------------------------------------------------------------

    @route("/my/verzuim/ziekmelden", type="http", auth="user", website=True, methods=["GET"])
    def verzuim_sick_form(self, student_id=None, **kwargs):
        return self._verzuim_sick_page(student_id)

    def _verzuim_sick_page(self, student_id, error=None, day=None):
        students = self._verzuim_acting_students(student_id)
        today = request.env["verzuim.portal"]._now_local().date()
        return self._verzuim_render(
            "mbo_verzuim.portal_verzuim_sick",
            students=students,
            student_id=int(student_id) if student_id else students[:1].id,
            today=fields.Date.to_string(today),
            day=day or fields.Date.to_string(today),
            error=error,
        )

    @route("/my/verzuim/ziekmelden", type="http", auth="user", website=True, methods=["POST"])
    def verzuim_sick_submit(self, student_id=None, day=None, **kwargs):
        self._verzuim_acting_students(student_id)
        try:
            request.env["verzuim.portal"]._report_sick(student_id, day or None)
        except (UserError, ValidationError) as error:
            return self._verzuim_sick_page(student_id, error=str(error), day=day)
        except AccessError as error:
            raise NotFound() from error
        return request.redirect("/my/verzuim?done=sick")

    @route("/my/verzuim/betermelden", type="http", auth="user", website=True, methods=["POST"])
    def verzuim_recovered(self, notice_id=None, **kwargs):
        try:
            request.env["verzuim.portal"]._report_recovered(notice_id)
        except AccessError as error:
            raise NotFound() from error
        except UserError:
            return request.redirect("/my/verzuim")
        return request.redirect("/my/verzuim?done=recovered")

    # --- leave requests -------------------------------------------------------------------

    @route("/my/verzuim/verlof", type="http", auth="user", website=True, methods=["GET"])
    def verzuim_leave_form(self, student_id=None, **kwargs):
        return self._verzuim_leave_page(student_id, {})

    def _verzuim_leave_page(self, student_id, values, error=None):
        students = self._verzuim_acting_students(student_id)
        return self._verzuim_render(
            "mbo_verzuim.portal_verzuim_leave",
            students=students,
            student_id=int(student_id) if student_id else students[:1].id,
            kinds=request.env["verzuim.portal"]._kinds(),
            values=values,
            error=error,
        )

    @route("/my/verzuim/verlof", type="http", auth="user", website=True, methods=["POST"])
    def verzuim_leave_submit(self, student_id=None, **post):
        self._verzuim_acting_students(student_id)
        upload = post.pop("attachment", None)
        values = {key: post.get(key) for key in ("kind", "date_from", "date_to", "reason")}
        try:
            content = upload.read() if upload and upload.filename else None
            if content and len(content) > MAX_ATTACHMENT_BYTES:
                raise UserError(request.env._("The attachment is too large (at most 10 MB)."))
            request.env["verzuim.portal"]._request_leave(
                student_id,
                values["kind"],
                values["date_from"],
                values["date_to"],
                values["reason"],
                attachment=base64.b64encode(content) if content else None,
                attachment_name=upload.filename if content else None,
            )
        except (UserError, ValidationError) as error:
            return self._verzuim_leave_page(student_id, values, error=str(error))
        except AccessError as error:
            raise NotFound() from error
        return request.redirect("/my/verzuim?done=leave")

    @route("/my/verzuim/verlof/intrekken", type="http", auth="user", website=True, methods=["POST"])
    def verzuim_leave_withdraw(self, request_id=None, **kwargs):
        try:
            request.env["verzuim.portal"]._withdraw_leave(request_id)
        except AccessError as error:
            raise NotFound() from error
        except UserError:
            return request.redirect("/my/verzuim")
        return request.redirect("/my/verzuim?done=withdrawn")

    # --- the adult student's consent ---------------------------------------------------------

    @route("/my/verzuim/toestemming", type="http", auth="user", website=True, methods=["POST"])
    def verzuim_consent(self, student_id=None, consent=None, **kwargs):
        try:
            request.env["verzuim.portal"]._set_consent(student_id, consent == "1")
        except AccessError as error:
            raise NotFound() from error
        return request.redirect("/my/verzuim?done=consent")
