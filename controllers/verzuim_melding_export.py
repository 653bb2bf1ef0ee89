import re

from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.http import content_disposition
from odoo.http import request

IDS = re.compile(r"^\d{1,10}(,\d{1,10}){0,9999}$")


class VerzuimMeldingExportController(http.Controller):
    """Reports to DUO as DUO's file (verzuim.melding._duo_export_csv): the coordinator only,
    with the user's own rights; anyone else gets 403."""

    @http.route("/mbo_verzuim/melding/export", type="http", auth="user", methods=["GET"])
    def export_meldingen(self, ids="", **kwargs):
        if not IDS.match(ids or ""):
            raise BadRequest(request.env._("ids must be report ids separated by commas."))
        meldingen = request.env["verzuim.melding"].browse(
            list(dict.fromkeys(int(i) for i in ids.split(",")))
        )
        try:
            filename, content = meldingen.exists()._duo_export_csv()
        except AccessError as error:
            raise Forbidden(str(error)) from error
        except UserError as error:
            raise BadRequest(str(error)) from error
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
