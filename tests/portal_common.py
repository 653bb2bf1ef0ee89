"""A small school with a family side: parents and students as portal users (issue 13)."""

from datetime import date
from datetime import time

from dateutil.relativedelta import relativedelta

from .common import VerzuimFixtures
from .common import utc

# A Wednesday in term time; the portal's clock is set to it through ``verzuim_now``.
TODAY = date(2027, 3, 10)


class PortalFixtures(VerzuimFixtures):
    @classmethod
    def make_portal_school(cls, prefix="PO"):
        """Three students: a minor (parent ``<prefix>_parent``), an adult who consented
        (parent ``<prefix>_parent2``, himself ``<prefix>_adult``), an adult who did not
        (parent ``<prefix>_parent3``); a stranger's parent (``<prefix>_other``) of a fourth."""
        cls.quiet_env()
        cls.make_school(prefix, students=0)
        cls.env.company.verzuim_coordinator_id = cls.coordinator = cls.make_user(
            f"{prefix}_coord", "mbo_verzuim.group_coordinator"
        )
        cls.frontoffice = cls.make_user(f"{prefix}_front", "mbo_verzuim.group_frontoffice")
        real_today = date.today()
        cls.minor = cls.make_student(
            f"{prefix} Minor Kid", cls.batch, birth_date=real_today - relativedelta(years=16)
        )
        cls.adult = cls.make_student(
            f"{prefix} Adult Yes", cls.batch, birth_date=real_today - relativedelta(years=20)
        )
        cls.adult_no = cls.make_student(
            f"{prefix} Adult No", cls.batch, birth_date=real_today - relativedelta(years=19)
        )
        cls.stranger = cls.make_student(
            f"{prefix} Stranger Kid", cls.batch, birth_date=real_today - relativedelta(years=15)
        )
        cls.students = cls.minor | cls.adult | cls.adult_no | cls.stranger
        cls.adult.verzuim_parent_consent = True
        cls.parent_user = cls.make_parent(f"{prefix}_parent", cls.minor)
        cls.parent2_user = cls.make_parent(f"{prefix}_parent2", cls.adult)
        cls.parent3_user = cls.make_parent(f"{prefix}_parent3", cls.adult_no)
        cls.other_user = cls.make_parent(f"{prefix}_other", cls.stranger)
        cls.adult_user = cls.make_portal_user(f"{prefix}_adult", partner=cls.adult.partner_id)
        cls.adult.user_id = cls.adult_user
        cls.minor_user = cls.make_portal_user(f"{prefix}_minor", partner=cls.minor.partner_id)
        cls.minor.user_id = cls.minor_user

    @classmethod
    def make_portal_user(cls, login, partner=None):
        """A portal user (password = login), on ``partner`` when given (a student's own). In
        English: the tests read the source texts (Dutch is what the demo's families see)."""
        vals = {
            "login": login,
            "password": login,
            "lang": "en_US",
            "tz": "Europe/Amsterdam",
            "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
        }
        if partner:
            vals["partner_id"] = partner.id
        else:
            vals.update(name=login.replace("_", " ").title(), email=f"{login}@example.com")
        return cls.env["res.users"].with_context(no_reset_password=True).create(vals)

    @classmethod
    def make_parent(cls, login, students):
        user = cls.make_portal_user(login)
        relationship = cls.env["op.parent.relationship"].search([], limit=1) or cls.env[
            "op.parent.relationship"
        ].create({"name": "Parent"})
        cls.env["op.parent"].create(
            {
                "name": user.partner_id.id,
                "user_id": user.id,
                "student_ids": [(6, 0, students.ids)],
                "relationship_id": relationship.id,
            }
        )
        return user

    @classmethod
    def register_day(cls, day, status_by_student, start=time(8, 30), end=time(10, 30)):
        """One lesson on ``day`` with a line per student in ``status_by_student``."""
        _session, sheet = cls.make_lesson(day, start=start, end=end)
        return {
            student: cls.register_line(sheet, student, status, **vals)
            for student, (status, vals) in status_by_student.items()
        }

    def portal(self, user, at=time(7, 45), day=TODAY):
        """verzuim.portal as ``user``, at ``at`` on ``day`` (school time)."""
        return self.env["verzuim.portal"].with_user(user).with_context(verzuim_now=utc(day, at))
