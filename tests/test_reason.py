from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VerzuimCase

CODES = {
    "ziek": "authorized",
    "arts": "authorized",
    "overmacht": "authorized",
    "verlof": "authorized",
    "schorsing": "authorized",
    "stage": "authorized",
    "vrijstelling": "authorized",
    "correctie": "authorized",
    "zwanger": "authorized",
    "spijbelen": "unauthorized",
    "toegang_geweigerd": "unauthorized",
    "luxe": "unauthorized",
    "werk": "unauthorized",
    "onbekend": "unauthorized",
}


@tagged("post_install", "-at_install")
class TestReason(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("RS", students=1)

    def test_fourteen_reasons_seeded_with_categories(self):
        for code, category in CODES.items():
            reason = self.env.ref(f"mbo_verzuim.reason_{code}")
            self.assertEqual(reason.code, code)
            self.assertEqual(reason.category, category, code)
        health = self.env["verzuim.reason"].search([("is_health", "=", True)])
        self.assertEqual(set(health.mapped("code")), {"ziek", "arts", "zwanger"})

    def test_dutch_names(self):
        reason = self.env.ref("mbo_verzuim.reason_onbekend").with_context(lang="nl_NL")
        self.assertEqual(reason.name, "Onbekend afwezig")
        sick = self.env.ref("mbo_verzuim.reason_ziek").with_context(lang="nl_NL")
        self.assertEqual(sick.registered_as, "Geoorloofd verzuim; Ziek")

    def test_unknown_cannot_be_archived_or_deleted(self):
        unknown = self.env.ref("mbo_verzuim.reason_onbekend")
        with self.assertRaises(ValidationError):
            unknown.active = False
        with self.assertRaises(UserError):
            unknown.unlink()
        with self.assertRaises(UserError):
            unknown.code = "other"
        self.assertTrue(unknown.exists() and unknown.active)

    def test_reason_in_use_cannot_be_deleted_but_archived(self):
        reason = self.env["verzuim.reason"].create(
            {
                "code": "test_used",
                "name": "Test",
                "category": "authorized",
                "applies_to": "absence",
            }
        )
        _session, sheet = self.make_lesson(date(2026, 10, 5))
        self.register_line(sheet, self.students, verzuim_teacher_reason_id=reason.id)
        with self.assertRaises(UserError):
            reason.unlink()
        reason.active = False
        self.assertFalse(reason.active)

    def test_unused_reason_can_be_deleted(self):
        reason = self.env["verzuim.reason"].create({"code": "test_free", "name": "Free"})
        reason.unlink()
        self.assertFalse(reason.exists())

    @mute_logger("odoo.sql_db")
    def test_code_is_unique(self):
        with self.assertRaises(IntegrityError):
            self.env["verzuim.reason"].create({"code": "ziek", "name": "Duplicate"})
