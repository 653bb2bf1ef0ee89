"""Reports to DUO as a file that holds exactly DUO's fields.

The format: CSV, one row per report, DUO's own field names (Dutch) as the header,
semicolon-separated, UTF-8 with a byte-order mark, dates as dd-mm-yyyy, decimals with a comma,
yes/no as "Ja"/"Nee".

Why: the coordinator enters reports by hand in DUO's verzuimloket today, from a sheet open beside
it. Excel with Dutch settings opens exactly this without an import wizard: the semicolon is the
list separator of a Dutch Windows, the byte-order mark makes it read UTF-8 (so "ë" and "é" in
names and places survive), and dd-mm-yyyy and the decimal comma are what it shows. A plain
table of DUO's field names is also the smallest common ground for the machine-to-machine link
later: every field maps one to one onto DUO's message, and the file can be read by any
program. XLSX would add a dependency and hide the data in a zip; JSON or XML would mean
nothing to a person typing into the verzuimloket, and DUO's own M2M message needs the
software's PKIoverheid link anyway.

The verzuimloket report and the student-finance form ("Melding afwezigheid") are different DUO
forms with different fields: a file holds one of them. A text that a spreadsheet would read as a
formula (starting with =, +, - or @) gets a leading apostrophe.

Only the coordinator exports: the file holds the students' personal numbers. Health reasons are
no DUO field and never in the file.
"""

import csv
import io

from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

# DUO's names for the report types; not translated: they are DUO's.
DUO_TYPES = {
    "16h": "16 uur",
    "lrv": "Langdurig relatief verzuim",
    "rmc": "RMC",
    "luxe": "Luxe verzuim",
    "overig": "Overig verzuim",
}
DUO_YES_NO = {"yes": "Ja", "no": "Nee"}
# (DUO's field name, how to get the value): one column each, in DUO's order.
VERZUIMLOKET_COLUMNS = [
    ("Soort verzuim", lambda m: DUO_TYPES[m.melding_type]),
    ("BSN of onderwijsnummer", lambda m: m.student_bsn),
    ("Startdatum verzuim", lambda m: m.date_start),
    ("Einddatum verzuim", lambda m: m.date_end),
    ("Vermoedelijke reden", lambda m: m.presumed_reason),
    ("Alle lessen verzuimd", lambda m: DUO_YES_NO.get(m.all_lessons_missed)),
    ("Aantal verzuimde dagen", lambda m: m.absence_days),
    ("Aantal verzuimde uren", lambda m: m.hours),
    ("Ondernomen acties", lambda m: m.actions_taken),
    ("Actie gemeente gewenst", lambda m: DUO_YES_NO.get(m.municipality_action)),
    (
        "Reden geen actie gemeente",
        lambda m: m.municipality_no_action_reason if m.municipality_action == "no" else "",
    ),
    ("Lesplaats", lambda m: m.lesson_location),
    ("Naam melder", lambda m: m.reporter_name),
    ("Functie melder", lambda m: m.reporter_function),
    ("Telefoonnummer melder", lambda m: m.reporter_phone),
    ("E-mailadres melder", lambda m: m.reporter_email),
    ("Telefoonnummer leerling of ouder", lambda m: m.contact_phone),
    ("Afwijkend adres", lambda m: m.differing_address if m.address_differs else ""),
    ("Kenmerk DUO", lambda m: m.external_ref),
]
MA_COLUMNS = [
    ("BSN of onderwijsnummer", lambda m: m.student_bsn),
    ("Naam student", lambda m: m.student_id.name),
    ("Opleiding", lambda m: m.ma_course_id.name),
    ("Niveau", lambda m: m.ma_level),
    ("BOL", lambda m: "Ja" if m.ma_bol else "Nee"),
    ("Voltijd", lambda m: "Ja" if m.ma_full_time else "Nee"),
    ("Eerste verzuimdag", lambda m: m.date_start),
    ("Geldige reden opgegeven", lambda m: DUO_YES_NO.get(m.ma_valid_reason)),
    ("Datum terug op school", lambda m: m.date_end),
    ("Datum student geïnformeerd", lambda m: m.ma_date_informed),
    ("Kenmerk DUO", lambda m: m.external_ref),
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def duo_cell(value):
    """A value as DUO's sheet shows it: dd-mm-yyyy, a decimal comma, empty for nothing."""
    if value is False or value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class VerzuimMelding(models.Model):
    _inherit = "verzuim.melding"

    def action_export_duo(self):
        """Download these reports as DUO's file (see the controller)."""
        self._check_may_export()
        return {
            "type": "ir.actions.act_url",
            "url": "/mbo_verzuim/melding/export?ids=" + ",".join(str(i) for i in self.ids),
            "target": "download",
        }

    def _check_may_export(self):
        """The coordinator, reports the user may read, one DUO form per file."""
        if not (self.env.su or self.env.user.has_group("mbo_verzuim.group_coordinator")):
            raise AccessError(
                self.env._(
                    "Only the absence coordinator exports reports to DUO: the file holds the "
                    "students' personal numbers."
                )
            )
        if not self:
            raise UserError(self.env._("Select the reports to export."))
        self.check_access("read")
        if len(set(self.mapped(lambda m: m.melding_type == "duo_ma"))) > 1:
            raise UserError(
                self.env._(
                    "Export the verzuimloket reports and the forms 'Melding afwezigheid' "
                    "separately: they are different DUO forms."
                )
            )

    def _duo_export_csv(self):
        """(file name, bytes) of these reports in DUO's fields; the user's own rights apply."""
        self._check_may_export()
        ma = self[0].melding_type == "duo_ma"
        columns = MA_COLUMNS if ma else VERZUIMLOKET_COLUMNS
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow([name for name, _value in columns])
        for melding in self:
            writer.writerow([duo_cell(value(melding)) for _name, value in columns])
        today = fields.Date.context_today(self).isoformat()
        name = "melding-afwezigheid" if ma else "verzuimmeldingen"
        return f"{name}-{today}.csv", buffer.getvalue().encode("utf-8-sig")
