from odoo import fields
from odoo import models
from odoo import tools
from odoo.tools import SQL

from ..engine.school_time import SCHOOL_TZ
from .verzuim_absence_report import STUDENT_READERS
from .verzuim_absence_report import school_year_sql
from .verzuim_melding import STATES as MELDING_STATES
from .verzuim_signal import STATES as SIGNAL_STATES


class VerzuimPipelineReport(models.Model):
    """The legal pipeline: each signal with the report to DUO made of it (and each report made
    by judgement, without a signal): states, what is overdue, the days from signal to report
    and from report to closing, per rule, programme and period."""

    _name = "verzuim.pipeline.report"
    _inherit = "verzuim.report.privacy"
    _description = "Legal Pipeline"
    _auto = False
    _order = "date_raised desc"

    signal_id = fields.Many2one("verzuim.signal", readonly=True)
    melding_id = fields.Many2one("verzuim.melding", string="Report to DUO", readonly=True)
    rule_id = fields.Many2one("verzuim.rule", readonly=True)
    rule_category = fields.Selection(
        [
            ("pedagogical", "Pedagogical"),
            ("legal", "Legal (verzuimloket)"),
            ("student_finance", "Student finance (DUO)"),
        ],
        string="Kind of Rule",
        readonly=True,
    )
    signal_state = fields.Selection(SIGNAL_STATES, readonly=True)
    melding_state = fields.Selection(MELDING_STATES, string="Report State", readonly=True)
    date_raised = fields.Date(
        string="Raised On",
        readonly=True,
        help="The day the duty arose: the signal's last day (its threshold reached), or the day "
        "a report by judgement was drafted.",
    )
    school_year = fields.Char(readonly=True)
    deadline = fields.Date(readonly=True)
    date_filed = fields.Date(string="Filed On", readonly=True)
    date_closed = fields.Date(string="Closed On", readonly=True)
    course_id = fields.Many2one("op.course", string="Programme", readonly=True)
    batch_id = fields.Many2one("op.batch", string="Class", readonly=True)
    department_id = fields.Many2one("op.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", string="Institution", readonly=True)
    student_id = fields.Many2one("op.student", readonly=True, groups=STUDENT_READERS)
    slb_id = fields.Many2one("res.users", string="SLB", readonly=True, groups=STUDENT_READERS)
    signals = fields.Integer(readonly=True, aggregator="sum")
    reports = fields.Integer(string="Reports Filed", readonly=True, aggregator="sum")
    overdue = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="An open signal past its deadline, or a draft report past its filing deadline.",
    )
    days_to_report = fields.Float(
        string="Days Signal to Report", readonly=True, aggregator="avg", digits=(16, 1)
    )
    days_to_close = fields.Float(
        string="Days Report to Closing", readonly=True, aggregator="avg", digits=(16, 1)
    )

    def _verzuim_min_group(self):
        # The counts and days measure the school's handling of its duties, which the board
        # must see whole; the student stays unreadable for management (field groups).
        return 0

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        today = SQL("(now() AT TIME ZONE %s)::date", SCHOOL_TZ)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    WITH item AS (
                        SELECT signal.id * 2 AS id,
                               signal.id AS signal_id,
                               melding.id AS melding_id,
                               signal.rule_id,
                               signal.state AS signal_state,
                               melding.state AS melding_state,
                               signal.date_end AS date_raised,
                               COALESCE(melding.deadline, signal.deadline) AS deadline,
                               melding.date_filed,
                               melding.date_closed,
                               signal.student_id,
                               signal.company_id,
                               1 AS signals,
                               (signal.state IN ('new', 'in_progress')
                                AND signal.deadline < %(today)s
                                AND (melding.id IS NULL OR melding.state = 'draft'))
                               OR (melding.state = 'draft' AND melding.deadline < %(today)s)
                                   AS is_overdue
                          FROM verzuim_signal signal
                     LEFT JOIN LATERAL (
                                SELECT m.id, m.state, m.deadline, m.date_filed, m.date_closed
                                  FROM verzuim_melding m
                                 WHERE m.signal_id = signal.id AND m.state != 'withdrawn'
                              ORDER BY m.id DESC
                                 LIMIT 1
                               ) melding ON TRUE
                         UNION ALL
                        SELECT melding.id * 2 + 1,
                               NULL, melding.id, NULL, NULL, melding.state,
                               (melding.create_date AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date,
                               melding.deadline, melding.date_filed, melding.date_closed,
                               melding.student_id, melding.company_id, 0,
                               melding.state = 'draft' AND melding.deadline < %(today)s
                          FROM verzuim_melding melding
                         WHERE melding.signal_id IS NULL AND melding.state != 'withdrawn'
                    )
                    SELECT item.id,
                           item.signal_id,
                           item.melding_id,
                           item.rule_id,
                           rule.category AS rule_category,
                           item.signal_state,
                           item.melding_state,
                           item.date_raised,
                           %(school_year)s AS school_year,
                           item.deadline,
                           item.date_filed,
                           item.date_closed,
                           enrolment.course_id,
                           enrolment.batch_id,
                           course.department_id,
                           item.company_id,
                           item.student_id,
                           student.verzuim_slb_id AS slb_id,
                           item.signals,
                           CASE WHEN item.date_filed IS NOT NULL THEN 1 ELSE 0 END AS reports,
                           CASE WHEN item.is_overdue THEN 1 ELSE 0 END AS overdue,
                           CASE WHEN item.signal_id IS NOT NULL
                                THEN item.date_filed - item.date_raised END AS days_to_report,
                           item.date_closed - item.date_filed AS days_to_close
                      FROM item
                 LEFT JOIN verzuim_rule rule ON rule.id = item.rule_id
                 LEFT JOIN op_student student ON student.id = item.student_id
                 LEFT JOIN LATERAL (
                            SELECT e.course_id, e.batch_id
                              FROM op_student_course e
                             WHERE e.student_id = item.student_id
                          ORDER BY e.state = 'running' DESC, e.id DESC
                             LIMIT 1
                           ) enrolment ON TRUE
                 LEFT JOIN op_course course ON course.id = enrolment.course_id
                )
                """,
                view=SQL.identifier(self._table),
                tz=SCHOOL_TZ,
                today=today,
                school_year=school_year_sql(SQL("item.date_raised")),
            )
        )
