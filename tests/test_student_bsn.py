"""Issue 9, point 2: the student's personal number (BSN or onderwijsnummer)."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VerzuimCase
from .melding_common import INVALID_BSN
from .melding_common import VALID_BSN
from .melding_common import VALID_ONDERWIJSNUMMER


@tagged("post_install", "-at_install")
class TestStudentBsn(VerzuimCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_school("BSN", students=1)
        cls.student = cls.students
        cls.coordinator = cls.make_user("bsn_coord", "mbo_verzuim.group_coordinator")
        cls.frontoffice = cls.make_user("bsn_front", "mbo_verzuim.group_frontoffice")
        cls.management = cls.make_user("bsn_mgmt", "mbo_verzuim.group_management")
        cls.others = (cls.teacher_user, cls.slb_user, cls.frontoffice, cls.management)

    def test_the_coordinator_records_a_bsn_or_an_onderwijsnummer(self):
        student = self.student.with_user(self.coordinator)
        student.verzuim_bsn = VALID_BSN
        self.assertEqual(student.verzuim_bsn, VALID_BSN)
        student.verzuim_bsn = "1112.22.333"
        self.assertEqual(student.verzuim_bsn, VALID_BSN, "stored in nine digits")
        student.verzuim_bsn = VALID_ONDERWIJSNUMMER
        self.assertEqual(student.verzuim_bsn, VALID_ONDERWIJSNUMMER)
        student.verzuim_bsn = "  "
        self.assertFalse(student.verzuim_bsn)

    def test_a_number_that_fails_the_eleven_test_is_refused(self):
        student = self.student.with_user(self.coordinator)
        student.verzuim_bsn = VALID_BSN
        for bad in (INVALID_BSN, "101222332", "12345", "abcdefghi", "1012223310"):
            with self.subTest(number=bad), self.assertRaises(ValidationError) as raised:
                student.write({"verzuim_bsn": bad})
            self.assertIn("eleven-test", str(raised.exception))
            self.assertNotIn(bad, str(raised.exception), "the number is not repeated")
        self.assertEqual(student.verzuim_bsn, VALID_BSN, "nothing was written")
        with self.assertRaises(ValidationError):
            self.env["op.student"].with_user(self.coordinator).create(
                {"name": "BSN New", "verzuim_bsn": INVALID_BSN}
            )
        self.assertFalse(self.env["op.student"].search([("name", "=", "BSN New")]))

    def test_no_other_role_reads_writes_or_searches_the_number(self):
        self.student.verzuim_bsn = VALID_BSN
        for user in self.others:
            # Allowed to export, so that only the field's own group can refuse it.
            user.groups_id |= self.env.ref("base.group_allow_export")
            student = self.student.with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    student.read(["verzuim_bsn"])
                with self.assertRaises(AccessError):
                    student.write({"verzuim_bsn": VALID_ONDERWIJSNUMMER})
                with self.assertRaises(AccessError):
                    student.search([("verzuim_bsn", "=", VALID_BSN)])
                with self.assertRaises(AccessError):
                    student.export_data(["name", "verzuim_bsn"])
                self.assertNotIn("verzuim_bsn", student.fields_get())
        self.assertEqual(self.student.verzuim_bsn, VALID_BSN)

    def test_no_other_role_finds_it_in_a_screen(self):
        self.student.verzuim_bsn = VALID_BSN
        with self.assertRaises(AccessError):  # management reads no student at all
            self.student.with_user(self.management).read(["name"])
        for user in self.others[:-1]:
            Student = self.env["op.student"].with_user(user)
            for view_type in ("form", "list"):
                with self.subTest(user=user.login, view=view_type):
                    arch = Student.get_views([(False, view_type)])["views"][view_type]["arch"]
                    self.assertFalse(etree.fromstring(arch).xpath("//field[@name='verzuim_bsn']"))
        arch = self.env["op.student"].with_user(self.coordinator).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        self.assertTrue(form.xpath("//page[@name='verzuim']//field[@name='verzuim_bsn']"))
