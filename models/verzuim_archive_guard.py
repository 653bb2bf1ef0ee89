"""Archive/Unarchive offered only to who may archive.

The web client offers Archive and Unarchive in a list's and a form's action menu whenever
the model's ``active`` field is writable in the field description it receives; it does not
look at the user's rights. Models that inherit this mixin describe ``active`` as read-only
to a user the server would refuse, so the menu does not offer what then fails.
"""

from odoo import api
from odoo import models


class VerzuimArchiveGuard(models.AbstractModel):
    _name = "verzuim.archive.guard"
    _description = "Archive Offered Only Where Allowed"

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        result = super().fields_get(allfields, attributes)
        if "active" in result and not self._verzuim_may_archive():
            result["active"]["readonly"] = True
        return result

    @api.model
    def _verzuim_may_archive(self):
        """Whether the user may archive records of this model (default: may write it)."""
        return self.env.su or self.has_access("write")
