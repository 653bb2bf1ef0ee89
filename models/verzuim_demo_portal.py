"""The demo school's family side (issue 13, point 7): parents and an adult student with
portal logins (password = login), an open sick report and leave requests in several states.

- ``ouder``: parent of two students under 18 (Emma de Jong, Noah de Groot);
- ``ouder2``: parent of an adult student who consented (Levi Peters), who logs in as ``student``;
- ``ouder3``: parent of an adult student who did not consent (Mila Mulder): sees nothing.
"""

from datetime import date
from datetime import timedelta

from odoo import api
from odoo import models

PORTAL_LOGINS = {
    # login: (name, students' demo xml ids, the user is the student itself)
    "ouder": ("Ingrid de Groot", ("student_ent1a_01", "student_ent1a_02"), False),
    "ouder2": ("Peter Peters", ("student_sd4a_04",), False),
    "ouder3": ("Anouk Mulder", ("student_log2a_04",), False),
    "student": (None, ("student_sd4a_04",), True),
}


class VerzuimDemo(models.AbstractModel):
    _inherit = "verzuim.demo"

    @api.model
    def _load_demo_portal(self, today=None):
        env = (
            self.sudo()
            .with_context(tracking_disable=True, mail_create_nolog=True, verzuim_no_letters=True)
            .env
        )
        today = today or self._demo_day(env)
        relationship = env["op.parent.relationship"].create({"name": "Ouder/verzorger"})
        users = {}
        for login, (name, student_refs, is_student) in PORTAL_LOGINS.items():
            students = env["op.student"].browse(
                [env.ref(f"mbo_verzuim.{ref}_demo").id for ref in student_refs]
            )
            users[login] = self._demo_portal_user(env, login, name, students, is_student)
            if not is_student:
                parent = env["op.parent"].create(
                    {
                        "name": users[login].partner_id.id,
                        "user_id": users[login].id,
                        "student_ids": [(6, 0, students.ids)],
                        "relationship_id": relationship.id,
                    }
                )
                self._xmlid(env, f"parent_{login}", parent)
        env.ref("mbo_verzuim.student_sd4a_04_demo").verzuim_parent_consent = True
        env.company.verzuim_same_day_notice = True
        self._demo_portal_requests(env, users, today)

    def _demo_day(self, env):
        day = env["ir.config_parameter"].get_param("mbo_verzuim.demo_day")
        return date.fromisoformat(day) if day else date.today()

    def _demo_portal_user(self, env, login, name, students, is_student):
        vals = {
            "login": login,
            "password": login,
            "lang": "nl_NL",
            "tz": "Europe/Amsterdam",
            "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
        }
        if is_student:
            vals.update(partner_id=students.partner_id.id, name=students.name)
        else:
            vals.update(name=name, email=f"{login}@ouders.roc-demo.nl")
        user = env["res.users"].with_context(no_reset_password=True).create(vals)
        self._xmlid(env, f"user_{login}", user)
        if is_student:
            students.user_id = user
        return user

    def _demo_portal_requests(self, env, users, today):
        """An open sick report and leave requests: submitted, approved, refused, withdrawn."""
        noah = env.ref("mbo_verzuim.student_ent1a_02_demo")
        emma = env.ref("mbo_verzuim.student_ent1a_01_demo")
        levi = env.ref("mbo_verzuim.student_sd4a_04_demo")
        coordinator = env.ref("mbo_verzuim.user_coordinator_demo")
        as_parent = env["verzuim.portal"].with_user(users["ouder"])
        as_parent._report_sick(noah.id)
        week = today + timedelta(days=7 - today.weekday())  # next Monday
        as_parent._request_leave(
            noah.id,
            "art11",
            week + timedelta(days=14),
            week + timedelta(days=14),
            "Bruiloft van mijn zus.",
        )
        refused = as_parent._request_leave(
            emma.id,
            "art13a",
            week + timedelta(days=7),
            week + timedelta(days=11),
            "Vakantie: goedkopere vlucht voor de kerstvakantie.",
        )
        refused.with_user(coordinator)._refuse(
            "Vakantie buiten de schoolvakanties kan alleen als je ouders door hun werk in geen "
            "enkele schoolvakantie weg kunnen; daar is geen werkgeversverklaring van."
        )
        withdrawn = as_parent._request_leave(
            noah.id,
            "other",
            week + timedelta(days=2),
            week + timedelta(days=2),
            "Rijexamen.",
        )
        env["verzuim.portal"].with_user(users["ouder"])._withdraw_leave(withdrawn.id)
        approved = (
            env["verzuim.portal"]
            .with_user(users["student"])
            ._request_leave(
                levi.id,
                "art11",
                week + timedelta(days=3),
                week + timedelta(days=3),
                "Begrafenis van mijn opa.",
            )
        )
        approved.with_user(coordinator).action_approve()
