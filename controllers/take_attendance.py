from odoo import http
from odoo.addons.openeducat_attendance.controllers.app_main import OpAttendanceController
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.http import request


class VerzuimTakeAttendanceController(OpAttendanceController):
    """OpenEduCat's route ran as superuser for anyone (auth='none', csrf=False).

    Here it needs a logged-in user who may register that lesson, and it runs with that
    user's rights: the record rules decide, as everywhere else.
    """

    @http.route(
        ["/openeducat-attendance/take-attendance"],
        type="json",
        auth="user",
        methods=["POST"],
    )
    def create_attendance_lines(self, **post):
        sheet_id = post.get("attendance_sheet_id")
        if type(sheet_id) is not int or not 0 < sheet_id < 2**31:
            raise UserError(
                request.env._(
                    "attendance_sheet_id must be the id (a whole number) of an attendance sheet."
                )
            )
        sheet = request.env["op.attendance.sheet"].browse(sheet_id).exists()
        if not sheet or sheet.sudo().state == "done":
            return False
        try:
            sheet.check_access("write")
            request.env["op.attendance.line"].check_access("create")
        except AccessError:
            return False
        sheet._verzuim_fill_lines()
        return True
