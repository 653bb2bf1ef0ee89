"""Configuration that must hold (issue 8, points 9 and 10).

- Every setting of the settings form can be switched both ways through the form itself
  (`res.config.settings` create + `execute`), per institution.
- A day off lies between 1 January 2000 and 31 December 2099 and lasts at most 92 days, whether
  it is created or imported; a day off that is stored anyway (older data, SQL) breaks neither the
  school calendar, nor the lesweken, nor the evaluation.
- The school calendar and the generated public holidays belong to an institution.
"""

import base64
import importlib.util
from datetime import date
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .test_school_calendar_model import FIRST
from .test_school_calendar_model import GOOD_FRIDAYS
from .test_school_calendar_model import HOLIDAYS_2034_2037
from .test_school_calendar_model import LAST
from .test_school_calendar_model import LIBERATION_DAYS

MIGRATION = Path(__file__).resolve().parent.parent / "migrations" / "18.0.1.1.0" / "post-migrate.py"
LOGGER = "odoo.addons.mbo_verzuim.models.verzuim_holiday"
OLD_PARAMS = ("mbo_verzuim.holiday_liberation_day", "mbo_verzuim.holiday_good_friday")


def insert_holiday(env, name, date_from, date_to, company=None, kind="vacation"):
    """A day off stored past the constraints, as older data or SQL may have left it."""
    env.cr.execute(
        """
        INSERT INTO verzuim_holiday (name, date_from, date_to, kind, company_id)
        VALUES (jsonb_build_object('en_US', %s), %s, %s, %s, %s)
        """,
        (name, date_from, date_to, kind, company.id if company else None),
    )
    env["verzuim.holiday"].invalidate_model()


@tagged("post_install", "-at_install")
class TestSettingsForm(VerzuimCase):
    """Every setting: on → off → read back, off → on → read back, through the form."""

    SETTINGS = {
        "verzuim_coordinator_id",
        "verzuim_liberation_day",
        "verzuim_good_friday",
        "verzuim_reopen_days",
        "verzuim_sick_deadline",
        "verzuim_leave_decision_days",
        "verzuim_same_day_notice",
        "verzuim_min_group_size",
        "verzuim_register_deadline",
        "verzuim_discipline_mail",
        "verzuim_norm_bol",
        "verzuim_norm_bbl",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = cls.make_user("cf_coordinator", "mbo_verzuim.group_coordinator")
        cls.other_company = cls.env["res.company"].create({"name": "ROC Test Twee"})

    def save(self, company=None, **values):
        settings = self.env["res.config.settings"]
        if company:
            settings = settings.with_company(company)
        settings.create(values).execute()

    def read_back(self, name, company=None):
        settings = self.env["res.config.settings"]
        if company:
            settings = settings.with_company(company)
        return settings.create({})[name]

    def assert_both_ways(self, name, on, off):
        self.save(**{name: on})
        self.assertEqual(self.read_back(name), on)
        self.save(**{name: off})
        self.assertEqual(self.read_back(name), off, f"{name} cannot be switched off")
        self.save(**{name: on})
        self.assertEqual(self.read_back(name), on, f"{name} cannot be switched back on")

    def test_every_setting_of_the_form_is_tested_here(self):
        ours = {
            name for name in self.env["res.config.settings"]._fields if name.startswith("verzuim_")
        }
        self.assertEqual(ours, self.SETTINGS, "a new setting needs its test both ways here")

    def test_management_information_settings_both_ways(self):
        self.assert_both_ways("verzuim_min_group_size", 3, 5)
        self.assert_both_ways("verzuim_register_deadline", 17.5, 24.0)
        self.assert_both_ways("verzuim_discipline_mail", True, False)
        self.assert_both_ways("verzuim_norm_bol", 1100.0, 1000.0)
        self.assert_both_ways("verzuim_norm_bbl", 900.0, 850.0)

    def test_management_information_settings_refuse_nonsense(self):
        for values in (
            {"verzuim_min_group_size": 0},
            {"verzuim_register_deadline": 25.0},
            {"verzuim_register_deadline": 0.0},
            {"verzuim_norm_bol": -1.0},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self.save(**values)

    def test_liberation_day_both_ways(self):
        self.assert_both_ways("verzuim_liberation_day", True, False)

    def test_liberation_day_unticked_stays_unticked(self):
        # The default is ticked: unticking it must not read back as ticked.
        self.save(verzuim_liberation_day=False)
        self.assertFalse(self.read_back("verzuim_liberation_day"))
        self.assertFalse(self.env.company.verzuim_liberation_day)

    def test_good_friday_both_ways(self):
        self.assert_both_ways("verzuim_good_friday", True, False)
        self.assert_both_ways("verzuim_good_friday", False, True)

    def test_reopen_days_both_ways(self):
        self.assertEqual(self.read_back("verzuim_reopen_days"), 0)
        self.assert_both_ways("verzuim_reopen_days", 3, 0)

    def test_portal_settings_both_ways(self):
        self.assertEqual(self.read_back("verzuim_sick_deadline"), 8.5)
        self.assert_both_ways("verzuim_sick_deadline", 9.0, 8.5)
        self.assertEqual(self.read_back("verzuim_leave_decision_days"), 10)
        self.assert_both_ways("verzuim_leave_decision_days", 5, 10)
        self.assert_both_ways("verzuim_same_day_notice", True, False)
        self.assert_both_ways("verzuim_same_day_notice", False, True)

    def test_coordinator_both_ways(self):
        self.assert_both_ways("verzuim_coordinator_id", self.coordinator, self.env["res.users"])
        self.assert_both_ways("verzuim_coordinator_id", self.env["res.users"], self.coordinator)

    def test_defaults_of_a_new_institution(self):
        self.assertTrue(self.other_company.verzuim_liberation_day)
        self.assertFalse(self.other_company.verzuim_good_friday)
        self.assertTrue(self.read_back("verzuim_liberation_day", self.other_company))
        self.assertFalse(self.read_back("verzuim_good_friday", self.other_company))

    def test_settings_are_per_institution(self):
        main = self.env.company
        self.save(verzuim_liberation_day=True, verzuim_good_friday=False)
        self.save(self.other_company, verzuim_liberation_day=False, verzuim_good_friday=True)
        self.assertRecordValues(
            main + self.other_company,
            [
                {"verzuim_liberation_day": True, "verzuim_good_friday": False},
                {"verzuim_liberation_day": False, "verzuim_good_friday": True},
            ],
        )
        self.assertTrue(self.read_back("verzuim_liberation_day"))
        self.assertFalse(self.read_back("verzuim_liberation_day", self.other_company))
        self.assertTrue(self.read_back("verzuim_good_friday", self.other_company))

    def test_settings_are_no_system_parameters(self):
        self.save(verzuim_liberation_day=False, verzuim_good_friday=True)
        params = self.env["ir.config_parameter"].sudo()
        for key in OLD_PARAMS:
            self.assertFalse(params.get_param(key))


@tagged("post_install", "-at_install")
class TestMigrationOfHolidaySettings(VerzuimCase):
    """migrations/18.0.1.1.0/post-migrate.py copies the old system parameters to every
    institution and removes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "ROC Migratie"})
        cls.companies = cls.env.company | cls.other_company
        spec = importlib.util.spec_from_file_location("mbo_verzuim_post_migrate_1_1", MIGRATION)
        cls.migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.migration)
        cls.params = cls.env["ir.config_parameter"].sudo()

    def migrate(self):
        self.migration.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()

    def assert_params_gone(self):
        self.assertFalse(self.params.search([("key", "in", OLD_PARAMS)]))

    def test_switched_settings_are_copied_to_every_institution(self):
        self.companies.write({"verzuim_liberation_day": True, "verzuim_good_friday": False})
        self.params.set_param("mbo_verzuim.holiday_liberation_day", "False")
        self.params.set_param("mbo_verzuim.holiday_good_friday", "True")
        self.migrate()
        for company in self.companies:
            self.assertFalse(company.verzuim_liberation_day, company.name)
            self.assertTrue(company.verzuim_good_friday, company.name)
        self.assert_params_gone()

    def test_the_upgrade_s_public_holidays_follow_the_copied_settings(self):
        # The install-time call added holidays with the new defaults before this script ran.
        Holiday = self.env["verzuim.holiday"]
        Holiday.search([("company_id", "in", self.companies.ids)]).unlink()
        self.companies.write({"verzuim_liberation_day": True, "verzuim_good_friday": False})
        Holiday._cron_generate_public_holidays()
        vacation = Holiday.create(
            {"name": "Meivakantie", "date_from": date(2027, 4, 26), "date_to": date(2027, 5, 7)}
        )
        may5 = Holiday.search([("kind", "=", "public_holiday")]).filtered(
            lambda h: (h.date_from.month, h.date_from.day) == (5, 5)
        )
        self.assertEqual(may5.company_id, self.companies)
        self.params.set_param("mbo_verzuim.holiday_liberation_day", "False")
        self.params.set_param("mbo_verzuim.holiday_good_friday", "True")
        self.migrate()
        for company in self.companies:
            holidays = Holiday.search(
                [("kind", "=", "public_holiday"), ("company_id", "=", company.id)]
            )
            self.assertFalse(
                holidays.filtered(lambda h: (h.date_from.month, h.date_from.day) == (5, 5)),
                company.name,
            )
            self.assertIn("Good Friday", holidays.mapped("name"), company.name)
        self.assertTrue(vacation.exists())

    def test_explicit_defaults_are_copied(self):
        self.companies.write({"verzuim_liberation_day": False, "verzuim_good_friday": True})
        self.params.set_param("mbo_verzuim.holiday_liberation_day", "True")
        self.params.set_param("mbo_verzuim.holiday_good_friday", "False")
        self.migrate()
        for company in self.companies:
            self.assertTrue(company.verzuim_liberation_day, company.name)
            self.assertFalse(company.verzuim_good_friday, company.name)
        self.assert_params_gone()

    def test_missing_parameters_mean_the_old_defaults(self):
        # Odoo deleted a parameter that was unticked or never set: the old defaults apply.
        self.companies.write({"verzuim_liberation_day": False, "verzuim_good_friday": True})
        self.params.search([("key", "in", OLD_PARAMS)]).unlink()
        self.migrate()
        for company in self.companies:
            self.assertTrue(company.verzuim_liberation_day, company.name)
            self.assertFalse(company.verzuim_good_friday, company.name)
        self.assert_params_gone()

    def test_fresh_install_is_left_alone(self):
        self.companies.write({"verzuim_liberation_day": False})
        self.migration.migrate(self.env.cr, None)
        self.assertFalse(self.env.company.verzuim_liberation_day)


@tagged("post_install", "-at_install")
class TestHolidayBounds(VerzuimCase):
    """A day off: from 1 January 2000 until 31 December 2099, at most 92 days long."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Holiday = cls.env["verzuim.holiday"]

    def make_day_off(self, first, last, name="Vakantie"):
        return self.Holiday.create({"name": name, "date_from": first, "date_to": last})

    def assert_refused(self, first, last, *fragments):
        with self.assertRaises(ValidationError) as caught:
            self.make_day_off(first, last, name="Te lange vakantie")
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertFalse(self.Holiday.search([("name", "=", "Te lange vakantie")]))

    def test_until_9999_is_refused(self):
        self.assert_refused(date(2026, 12, 21), date(9999, 12, 31), "Te lange vakantie", "2099")

    def test_92_days_is_accepted_93_refused(self):
        summer = self.make_day_off(date(2027, 6, 1), date(2027, 8, 31))  # June, July, August
        self.assertEqual((summer.date_to - summer.date_from).days + 1, 92)
        self.assert_refused(date(2027, 5, 31), date(2027, 8, 31), "92", "93")

    def test_a_longer_day_off_is_refused_on_write_too(self):
        summer = self.make_day_off(date(2027, 7, 1), date(2027, 8, 31))
        with self.assertRaises(ValidationError):
            summer.date_to = date(9999, 12, 31)
        with self.assertRaises(ValidationError):
            summer.date_from = date(2027, 5, 1)
        self.assertEqual(summer.date_to, date(2027, 8, 31))

    def test_before_2000_is_refused(self):
        self.assert_refused(date(1999, 12, 24), date(2000, 1, 2), "2000")
        self.assert_refused(date(1999, 5, 5), date(1999, 5, 5), "2000")

    def test_after_2099_is_refused(self):
        self.assert_refused(date(2099, 12, 24), date(2100, 1, 2), "2099")

    def test_the_edges_are_accepted(self):
        self.make_day_off(date(2000, 1, 1), date(2000, 1, 1))
        self.make_day_off(date(2099, 12, 31), date(2099, 12, 31))

    def test_last_day_before_first_is_still_refused(self):
        self.assert_refused(date(2027, 10, 22), date(2027, 10, 18), "before the first day")


@tagged("post_install", "-at_install")
class TestHolidayImportBounds(VerzuimCase):
    """The CSV import applies the same bounds and then imports nothing at all."""

    def run_import(self, text):
        wizard = self.env["verzuim.holiday.import"].create(
            {"file": base64.b64encode(text.encode()), "filename": "jaarrooster.csv"}
        )
        return wizard.action_import()

    def assert_rejected(self, text, *fragments):
        with self.assertRaises(UserError) as caught:
            self.run_import(text)
        message = str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertIn("Nothing was imported", message)
        self.assertFalse(
            self.env["verzuim.holiday"].search(
                [("name", "in", ["Herfstvakantie CF", "Kerstvakantie CF", "Zomer CF"])]
            )
        )
        return message

    def test_until_9999_imports_nothing(self):
        message = self.assert_rejected(
            "naam;van;tot\n"
            "Herfstvakantie CF;2026-10-19;2026-10-23\n"
            "Kerstvakantie CF;21-12-2026;31-12-9999\n",
            "Row 3",
            "2099",
        )
        self.assertNotIn("Row 2", message)

    def test_93_days_imports_nothing_92_imports(self):
        self.assert_rejected("Zomer CF;2027-05-31;2027-08-31\n", "Row 1", "92", "93")
        self.run_import("Zomer CF;2027-06-01;2027-08-31\n")
        self.assertEqual(len(self.env["verzuim.holiday"].search([("name", "=", "Zomer CF")])), 1)

    def test_1999_imports_nothing(self):
        self.assert_rejected(
            "naam;van;tot\nKerstvakantie CF;20-12-1999;02-01-2000\n", "Row 2", "2000"
        )

    def test_every_bad_row_is_listed(self):
        message = self.assert_rejected(
            "naam;van;tot\n"
            "Herfstvakantie CF;2026-10-19;2026-10-23\n"
            "Kerstvakantie CF;2026-12-21;9999-12-31\n"
            "Zomer CF;2027-05-31;2027-08-31\n",
            "Row 3",
            "Row 4",
        )
        self.assertNotIn("Row 2", message)


@tagged("post_install", "-at_install")
class TestCalendarSurvivesStoredData(VerzuimCase):
    """A day off until 31 December 9999, stored before the bounds existed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("CF", students=1)
        cls.frontoffice = cls.make_user("cf_front", "mbo_verzuim.group_frontoffice")
        cls.Holiday = cls.env["verzuim.holiday"]
        cls.Holiday.search([("company_id", "=", False)]).unlink()
        insert_holiday(cls.env, "Kerstvakantie", date(2026, 12, 21), date(9999, 12, 31))

    def school_days(self, first, last):
        calendar = self.Holiday._school_calendar(first, last)
        return [
            first + timedelta(days=n)
            for n in range((last - first).days + 1)
            if calendar.is_school_day(first + timedelta(days=n))
        ]

    def test_school_calendar_is_cut_to_the_asked_span(self):
        calendar = self.Holiday._school_calendar(date(2025, 8, 1), date(2028, 3, 1))
        self.assertIn(date(2028, 3, 1), calendar.vacation_days)
        self.assertNotIn(date(2028, 3, 2), calendar.vacation_days)
        self.assertFalse(self.school_days(date(2026, 12, 21), date(2028, 3, 1)))

    def test_lesweken_back_reaches_before_the_long_vacation(self):
        start = self.Holiday._lesweken_back(date(2027, 2, 1), 4)
        self.assertLess(start, date(2026, 12, 21))
        days = self.school_days(start, date(2027, 2, 1))
        self.assertEqual(len(days), 20)
        self.assertEqual(days[0], start)

    def test_frontoffice_reads_the_hours(self):
        student = self.students.with_user(self.frontoffice).with_context(verzuim_date="2027-02-01")
        self.assertEqual(student.verzuim_unauthorized_hours, 0)
        self.assertEqual(student.verzuim_authorized_hours, 0)

    def test_evaluation_runs(self):
        _session, sheet = self.make_lesson(date(2026, 11, 30))
        self.register_line(sheet, self.students, "absent")
        self.env["verzuim.signal"]._evaluate(as_of=date(2027, 2, 1), students=self.students)

    def test_no_school_day_at_all_gives_calendar_weeks(self):
        company = self.env["res.company"].create({"name": "ROC Altijd Vrij"})
        insert_holiday(self.env, "Altijd vrij", date(2000, 1, 1), date(2099, 12, 31), company)
        day = date(2050, 6, 1)
        with self.assertLogs(LOGGER, "WARNING"):
            start = self.Holiday._lesweken_back(day, 4, company=company)
        self.assertEqual(start, day - timedelta(weeks=4))

    def test_the_first_days_of_the_calendar(self):
        with self.assertLogs(LOGGER, "WARNING"):
            self.assertEqual(self.Holiday._lesweken_back(date(1, 1, 3), 1), date(1, 1, 1))
        self.assertFalse(self.Holiday._school_calendar(date(1, 1, 1), date(1, 2, 1)).vacation_days)
        empty = self.Holiday._school_calendar(date(2027, 1, 1), date(2026, 1, 1))
        self.assertFalse(empty.vacation_days | empty.public_holidays)


@tagged("post_install", "-at_install")
class TestCalendarPerInstitution(VerzuimCase):
    """Each institution its own days off; the days off without institution count for all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Holiday = cls.env["verzuim.holiday"]
        cls.main = cls.env.company
        cls.other = cls.env["res.company"].create({"name": "ROC Oost"})
        cls.Holiday.search([("date_from", "<=", LAST), ("date_to", ">=", FIRST)]).unlink()
        cls.Holiday.search([("company_id", "=", False)]).unlink()
        cls.Holiday.create(
            [
                {
                    "name": "Herfstvakantie Noord",
                    "date_from": date(2034, 10, 16),
                    "date_to": date(2034, 10, 20),
                    "company_id": cls.main.id,
                },
                {
                    "name": "Herfstvakantie Oost",
                    "date_from": date(2034, 10, 23),
                    "date_to": date(2034, 10, 27),
                    "company_id": cls.other.id,
                },
                {
                    "name": "Studiedag",
                    "date_from": date(2034, 11, 6),
                    "date_to": date(2034, 11, 6),
                    "company_id": False,
                },
            ]
        )

    def days_off(self, company=None):
        calendar = self.Holiday._school_calendar(date(2034, 10, 1), date(2034, 11, 30), company)
        return calendar.vacation_days

    def test_each_institution_its_own_days_off(self):
        noord = set(self.days(date(2034, 10, 16), 5))
        oost = set(self.days(date(2034, 10, 23), 5))
        shared = {date(2034, 11, 6)}
        self.assertEqual(self.days_off(self.main), noord | shared)
        self.assertEqual(self.days_off(self.other), oost | shared)
        self.assertEqual(self.days_off(), noord | shared)  # the current institution
        self.assertEqual(self.days_off(self.other.id), oost | shared)
        self.assertEqual(
            self.Holiday.with_company(self.other)
            ._school_calendar(date(2034, 10, 1), date(2034, 11, 30))
            .vacation_days,
            oost | shared,
        )

    def test_lesweken_back_per_institution(self):
        # Wednesday 1 November 2034, one lesweek back: Noord's vacation lies further back.
        day = date(2034, 11, 1)
        self.assertEqual(self.Holiday._lesweken_back(day, 1, company=self.main), date(2034, 10, 26))
        self.assertEqual(
            self.Holiday._lesweken_back(day, 1, company=self.other), date(2034, 10, 19)
        )
        self.assertEqual(self.Holiday._lesweken_back(day, 1), date(2034, 10, 26))

    def test_public_holidays_follow_each_institutions_settings(self):
        self.main.write({"verzuim_liberation_day": True, "verzuim_good_friday": False})
        self.other.write({"verzuim_liberation_day": False, "verzuim_good_friday": True})
        self.assertEqual(self.Holiday._generate_public_holidays(date(2034, 9, 1)), 30)
        self.assertEqual(
            self.Holiday._generate_public_holidays(date(2034, 9, 1), company=self.other), 30
        )
        generated = self.Holiday.search(
            [("kind", "=", "public_holiday"), ("date_from", ">=", FIRST), ("date_to", "<=", LAST)]
        )
        by_company = {
            company: set(
                generated.filtered(lambda h, c=company: h.company_id == c).mapped("date_from")
            )
            for company in (self.main, self.other)
        }
        self.assertEqual(by_company[self.main], HOLIDAYS_2034_2037)
        self.assertEqual(
            by_company[self.other], (HOLIDAYS_2034_2037 - LIBERATION_DAYS) | GOOD_FRIDAYS
        )
        self.assertEqual(generated.company_id, self.main | self.other)
        self.assertEqual(
            self.Holiday._generate_public_holidays(date(2034, 9, 1), company=self.other), 0
        )

    def test_shared_public_holidays_are_not_doubled(self):
        self.Holiday.create(
            {
                "name": "Eerste kerstdag",
                "date_from": date(2034, 12, 25),
                "date_to": date(2034, 12, 25),
                "kind": "public_holiday",
                "company_id": False,
            }
        )
        self.assertEqual(
            self.Holiday._generate_public_holidays(date(2034, 9, 1), company=self.other), 29
        )

    def test_cron_adds_public_holidays_for_every_institution(self):
        today = fields.Date.context_today(self.Holiday)
        year = today.year if today.month >= 8 else today.year - 1
        christmas = date(year, 12, 25)
        self.Holiday._cron_generate_public_holidays()
        for company in self.main | self.other:
            self.assertTrue(
                self.Holiday.search(
                    [
                        ("kind", "=", "public_holiday"),
                        ("date_from", "=", christmas),
                        ("company_id", "=", company.id),
                    ]
                ),
                company.name,
            )

    def test_cron_goes_on_after_an_institution_fails(self):
        Holiday = type(self.Holiday)
        generate = Holiday._generate_public_holidays

        def failing_for_main(holiday, day=None, company=None):
            if company == self.main:
                raise ValueError("the calendar of this institution is broken")
            return generate(holiday, day, company)

        with (
            patch.object(Holiday, "_generate_public_holidays", failing_for_main),
            self.assertLogs(LOGGER, "ERROR"),
        ):
            self.Holiday._cron_generate_public_holidays()
        self.assertTrue(
            self.Holiday.search(
                [("kind", "=", "public_holiday"), ("company_id", "=", self.other.id)]
            )
        )

    def test_record_rule_per_institution(self):
        user = self.make_user("cf_admin_oost", "mbo_verzuim.group_admin")
        user.write({"company_ids": [(6, 0, self.other.ids)], "company_id": self.other.id})
        names = set(
            self.Holiday.with_user(user)
            .search([("date_from", ">=", date(2034, 10, 1)), ("date_to", "<=", date(2034, 11, 30))])
            .mapped("name")
        )
        self.assertEqual(names, {"Herfstvakantie Oost", "Studiedag"})
