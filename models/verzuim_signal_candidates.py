import math
from datetime import timedelta

from odoo import api
from odoo import models
from odoo.tools import SQL

from ..engine import REASON
from ..engine import SICK_FREQUENT
from ..engine import SICK_LONG
from ..engine import STREAK
from ..engine import WINDOW
from .verzuim_signal import OPEN_STATES


class VerzuimSignalCandidates(models.Model):
    """Which students can have a signal at all, found by SQL over the whole institution: the
    engine then runs for them only. Every test here admits more students than the engine will
    report (a superset), never fewer: the rules' meaning stays the engine's."""

    _inherit = "verzuim.signal"

    @api.model
    def _candidate_ids(self, students, rules, as_of, date_from, calendar):
        """Ids of ``students`` that may raise a signal of ``rules`` (verzuim.rule records)
        starting on or after ``date_from``, or that have an open signal the evaluation may
        update or retire."""
        if self.env.context.get("verzuim_evaluate_everyone"):
            return set(students.ids)  # the engine for every student: see its test
        active = [rule._to_params() for rule in rules if rule.active]
        ids = list(students.ids)
        self.env["op.attendance.line"].flush_model()
        self.env["verzuim.notice"].flush_model()
        self.flush_model()
        queries = [self._open_signal_query(ids, rules, date_from)]
        windows = [rule for rule in active if rule.kind == WINDOW]
        if windows:
            queries.append(self._window_query(ids, windows, as_of, date_from, calendar))
        streaks = [rule for rule in active if rule.kind == STREAK]
        if streaks:
            days = min(rule.streak_lesweken for rule in streaks)
            queries.append(self._streak_query(ids, days, as_of, date_from))
        if any(rule.kind in (SICK_LONG, SICK_FREQUENT) for rule in active):
            queries.append(self._sick_query(ids, as_of, date_from))
        codes = [rule.reason_code for rule in active if rule.kind == REASON and rule.reason_code]
        if codes:
            queries.append(self._reason_query(ids, codes, as_of, date_from))
        rows = self.env.execute_query(SQL(" UNION ").join(SQL("(%s)", query) for query in queries))
        return {row[0] for row in rows}

    def _open_signal_query(self, ids, rules, date_from):
        return SQL(
            """
            SELECT student_id FROM verzuim_signal
             WHERE student_id = ANY(%s) AND rule_id = ANY(%s) AND state = ANY(%s)
               AND date_start >= %s
            """,
            ids,
            rules.ids,
            list(OPEN_STATES),
            date_from,
        )

    def _window_query(self, ids, windows, as_of, date_from, calendar):
        """Unauthorized minutes (late minutes too) within the longest calendar span that the
        rules' lesweken can take in the period, at least the lowest threshold."""
        threshold = min(math.ceil(round(rule.threshold_hours * 60, 6)) for rule in windows)
        span = max(
            self._longest_span(calendar, rule.window_lesweken, date_from, as_of) for rule in windows
        )
        return SQL(
            """
            SELECT student_id FROM (
                SELECT student_id,
                       SUM(minutes) OVER (PARTITION BY student_id ORDER BY day
                                          RANGE BETWEEN CURRENT ROW AND %(span)s FOLLOWING)
                       AS window_minutes
                  FROM (SELECT student_id, verzuim_lesson_date AS day,
                               SUM(verzuim_minutes) AS minutes
                          FROM op_attendance_line
                         WHERE active AND verzuim_category = 'unauthorized'
                           AND student_id = ANY(%(ids)s)
                           AND verzuim_lesson_date BETWEEN %(date_from)s AND %(as_of)s
                      GROUP BY 1, 2) daily
            ) windows
             WHERE window_minutes >= %(threshold)s
            """,
            span=timedelta(days=span),
            ids=ids,
            date_from=date_from,
            as_of=as_of,
            threshold=threshold,
        )

    @staticmethod
    def _longest_span(calendar, lesweken, date_from, as_of):
        """Calendar days from a day to the end of the ``lesweken`` lesweken it starts, at most,
        over the period."""
        longest, day = 0, date_from
        while day <= as_of:
            longest = max(longest, (calendar.lesweek_end(day, lesweken) - day).days)
            day += timedelta(days=1)
        return longest

    def _streak_query(self, ids, days, as_of, date_from):
        """Chains of days with an unauthorized absence (not attended) with no registration
        between two of them that would break a streak; a streak of N lesweken has a day in
        each of them, so a chain of fewer than N days holds none."""
        return SQL(
            """
            WITH absence_days AS (
                SELECT student_id, verzuim_lesson_date AS day,
                       LAG(verzuim_lesson_date) OVER (PARTITION BY student_id
                                                      ORDER BY verzuim_lesson_date) AS previous
                  FROM op_attendance_line
                 WHERE active AND verzuim_category = 'unauthorized' AND NOT verzuim_attended
                   AND student_id = ANY(%(ids)s)
                   AND verzuim_lesson_date BETWEEN %(date_from)s AND %(as_of)s
              GROUP BY student_id, verzuim_lesson_date
            ),
            chained AS (
                SELECT student_id, day,
                       SUM(CASE WHEN previous IS NULL OR EXISTS (
                               SELECT 1 FROM op_attendance_line other
                                WHERE other.student_id = absence_days.student_id
                                  AND other.active
                                  AND other.verzuim_lesson_date > absence_days.previous
                                  AND other.verzuim_lesson_date < absence_days.day
                                  AND (other.verzuim_attended
                                       OR other.verzuim_category IS DISTINCT FROM
                                          'unauthorized'))
                           THEN 1 ELSE 0 END) OVER (PARTITION BY student_id ORDER BY day)
                       AS chain
                  FROM absence_days
            )
            SELECT student_id FROM chained GROUP BY student_id, chain
            HAVING COUNT(*) >= %(days)s
            """,
            ids=ids,
            date_from=date_from,
            as_of=as_of,
            days=days,
        )

    def _sick_query(self, ids, as_of, date_from):
        """A sick notice that starts in the period (a day earlier for the time zone)."""
        return SQL(
            """
            SELECT student_id FROM verzuim_notice
             WHERE student_id = ANY(%s) AND notice_type = 'sick' AND state != 'cancelled'
               AND date_start >= %s AND date_start < %s
            """,
            ids,
            date_from - timedelta(days=1),
            as_of + timedelta(days=1),
        )

    def _reason_query(self, ids, codes, as_of, date_from):
        return SQL(
            """
            SELECT line.student_id FROM op_attendance_line line
              JOIN verzuim_reason reason ON reason.id = line.verzuim_reason_id
             WHERE line.active AND reason.code = ANY(%s) AND line.student_id = ANY(%s)
               AND line.verzuim_lesson_date BETWEEN %s AND %s
            """,
            codes,
            ids,
            date_from,
            as_of,
        )
