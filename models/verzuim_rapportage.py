"""The "verzuimrapportage": the figures of one programme over a period as a PDF for the board
and the accountant, with one chart (attendance rate per month, drawn as bars in HTML: the
PDF renderer runs no JavaScript)."""

from dateutil.relativedelta import relativedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date
from odoo.tools.misc import formatLang

from .verzuim_letter_reports import layout_values


def _default_date_from(self):
    today = fields.Date.context_today(self)
    return self.env["verzuim.holiday"]._school_years(today, 1)[0][0]


class VerzuimRapportage(models.TransientModel):
    _name = "verzuim.rapportage"
    _description = "Absence Report for the Board"

    course_id = fields.Many2one("op.course", string="Programme", required=True)
    date_from = fields.Date(string="From", required=True, default=_default_date_from)
    date_to = fields.Date(string="Until", required=True, default=fields.Date.context_today)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for rapportage in self:
            if rapportage.date_from > rapportage.date_to:
                raise ValidationError(self.env._("The period ends before it starts."))

    def action_print(self):
        self.ensure_one()
        return self.env.ref("mbo_verzuim.action_report_verzuim_rapportage").report_action(self)

    def _verzuim_filename(self):
        return self.env._("Absence report %(programme)s", programme=self.course_id.name)

    # --- the figures -----------------------------------------------------------------------

    def _domain(self):
        return [
            ("course_id", "=", self.course_id.id),
            ("lesson_date", ">=", self.date_from),
            ("lesson_date", "<=", self.date_to),
        ]

    def _attendance_rows(self, groupby):
        measures = [
            "planned_hours:sum",
            "attended_hours:sum",
            "authorized_hours:sum",
            "unauthorized_hours:sum",
            "attendance_rate:avg",
        ]
        Report = self.env["verzuim.absence.report"]
        return [
            {
                "key": row[: len(groupby)],
                "planned": row[len(groupby)],
                "attended": row[len(groupby) + 1],
                "authorized": row[len(groupby) + 2],
                "unauthorized": row[len(groupby) + 3],
                "rate": row[len(groupby) + 4],
            }
            for row in Report._read_group(self._domain(), groupby, measures)
        ]

    def _months(self):
        """(label, rate) per month of the period, in order; rate False where hidden."""
        rates = {row["key"][0]: row["rate"] for row in self._attendance_rows(["lesson_date:month"])}
        months = []
        month = self.date_from.replace(day=1)
        while month <= self.date_to:
            months.append((format_date(self.env, month, date_format="MMM y"), rates.get(month)))
            month += relativedelta(months=1)
        return months

    def _discipline(self):
        rows = self.env["verzuim.registration.report"]._read_group(
            self._domain(), [], ["lessons:sum", "on_time:sum", "late:sum", "missing:sum"]
        )
        lessons, on_time, late, missing = rows[0]
        return {"lessons": lessons, "on_time": on_time, "late": late, "missing": missing}

    def _urennorm(self):
        first = self.env["verzuim.holiday"]._school_years(self.date_from, 1)[0][0]
        last = self.env["verzuim.holiday"]._school_years(self.date_to, 1)[0][0]
        years = [f"{year}-{year + 1}" for year in range(first.year, last.year + 1)]
        return self.env["verzuim.urennorm.report"].search(
            [("course_id", "=", self.course_id.id), ("school_year", "in", years)]
        )

    def _values(self):
        self.ensure_one()
        if not self.env["verzuim.absence.report"].has_access("read"):
            raise UserError(self.env._("Only management and the absence coordinator print this."))
        totals = self._attendance_rows([])
        return {
            "totals": totals[0] if totals else {},
            "classes": self._attendance_rows(["batch_id"]),
            "months": self._months(),
            "discipline": self._discipline(),
            "urennorm": self._urennorm(),
            "period_label": " – ".join(
                format_date(self.env, day, date_format="d MMMM y")
                for day in (self.date_from, self.date_to)
            ),
        }


class VerzuimRapportageReport(models.AbstractModel):
    _name = "report.mbo_verzuim.report_verzuim_rapportage"
    _description = "Absence Report for the Board: Values"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["verzuim.rapportage"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "verzuim.rapportage",
            "docs": docs,
            "figures": {doc.id: doc._values() for doc in docs},
            "today": fields.Date.context_today(self),
            "fmt": lambda value, digits=1: "–"
            if value is False or value is None
            else formatLang(self.env, value, digits=digits),
            "pct": lambda value: "–"
            if value is False or value is None
            else f"{formatLang(self.env, value, digits=1)}%",
            **layout_values(data),
        }
