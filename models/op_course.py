from odoo import fields
from odoo import models

NIVEAUS = [
    ("1", "Niveau 1 (Entree)"),
    ("2", "Niveau 2"),
    ("3", "Niveau 3"),
    ("4", "Niveau 4"),
]


class OpCourse(models.Model):
    _inherit = "op.course"

    verzuim_niveau = fields.Selection(NIVEAUS, string="MBO Level", index=True)
