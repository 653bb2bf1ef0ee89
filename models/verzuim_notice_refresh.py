"""A notice created, changed, cancelled or deleted queues its student's re-evaluation."""

from odoo import api
from odoo import models


class VerzuimNotice(models.Model):
    _inherit = "verzuim.notice"

    @api.model_create_multi
    def create(self, vals_list):
        notices = super(VerzuimNotice, self.with_context(verzuim_queued=True)).create(vals_list)
        self.env["verzuim.evaluation.queue"]._enqueue(notices.sudo().student_id)
        return notices.with_env(self.env)

    def write(self, vals):
        students = self.sudo().student_id
        result = super(VerzuimNotice, self.with_context(verzuim_queued=True)).write(vals)
        self.env["verzuim.evaluation.queue"]._enqueue(students | self.sudo().student_id)
        return result

    def unlink(self):
        students = self.sudo().student_id
        result = super(VerzuimNotice, self.with_context(verzuim_queued=True)).unlink()
        self.env["verzuim.evaluation.queue"]._enqueue(students)
        return result
