"""Rules v2 (domain.md §6–7 revised) on an existing database.

The rule records live in a noupdate file: the upgrade creates the two new rules (LRV, luxe) and
the new fields with their defaults, and this script gives the existing rules their new per-rule
settings. The global setting "late minutes count as absence" became a setting per hours rule.
"""

from odoo import SUPERUSER_ID
from odoo import api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    params = env["ir.config_parameter"]
    late_counted = params.get_param("mbo_verzuim.late_counts_as_absence", "True") not in (
        "False",
        "0",
        "",
    )
    legal = env.ref("mbo_verzuim.rule_legal_16h", raise_if_not_found=False)
    if legal:
        legal.count_late_minutes = False
    pedagogical = env.ref("mbo_verzuim.rule_unauthorized_10h", raise_if_not_found=False)
    if pedagogical:
        if not pedagogical.repeat_spacing_days:
            pedagogical.repeat_spacing_days = 28
        if not late_counted:
            pedagogical.count_late_minutes = False
    params.search([("key", "=", "mbo_verzuim.late_counts_as_absence")]).unlink()
    # Registrations now always keep their late minutes; the rules decide what counts.
    cr.execute(
        """
        UPDATE op_attendance_line
           SET verzuim_minutes = verzuim_late_minutes
         WHERE verzuim_status = 'late' AND verzuim_minutes IS DISTINCT FROM verzuim_late_minutes
        """
    )
