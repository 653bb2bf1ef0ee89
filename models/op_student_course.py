from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

# What an enrolment decides: whose lessons the student is registered in (the class), whether
# the student is evaluated at all (running) and which rules apply (level through the course,
# pathway, full-time).
RULE_INPUTS = {
    "student_id",
    "course_id",
    "batch_id",
    "state",
    "verzuim_leerweg",
    "verzuim_voltijd",
    "verzuim_niveau",
}


class OpStudentCourse(models.Model):
    _inherit = "op.student.course"

    verzuim_leerweg = fields.Selection(
        [("bol", "BOL"), ("bbl", "BBL")],
        string="Learning Pathway",
        default="bol",
        help="BOL: school-based (beroepsopleidende leerweg); "
        "BBL: work-based (beroepsbegeleidende leerweg).",
    )
    verzuim_voltijd = fields.Boolean(string="Full-time", default=True)
    verzuim_niveau = fields.Selection(related="course_id.verzuim_niveau", string="MBO Level")

    # OpenEduCat's faculty group (which every verzuim role has) may create and write
    # enrolments. Enrolling, and changing what an enrolment decides, is the coordinator's
    # and the student administration's, like a student's birth date (see op.student); the
    # other details (roll number, subjects, academic year and term) stay OpenEduCat's.

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env["op.student"]._verzuim_may_manage():
            raise AccessError(
                self.env._(
                    "Only the absence coordinator or the student administration may enrol a "
                    "student: the enrolment decides the student's class and which rules apply."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if RULE_INPUTS & set(vals) and not self.env["op.student"]._verzuim_may_manage():
            raise AccessError(
                self.env._(
                    "Only the absence coordinator or the student administration may change an "
                    "enrolment's student, class, course, status, learning pathway or "
                    "full-time: they decide which rules apply."
                )
            )
        return super().write(vals)
