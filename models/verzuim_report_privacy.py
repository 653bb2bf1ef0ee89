"""What the analysis views share: rates aggregated as a ratio of sums, and figures of groups
with fewer students than the school's minimum hidden from management, so that nobody is
singled out."""

from odoo import api
from odoo import models
from odoo.tools import SQL

STUDENTS = "__verzuim_students"


class VerzuimReportPrivacy(models.AbstractModel):
    _name = "verzuim.report.privacy"
    _description = "Analysis: rates and small groups"

    # rate field -> (numerator field, denominator field[, factor]): the rate of a group is
    # factor * sum(numerator) / sum(denominator), never an average of the rows' rates.
    _verzuim_ratios = {}
    # The figures hidden for a group with too few students (the group's count included).
    _verzuim_figures = ()

    # --- what a model says about itself ------------------------------------------------------

    def _verzuim_students_sql(self):
        """The number of distinct students behind a group (an aggregate over the view)."""
        return SQL("COUNT(DISTINCT %s)", SQL.identifier(self._table, "student_id"))

    def _verzuim_row_students(self):
        """The number of students behind each record of ``self``: a row is one student."""
        return dict.fromkeys(self.ids, 1)

    # --- who sees small groups ---------------------------------------------------------------

    @api.model
    def _verzuim_min_group(self):
        """0 for a user who may see figures of any group, else the school's minimum."""
        user = self.env.user
        if self.env.su or user.has_group("mbo_verzuim.group_coordinator"):
            return 0
        if not user.has_group("mbo_verzuim.group_management"):
            return 0  # an SLB alone sees only its own students (record rule)
        return self.env.company.verzuim_min_group_size or 0

    # --- aggregates --------------------------------------------------------------------------

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == STUDENTS:
            return self._verzuim_students_sql()
        fname = aggregate_spec.split(":")[0]
        if fname in self._verzuim_ratios:
            numerator, denominator, *factor = self._verzuim_ratios[fname]
            return SQL(
                "%s * SUM(%s)::float / NULLIF(SUM(%s), 0)",
                factor[0] if factor else 1,
                self._field_to_sql(self._table, numerator, query),
                self._field_to_sql(self._table, denominator, query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _read_group_postprocess_aggregate(self, aggregate_spec, raw_values):
        if aggregate_spec == STUDENTS:
            return ((value or 0) for value in raw_values)
        return super()._read_group_postprocess_aggregate(aggregate_spec, raw_values)

    def _read_group_empty_value(self, spec):
        if spec == STUDENTS:
            return 0
        return super()._read_group_empty_value(spec)

    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        minimum = self._verzuim_min_group()
        if minimum <= 1:
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        aggregates = tuple(aggregates)
        # Counting distinct students sorts every row of the group: in memory, not on disk
        # (for this transaction only; PostgreSQL's default is 4 MB).
        self.env.cr.execute(SQL("SET LOCAL work_mem = '64MB'"))
        rows = super()._read_group(
            domain, groupby, (*aggregates, STUDENTS), having, offset, limit, order
        )
        hidden = {
            index
            for index, spec in enumerate(aggregates, start=len(groupby))
            if spec == "__count" or spec.split(":")[0] in self._verzuim_figures
        }
        return [
            tuple(
                False if row[-1] < minimum and i in hidden else value
                for i, value in enumerate(row[:-1])
            )
            for row in rows
        ]

    # --- single rows -------------------------------------------------------------------------

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields, load)
        minimum = self._verzuim_min_group()
        if minimum > 1:
            students = self._verzuim_row_students()
            for values in result:
                if students.get(values["id"], 0) < minimum:
                    for fname in self._verzuim_figures:
                        if fname in values:
                            values[fname] = False
        return result

    def export_data(self, fields_to_export):
        result = self._verzuim_export(fields_to_export)
        minimum = self._verzuim_min_group()
        if minimum > 1 and any(field in self._verzuim_figures for field in fields_to_export):
            students = self._verzuim_row_students()
            if any(count < minimum for count in students.values()):
                hidden = [i for i, f in enumerate(fields_to_export) if f in self._verzuim_figures]
                for row in result["datas"]:
                    for i in hidden:
                        row[i] = False
        return result

    def _verzuim_export(self, fields_to_export):
        """Odoo's export, reading the names of the classes, programmes and teachers of the
        rows as the analysis shows them (management has no access to those records): once
        the user may export, read these rows and these fields. Deeper paths are exported as
        the user."""
        plain = all(len(path.split("/")) == 1 or path.endswith("/id") for path in fields_to_export)
        may_export = self.env.is_admin() or self.env.user.has_group("base.group_allow_export")
        if not (plain and may_export) or self.env.su:
            return super().export_data(fields_to_export)
        self.check_access("read")
        names = {path.split("/")[0] for path in fields_to_export} - {".id"}
        self.check_field_access_rights("read", list(names))
        return super(VerzuimReportPrivacy, self.sudo()).export_data(fields_to_export)
