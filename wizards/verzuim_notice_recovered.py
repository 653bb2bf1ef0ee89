from odoo import fields
from odoo import models


class VerzuimNoticeRecovered(models.TransientModel):
    _name = "verzuim.notice.recovered"
    _description = "Report a Student Recovered"

    notice_ids = fields.Many2many("verzuim.notice", string="Notices", required=True)
    date_end = fields.Datetime(
        string="Recovered on",
        required=True,
        default=fields.Datetime.now,
        help="From this moment the student is no longer sick: later lessons are not covered.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.notice_ids._recover(self.date_end)
        return {"type": "ir.actions.act_window_close"}
