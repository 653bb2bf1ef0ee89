"""Archiving a registration is the coordinator's (op_attendance_line.py refuses it to the
others): the web client offers Archive/Unarchive only when the ``active`` field is writable,
so for everyone else it is described as read-only."""

from odoo import api
from odoo import models


class OpAttendanceLine(models.Model):
    _inherit = "op.attendance.line"

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        result = super().fields_get(allfields, attributes)
        if "active" in result and not self._verzuim_may_archive():
            result["active"]["readonly"] = True
        return result

    @api.model
    def _verzuim_may_archive(self):
        return self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator")
