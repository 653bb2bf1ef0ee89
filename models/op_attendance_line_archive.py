"""Archiving a registration is the coordinator's (op_attendance_line.py refuses it to the
others, who may still write a registration's reason): Archive/Unarchive is offered to the
coordinator only (verzuim.archive.guard)."""

from odoo import api
from odoo import models


class OpAttendanceLine(models.Model):
    _name = "op.attendance.line"
    _inherit = ["op.attendance.line", "verzuim.archive.guard"]

    @api.model
    def _verzuim_may_archive(self):
        return self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator")
