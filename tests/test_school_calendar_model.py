"""The school calendar in the database: public holidays, lesweken, importing vacations.

Public holidays are generated for school years far ahead (August 2034 – July 2037), where the
module's own install-time holidays do not reach. Dates worked out by hand: Easter falls on
25 March 2035, 13 April 2036 and 5 April 2037; Ascension is Easter + 39 days, Whit Monday
Easter + 50; King's Day is 27 April, or Saturday 26 April when the 27th is a Sunday (2036).
2035 is a lustrum year, in which the `holidays` library itself lists Liberation Day.
"""

import base64
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VerzuimCase

FIRST, LAST = date(2034, 8, 1), date(2037, 7, 31)
HOLIDAYS_2034_2037 = {
    # school year 2034-2035
    date(2034, 12, 25),  # Eerste kerstdag
    date(2034, 12, 26),  # Tweede kerstdag
    date(2035, 1, 1),  # Nieuwjaarsdag
    date(2035, 3, 25),  # Eerste paasdag
    date(2035, 3, 26),  # Tweede paasdag
    date(2035, 4, 27),  # Koningsdag
    date(2035, 5, 3),  # Hemelvaartsdag
    date(2035, 5, 5),  # Bevrijdingsdag
    date(2035, 5, 13),  # Eerste pinksterdag
    date(2035, 5, 14),  # Tweede pinksterdag
    # school year 2035-2036
    date(2035, 12, 25),
    date(2035, 12, 26),
    date(2036, 1, 1),
    date(2036, 4, 13),
    date(2036, 4, 14),
    date(2036, 4, 26),  # Koningsdag on Saturday: the 27th is a Sunday
    date(2036, 5, 5),
    date(2036, 5, 22),
    date(2036, 6, 1),
    date(2036, 6, 2),
    # school year 2036-2037
    date(2036, 12, 25),
    date(2036, 12, 26),
    date(2037, 1, 1),
    date(2037, 4, 5),
    date(2037, 4, 6),
    date(2037, 4, 27),
    date(2037, 5, 5),
    date(2037, 5, 14),
    date(2037, 5, 24),
    date(2037, 5, 25),
}
LIBERATION_DAYS = {date(2035, 5, 5), date(2036, 5, 5), date(2037, 5, 5)}
GOOD_FRIDAYS = {date(2035, 3, 23), date(2036, 4, 11), date(2037, 4, 3)}


@tagged("post_install", "-at_install")
class TestPublicHolidays(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.Holiday = cls.env["verzuim.holiday"]
        # The institution's settings (res.company since issue 8), at their defaults.
        cls.env.company.write({"verzuim_liberation_day": True, "verzuim_good_friday": False})
        cls.Holiday.search([("date_from", "<=", LAST), ("date_to", ">=", FIRST)]).unlink()

    def generated(self):
        return self.Holiday.search(
            [
                ("kind", "=", "public_holiday"),
                ("date_from", ">=", FIRST),
                ("date_to", "<=", LAST),
            ]
        )

    def test_three_school_years_from_the_given_day(self):
        self.assertFalse(self.generated())
        self.assertEqual(self.Holiday._generate_public_holidays(date(2034, 9, 1)), 30)
        holidays = self.generated()
        self.assertEqual(set(holidays.mapped("date_from")), HOLIDAYS_2034_2037)
        self.assertEqual(holidays.mapped("date_from"), holidays.mapped("date_to"))
        self.assertEqual(
            holidays.filtered(lambda h: h.date_from == date(2036, 4, 26)).name, "King's Day"
        )

    def test_a_day_in_spring_belongs_to_the_school_year_that_began_in_august(self):
        self.assertEqual(self.Holiday._generate_public_holidays(date(2035, 3, 1)), 30)
        self.assertEqual(set(self.generated().mapped("date_from")), HOLIDAYS_2034_2037)
        self.assertFalse(self.Holiday.search([("date_from", "=", date(2037, 12, 25))]))

    def test_second_call_adds_nothing(self):
        self.Holiday._generate_public_holidays(date(2034, 9, 1))
        self.assertEqual(self.Holiday._generate_public_holidays(date(2034, 9, 1)), 0)
        self.assertEqual(len(self.generated()), 30)

    def test_liberation_day_follows_the_setting(self):
        self.env.company.verzuim_liberation_day = False
        self.assertEqual(self.Holiday._generate_public_holidays(date(2034, 9, 1)), 27)
        self.assertEqual(
            set(self.generated().mapped("date_from")), HOLIDAYS_2034_2037 - LIBERATION_DAYS
        )

    def test_good_friday_follows_the_setting(self):
        self.Holiday._generate_public_holidays(date(2034, 9, 1))
        self.assertFalse(set(self.generated().mapped("date_from")) & GOOD_FRIDAYS)
        self.env.company.verzuim_good_friday = True
        self.assertEqual(self.Holiday._generate_public_holidays(date(2034, 9, 1)), 3)
        self.assertEqual(
            set(self.generated().mapped("date_from")), HOLIDAYS_2034_2037 | GOOD_FRIDAYS
        )

    def test_dutch_names(self):
        self.Holiday._generate_public_holidays(date(2034, 9, 1))
        dutch = {h.date_from: h.name for h in self.generated().with_context(lang="nl_NL")}
        self.assertEqual(dutch[date(2035, 4, 27)], "Koningsdag")
        self.assertEqual(dutch[date(2035, 5, 3)], "Hemelvaartsdag")
        self.assertEqual(dutch[date(2035, 5, 14)], "Tweede pinksterdag")
        self.assertEqual(dutch[date(2034, 12, 25)], "Eerste kerstdag")
        self.assertEqual(dutch[date(2036, 5, 5)], "Bevrijdingsdag")  # added by the module


@tagged("post_install", "-at_install")
class TestLesweken(VerzuimCase):
    """_lesweken_back: 1 November 2026 is a Sunday, 4 November a Wednesday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Holiday = cls.env["verzuim.holiday"]
        cls.Holiday.search(
            [("date_from", "<=", date(2026, 12, 31)), ("date_to", ">=", date(2026, 9, 1))]
        ).unlink()

    def vacation(self, first, last):
        self.Holiday.create({"name": "Herfstvakantie", "date_from": first, "date_to": last})

    def test_four_lesweken_back_without_days_off(self):
        self.assertEqual(self.Holiday._lesweken_back(date(2026, 11, 1), 4), date(2026, 10, 5))
        self.assertEqual(self.Holiday._lesweken_back(date(2026, 11, 4), 4), date(2026, 10, 8))
        self.assertEqual(self.Holiday._lesweken_back(date(2026, 11, 4), 1), date(2026, 10, 29))

    def test_a_block_without_school_day_does_not_count(self):
        self.vacation(date(2026, 10, 19), date(2026, 10, 23))
        self.assertEqual(self.Holiday._lesweken_back(date(2026, 11, 1), 4), date(2026, 9, 28))

    def test_a_vacation_lengthens_lesweken_ending_midweek(self):
        # 20 school days back from Wednesday 4 November, over the autumn vacation.
        self.vacation(date(2026, 10, 19), date(2026, 10, 23))
        self.assertEqual(self.Holiday._lesweken_back(date(2026, 11, 4), 4), date(2026, 10, 1))


@tagged("post_install", "-at_install")
class TestHolidayImport(VerzuimCase):
    """Vacations of the school year 2031-2032, where the database holds no day off."""

    def run_import(self, text):
        wizard = self.env["verzuim.holiday.import"].create(
            {"file": base64.b64encode(text.encode()), "filename": "jaarrooster.csv"}
        )
        return wizard.action_import()

    def imported(self):
        return self.env["verzuim.holiday"].search(
            [("date_from", ">=", date(2031, 8, 1)), ("date_to", "<=", date(2032, 7, 31))],
            order="date_from",
        )

    def assert_rejected(self, text, *fragments):
        with self.assertRaises(UserError) as caught:
            self.run_import(text)
        message = str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertFalse(self.imported())
        return message

    def test_semicolon_file_with_header(self):
        self.run_import(
            "naam;van;tot\n"
            "Herfstvakantie;2031-10-20;2031-10-24\n"
            "Kerstvakantie;22-12-2031;02-01-2032\n"
        )
        self.assertRecordValues(
            self.imported(),
            [
                {
                    "name": "Herfstvakantie",
                    "date_from": date(2031, 10, 20),
                    "date_to": date(2031, 10, 24),
                    "kind": "vacation",
                },
                {
                    "name": "Kerstvakantie",
                    "date_from": date(2031, 12, 22),
                    "date_to": date(2032, 1, 2),
                    "kind": "vacation",
                },
            ],
        )

    def test_comma_file_with_header(self):
        self.run_import("Name,From,Until\nVoorjaarsvakantie,23/02/2032,27/02/2032\n")
        self.assertRecordValues(
            self.imported(),
            [
                {
                    "name": "Voorjaarsvakantie",
                    "date_from": date(2032, 2, 23),
                    "date_to": date(2032, 2, 27),
                    "kind": "vacation",
                }
            ],
        )

    def test_bad_date_lists_its_row_and_imports_nothing(self):
        message = self.assert_rejected(
            "naam;van;tot\n"
            "Herfstvakantie;2031-10-20;2031-10-24\n"
            "Kerstvakantie;31-02-2031;2032-01-02\n",
            "Row 3",
            "31-02-2031",
        )
        self.assertNotIn("Row 2", message)

    def test_end_before_start_lists_its_row_and_imports_nothing(self):
        self.assert_rejected(
            "naam;van;tot\n"
            "Herfstvakantie;2031-10-24;2031-10-20\n"
            "Kerstvakantie;2031-12-22;2032-01-02\n",
            "Row 2",
        )

    def test_missing_column_lists_its_row_and_imports_nothing(self):
        self.assert_rejected(
            "naam;van;tot\n" "Herfstvakantie;2031-10-20;2031-10-24\n" "Kerstvakantie;2031-12-22\n",
            "Row 3",
        )
