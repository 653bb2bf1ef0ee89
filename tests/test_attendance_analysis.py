from odoo.exceptions import AccessError
from odoo.tests import tagged

from .analysis_common import AnalysisCase
from .analysis_common import school_year

MEASURES = [
    "planned_hours:sum",
    "attended_hours:sum",
    "authorized_hours:sum",
    "unauthorized_hours:sum",
    "attendance_rate:avg",
]


@tagged("post_install", "-at_install")
class TestAttendanceAnalysis(AnalysisCase):
    """Issue 11, point 1: hours and the attendance rate per programme, class, teacher,
    subject, week, month and school year, equal to the same figures computed from the raw
    registrations; the rate is a ratio of sums."""

    def figures(self, groupby, user=None, domain=()):
        Report = self.env["verzuim.absence.report"].with_user(user or self.coordinator)
        rows = Report._read_group([("course_id", "=", self.course.id), *domain], groupby, MEASURES)
        return {row[: len(groupby)]: row[len(groupby) :] for row in rows}

    def assert_figures(self, groupby, key, user=None):
        got = self.figures(groupby, user)
        want = self.expected(self.lines, key)
        self.assertEqual(len(got), len(want), groupby)
        for group, values in got.items():
            planned, attended, authorized, unauthorized, rate, _students = want[group]
            self.assertAlmostEqual(values[0], planned, places=6, msg=group)
            self.assertAlmostEqual(values[1], attended, places=6, msg=group)
            self.assertAlmostEqual(values[2], authorized, places=6, msg=group)
            self.assertAlmostEqual(values[3], unauthorized, places=6, msg=group)
            self.assertAlmostEqual(values[4], 100 * rate, places=6, msg=group)

    def test_per_programme_the_rate_is_a_ratio_of_sums(self):
        (total,) = self.figures([]).values()
        planned, attended, _au, _un, rate, _n = self.expected(self.lines, lambda line: ())[()]
        self.assertAlmostEqual(total[0], planned)
        self.assertAlmostEqual(total[4], 100 * attended / planned)
        # Not the average of the registrations' rates: the lessons differ in length.
        rates = [self.raw(line)[1] / self.raw(line)[0] for line in self.lines]
        self.assertNotAlmostEqual(total[4], 100 * sum(rates) / len(rates), places=3)
        self.assertAlmostEqual(100 * rate, total[4])

    def test_per_class_teacher_and_subject(self):
        self.assert_figures(["batch_id"], lambda line: (line.batch_id,))
        self.assert_figures(
            ["teacher_id"], lambda line: (line.attendance_id.session_id.faculty_id,)
        )
        self.assert_figures(
            ["subject_id"], lambda line: (line.attendance_id.session_id.subject_id,)
        )
        self.assert_figures(
            ["batch_id", "category"],
            lambda line: (line.batch_id, line.verzuim_category),
        )

    def test_per_week_month_and_school_year(self):
        def day(line):
            return line.attendance_id.session_id.verzuim_lesson_date

        self.assert_figures(
            ["lesson_date:week"],
            lambda line: (day(line).fromordinal(day(line).toordinal() - day(line).weekday()),),
        )
        self.assert_figures(["lesson_date:month"], lambda line: (day(line).replace(day=1),))
        self.assert_figures(["school_year"], lambda line: (school_year(day(line)),))
        self.assertEqual(set(self.figures(["school_year"])), {("2025-2026",), ("2026-2027",)})

    def test_pivot_read_group_gives_the_ratio_too(self):
        """The web client's read_group (pivot, graph, grouped list) asks the rate with the
        field's own aggregator."""
        Report = self.env["verzuim.absence.report"].with_user(self.coordinator)
        groups = Report.read_group(
            [("batch_id", "=", self.batch.id)],
            ["attendance_rate", "planned_hours"],
            ["school_year"],
        )
        want = self.expected(
            self.lines.filtered(lambda line: line.batch_id == self.batch),
            lambda line: school_year(line.attendance_id.session_id.verzuim_lesson_date),
        )
        for group in groups:
            self.assertAlmostEqual(group["attendance_rate"], 100 * want[group["school_year"]][4])


@tagged("post_install", "-at_install")
class TestAnalysisAccess(AnalysisCase):
    """Issue 11, point 1: management sees no figure made of fewer students than the school's
    minimum (default 5) and never the student; the coordinator sees everything; an SLB sees
    its own students only; teacher and frontoffice see nothing."""

    def test_management_does_not_see_small_groups(self):
        self.assertEqual(self.env.company.verzuim_min_group_size, 5)
        Report = self.env["verzuim.absence.report"]
        for user, hidden in ((self.management, True), (self.coordinator, False)):
            rows = Report.with_user(user)._read_group(
                [("course_id", "=", self.course.id)],
                ["batch_id"],
                ["planned_hours:sum", "attendance_rate:avg", "__count"],
            )
            figures = {batch: values for batch, *values in rows}
            big, small = figures[self.batch], figures[self.small]
            self.assertTrue(all(value is not False for value in big), user.login)
            if hidden:
                self.assertEqual(small, [False, False, False])
            else:
                self.assertEqual(small[0], 2.0)
                self.assertEqual(small[2], 2)

    def test_a_category_of_one_student_is_hidden_from_management(self):
        groups = (
            self.env["verzuim.absence.report"]
            .with_user(self.management)
            .read_group(
                [("batch_id", "=", self.batch.id)],
                ["planned_hours", "attendance_rate"],
                ["category"],
                lazy=False,
            )
        )
        figures = {group["category"]: group for group in groups}
        self.assertFalse(figures["authorized"]["planned_hours"])  # only the sick student
        self.assertFalse(figures["authorized"]["__count"])
        self.assertTrue(figures["present"]["planned_hours"])  # six students

    def test_the_minimum_is_a_setting(self):
        self.env.company.verzuim_min_group_size = 2
        rows = (
            self.env["verzuim.absence.report"]
            .with_user(self.management)
            ._read_group([("batch_id", "=", self.small.id)], [], ["planned_hours:sum"])
        )
        self.assertEqual(rows, [(2.0,)])

    def test_management_reads_no_student(self):
        Report = self.env["verzuim.absence.report"].with_user(self.management)
        self.assertNotIn("student_id", Report.fields_get())
        with self.assertRaises(AccessError):
            Report._read_group([], ["student_id"], ["planned_hours:sum"])
        with self.assertRaises(AccessError):
            Report.search_read([], ["student_id"], limit=1)

    def test_management_rows_and_exports_carry_no_figures(self):
        Report = self.env["verzuim.absence.report"].with_user(self.management)
        rows = Report.search([("batch_id", "=", self.batch.id)])
        self.assertTrue(rows)
        for values in rows.read(["batch_id", "planned_hours", "attendance_rate"]):
            self.assertEqual(values["batch_id"][0], self.batch.id)
            self.assertFalse(values["planned_hours"])
            self.assertFalse(values["attendance_rate"])
        exported = rows.export_data(["batch_id", "planned_hours"])["datas"]
        self.assertTrue(all(row[1] is False for row in exported))
        # The coordinator's rows carry them.
        coordinator_rows = Report.with_user(self.coordinator).browse(rows.ids)
        self.assertTrue(any(v["planned_hours"] for v in coordinator_rows.read(["planned_hours"])))

    def test_slb_sees_own_students_only(self):
        Report = self.env["verzuim.absence.report"]
        mine = Report.with_user(self.slb_user).search([])
        self.assertEqual(set(mine.sudo().mapped("student_id").ids), set(self.students.ids))
        theirs = Report.with_user(self.other_slb).search([])
        self.assertEqual(set(theirs.sudo().mapped("student_id").ids), set(self.small_students.ids))
        rows = Report.with_user(self.other_slb)._read_group([], [], ["planned_hours:sum"])
        self.assertEqual(rows, [(2.0,)])  # the small class: no minimum for its own coach

    def test_teacher_and_frontoffice_see_no_analysis(self):
        for model in (
            "verzuim.absence.report",
            "verzuim.registration.report",
            "verzuim.pipeline.report",
            "verzuim.urennorm.report",
            "verzuim.dashboard",
        ):
            for user in (self.teacher_user, self.frontoffice):
                with self.subTest(model=model, user=user.login), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
        for model in ("verzuim.registration.report", "verzuim.pipeline.report"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.slb_user).search([])
