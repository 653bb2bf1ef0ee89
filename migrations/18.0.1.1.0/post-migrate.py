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
    _holiday_settings_to_companies(env)
    _signals_to_companies(cr)


def _holiday_settings_to_companies(env):
    """5 May and Good Friday became settings per institution (res.company): Booleans stored as
    system parameters with default True could not be switched off. Every institution gets the
    values the database had ("True"/"False"; a missing parameter meant the old defaults, 5 May
    on and Good Friday off), and the parameters go."""
    params = env["ir.config_parameter"]
    old = {
        "verzuim_liberation_day": ("mbo_verzuim.holiday_liberation_day", True),
        "verzuim_good_friday": ("mbo_verzuim.holiday_good_friday", False),
    }
    values = {}
    for field, (key, default) in old.items():
        value = params.get_param(key)
        values[field] = default if not value else value.strip().lower() in ("true", "1")
    env["res.company"].with_context(active_test=False).search([]).write(values)
    params.search([("key", "in", [key for key, _default in old.values()])]).unlink()
    # data/ir_cron_data.xml added the coming public holidays earlier in this upgrade, with the
    # new fields at their defaults: take back a 5 May added against the setting, and add the
    # Good Fridays that the setting switched on.
    Holiday = env["verzuim.holiday"]
    if not values["verzuim_liberation_day"]:
        added_now = Holiday.search(
            [("kind", "=", "public_holiday"), ("create_date", "=", env.cr.now())]
        )
        added_now.filtered(lambda h: (h.date_from.month, h.date_from.day) == (5, 5)).unlink()
    if values["verzuim_good_friday"]:
        Holiday._cron_generate_public_holidays()


def _signals_to_companies(cr):
    """Signals now carry the institution of their student (the partner's company), or the
    first company when the student has none."""
    cr.execute(
        """
        UPDATE verzuim_signal signal
           SET company_id = COALESCE(
                   partner.company_id, (SELECT MIN(id) FROM res_company)
               )
          FROM op_student student
          JOIN res_partner partner ON partner.id = student.partner_id
         WHERE student.id = signal.student_id AND signal.company_id IS NULL
        """
    )
