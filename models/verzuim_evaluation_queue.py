"""Students whose registrations changed since the last evaluation: a job evaluates them right
after the change, so a signal does not show stale evidence until the nightly run."""

from odoo import api
from odoo import fields
from odoo import models


class VerzuimEvaluationQueue(models.Model):
    _name = "verzuim.evaluation.queue"
    _description = "Students to Re-evaluate"
    _log_access = False

    student_id = fields.Many2one("op.student", required=True, index=True, ondelete="cascade")

    @api.model
    def _enqueue(self, students):
        """Queue ``students`` (once each) and wake the job: inserts only, so two users
        correcting the same student do not wait for each other."""
        if not students or not self.env.registry.ready:
            # Installing (the demo school evaluates itself once it is loaded): nothing to wake.
            return
        self.sudo().create([{"student_id": student_id} for student_id in sorted(set(students.ids))])
        self.env.ref("mbo_verzuim.ir_cron_evaluate_queue").sudo()._trigger()

    @api.model
    def _cron_process(self):
        """Evaluate the queued students in one run (per institution, in batches: see
        verzuim.signal._evaluate). Rows queued meanwhile wait for the next run."""
        queued = self.sudo().search([])
        if not queued:
            return
        students = queued.student_id.exists()
        queued.unlink()
        self.env["verzuim.signal"].sudo()._evaluate(students=students, reuse=False)
