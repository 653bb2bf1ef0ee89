"""What each student's last evaluation was made of: an evaluation as of the same day skips a
student whose registrations, notices, profile and enrolments, and the school's rules, calendar
and reasons, have not changed since."""

import hashlib
import logging

from psycopg2 import errors as pg_errors

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class VerzuimEvaluationStamp(models.Model):
    _name = "verzuim.evaluation.stamp"
    _description = "Last Evaluation of a Student"
    _log_access = False

    student_id = fields.Many2one("op.student", required=True, index=True, ondelete="cascade")
    signature = fields.Char(required=True)

    _sql_constraints = [
        ("student_unique", "unique(student_id)", "One evaluation stamp per student."),
    ]

    @api.model
    def _signatures(self, students, as_of, date_from):
        """{student id: signature} of what an evaluation as of ``as_of`` reads: the columns of
        the student's registrations (their number and the XOR of 64-bit row hashes), notices and
        enrolments that the facts are made of, its birth date, startkwalificatie and
        institution, and the school's rules, days off, reasons and programme levels. Not a
        write date: within one transaction it does not move."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
            WITH school AS (
                SELECT concat_ws('|', %(as_of)s::text, %(date_from)s::text,
                    (SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) FROM verzuim_rule r),
                    (SELECT md5(string_agg(h::text, ',' ORDER BY h.id)) FROM verzuim_holiday h),
                    (SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) FROM verzuim_reason r),
                    (SELECT md5(string_agg(c.id || ':' || coalesce(c.verzuim_niveau, ''), ','
                                           ORDER BY c.id)) FROM op_course c)) AS part
            ),
            lines AS (
                SELECT student_id,
                       count(*) || ':' || bit_xor(hashint8extended(
                           id::bigint * 1000003
                           + coalesce(verzuim_lesson_date - DATE '2000-01-01', 0) * 7919
                           + coalesce(verzuim_minutes, 0) * 31
                           + coalesce(verzuim_reason_id, 0)::bigint * 65537
                           + coalesce(verzuim_session_id, 0)::bigint * 104729
                           + coalesce(timestamp_hash(verzuim_lesson_start), 0)
                           + coalesce(length(verzuim_category), 0) * 3
                           + coalesce(verzuim_attended::int, 0) * 64
                           + coalesce(active::int, 1) * 128, 0)) AS part
                  FROM op_attendance_line WHERE student_id = ANY(%(ids)s)
              GROUP BY student_id
            ),
            notices AS (
                SELECT student_id,
                       string_agg(concat_ws(',', id, notice_type, state, date_start, date_end),
                                  ';' ORDER BY id) AS part
                  FROM verzuim_notice WHERE student_id = ANY(%(ids)s) GROUP BY student_id
            ),
            enrolments AS (
                SELECT student_id,
                       string_agg(concat_ws(',', id, state, course_id, verzuim_leerweg,
                                            verzuim_voltijd), ';' ORDER BY id) AS part
                  FROM op_student_course WHERE student_id = ANY(%(ids)s) GROUP BY student_id
            )
            SELECT student.id,
                   md5(concat_ws('|', school.part, student.birth_date::text,
                                 student.verzuim_startkwalificatie::text,
                                 partner.company_id::text, lines.part, notices.part,
                                 enrolments.part))
              FROM op_student student
              JOIN res_partner partner ON partner.id = student.partner_id
             CROSS JOIN school
         LEFT JOIN lines ON lines.student_id = student.id
         LEFT JOIN notices ON notices.student_id = student.id
         LEFT JOIN enrolments ON enrolments.student_id = student.id
             WHERE student.id = ANY(%(ids)s)
                """,
                ids=list(students.ids),
                as_of=as_of,
                date_from=date_from,
            )
        )
        return dict(rows)

    @api.model
    def _with_signals(self, signatures):
        """``signatures`` with the students' signals (their number and ids) added: a signal
        removed behind the evaluation's back makes it evaluate the student again."""
        self.env["verzuim.signal"].flush_model()
        rows = self.env.execute_query(
            SQL(
                """
            SELECT student_id, count(*) || ':' || sum(id) FROM verzuim_signal
             WHERE student_id = ANY(%s) GROUP BY student_id
                """,
                list(signatures),
            )
        )
        signals = dict(rows)
        return {
            student_id: hashlib.md5(  # a fingerprint, no secret
                f"{signature}|{signals.get(student_id, '')}".encode()
            ).hexdigest()
            for student_id, signature in signatures.items()
        }

    @api.model
    def _unchanged(self, signatures):
        """Ids of the students whose stored signature equals the one in ``signatures``."""
        signatures = self._with_signals(signatures)
        rows = self.env.execute_query(
            SQL(
                """
            SELECT stamp.student_id FROM verzuim_evaluation_stamp stamp
              JOIN unnest(%s::int[], %s::text[]) AS now(student_id, signature)
                ON now.student_id = stamp.student_id AND now.signature = stamp.signature
                """,
                list(signatures),
                list(signatures.values()),
            )
        )
        return {row[0] for row in rows}

    @api.model
    def _store(self, signatures):
        """Remember ``signatures`` ({student id: signature}) of students just evaluated, with
        the signals the evaluation left them. Another evaluation storing the same students at
        the same moment wins: the next evaluation then simply does not skip them."""
        if not signatures:
            return
        signatures = self._with_signals(signatures)
        try:
            with self.env.cr.savepoint():
                self._upsert(signatures)
        except (pg_errors.UniqueViolation, pg_errors.SerializationFailure):
            _logger.info("Evaluation stamps of %s students left to another run", len(signatures))

    def _upsert(self, signatures):
        self.env.execute_query(
            SQL(
                """
            INSERT INTO verzuim_evaluation_stamp (student_id, signature)
            SELECT * FROM unnest(%s::int[], %s::text[])
            ON CONFLICT (student_id) DO UPDATE SET signature = EXCLUDED.signature
                """,
                list(signatures),
                list(signatures.values()),
            )
        )
