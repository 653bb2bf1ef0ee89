import base64
import csv
import io
from datetime import datetime

from odoo import fields
from odoo import models
from odoo.exceptions import UserError

DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


def parse_day(text):
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


class VerzuimHolidayImport(models.TransientModel):
    _name = "verzuim.holiday.import"
    _description = "Import School Vacations"

    file = fields.Binary(string="CSV file", required=True)
    filename = fields.Char()

    def _rows(self):
        raw = base64.b64decode(self.file or b"")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(
                self.env._("The file is not UTF-8 text: save it as CSV UTF-8.")
            ) from exc
        sample = text[:2048]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))

    def _parse(self):
        """(values, errors): one vacation per row 'name, first day, last day'. A row is checked
        as verzuim.holiday's constraint checks it, so every bad row is listed at once."""
        Holiday = self.env["verzuim.holiday"]
        values, errors = [], []
        for number, row in enumerate(self._rows(), start=1):
            if not any(cell.strip() for cell in row):
                continue
            if number == 1 and row and row[0].strip().lower() in ("name", "naam"):
                continue
            if len(row) < 3:
                errors.append(
                    self.env._("Row %(row)s: expected name, first day and last day.", row=number)
                )
                continue
            name, first, last = (cell.strip() for cell in row[:3])
            day_from, day_to = parse_day(first), parse_day(last)
            if not name:
                errors.append(self.env._("Row %(row)s: the name is empty.", row=number))
            if not day_from or not day_to:
                errors.append(
                    self.env._(
                        "Row %(row)s: '%(first)s' or '%(last)s' is not a date (use YYYY-MM-DD or "
                        "DD-MM-YYYY).",
                        row=number,
                        first=first,
                        last=last,
                    )
                )
                continue
            problem = Holiday._period_problem(day_from, day_to)
            if problem:
                errors.append(self.env._("Row %(row)s: %(problem)s.", row=number, problem=problem))
            elif name:
                values.append(
                    {"name": name, "date_from": day_from, "date_to": day_to, "kind": "vacation"}
                )
        return values, errors

    def action_import(self):
        self.ensure_one()
        values, errors = self._parse()
        if errors:
            raise UserError(
                self.env._(
                    "Nothing was imported. Correct these rows and try again:\n%s", "\n".join(errors)
                )
            )
        if not values:
            raise UserError(self.env._("The file holds no vacations."))
        self.env["verzuim.holiday"].create(values)
        return self.env["ir.actions.act_window"]._for_xml_id("mbo_verzuim.verzuim_holiday_action")
