import hashlib
import logging
import threading
from collections import defaultdict
from datetime import date
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api
from odoo import fields
from odoo import models
from odoo.modules import module as odoo_module
from odoo.tools import SQL
from odoo.tools import split_every

from ..engine import evaluate
from .verzuim_signal import OPEN_STATES

_logger = logging.getLogger(__name__)

BATCH_SIZE = 200
SCHOOL_YEAR_START_MONTH = 8  # the school year runs from 1 August
# What a concurrent evaluation of the same students causes: the other one did the same work.
CONCURRENCY_ERRORS = (pg_errors.UniqueViolation, pg_errors.SerializationFailure)


def evidence_key(line_ids, notice_ids):
    """A short fingerprint of a signal's evidence: comparing it spares reading every line."""
    text = ",".join(map(str, line_ids)) + "|" + ",".join(map(str, notice_ids))
    return hashlib.sha1(text.encode()).hexdigest()


class VerzuimSignalEvaluation(models.Model):
    """The nightly evaluation: facts in bulk, the engine per student, signals written back."""

    _inherit = "verzuim.signal"

    evidence_key = fields.Char(readonly=True, copy=False, groups="base.group_system")

    @api.model
    def _students_to_evaluate(self):
        enrolments = self.env["op.student.course"].sudo().search([("state", "=", "running")])
        return enrolments.student_id

    @api.model
    def _evaluate(self, as_of=None, students=None, reuse=True):
        """Evaluate the rules for students (default: every running enrolment) as of a day
        (default: today), per institution of the students. Idempotent: returns the signals it
        created or updated.

        SQL first finds the students that can have a signal at all (verzuim.signal
        candidates); the engine runs for those. With ``reuse``, a student whose data has not
        changed since an evaluation as of the same day is skipped (verzuim.evaluation.stamp)."""
        as_of = as_of or fields.Date.context_today(self)
        students = (students if students is not None else self._students_to_evaluate()).sudo()
        rules = self.env["verzuim.rule"].sudo().search([])
        date_from = self._lookback_start(as_of)
        stamps = self.env["verzuim.evaluation.stamp"].sudo()
        changed = self.sudo().browse()
        for company, company_students in self._by_company(students):
            evaluation = self.sudo().with_company(company)
            signatures = stamps._signatures(company_students, as_of, date_from)
            todo = company_students
            if reuse:
                todo -= company_students.browse(stamps._unchanged(signatures))
            if not todo:
                continue
            calendar = self.env["verzuim.holiday"]._school_calendar(
                date_from - timedelta(days=60), as_of + timedelta(days=400), company=company
            )
            candidates = evaluation._candidate_ids(todo, rules, as_of, date_from, calendar)
            failed = set()
            for ids in split_every(BATCH_SIZE, sorted(candidates)):
                changed |= evaluation._evaluate_batch(
                    students.browse(ids), rules, as_of, failed=failed
                )
            stamps._store(
                {
                    student_id: signatures[student_id]
                    for student_id in todo.ids
                    if student_id not in failed and student_id in signatures
                }
            )
        return changed

    @api.model
    def _by_company(self, students):
        """[(company, students)]: a student belongs to the institution of its partner
        record; one without is the current company's."""
        groups = {}
        for student in students:
            company = student.company_id or self.env.company
            groups.setdefault(company, []).append(student.id)
        return [
            (company, students.browse(ids))
            for company, ids in sorted(groups.items(), key=lambda item: item[0].id)
        ]

    @api.model
    def _cron_evaluate(self):
        """Daily: every running enrolment, per institution, in batches, committing each batch.
        A batch that fails is logged and the next batch goes on."""
        students = self._students_to_evaluate().sudo()
        total, done = len(students), 0
        testing = odoo_module.current_test or getattr(threading.current_thread(), "testing", False)
        for company, company_students in self._by_company(students):
            for ids in split_every(BATCH_SIZE, company_students.ids):
                try:
                    with self.env.cr.savepoint():
                        self._evaluate(students=students.browse(ids))
                except Exception:
                    _logger.exception(
                        "Evaluating %s students of %s failed; the other batches go on",
                        len(ids),
                        company.name,
                    )
                done += len(ids)
                self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
                if not testing:
                    # Each batch stands on its own: a crash later keeps the work done so far.
                    self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _lookback_start(self, as_of):
        """1 August of the previous school year: signals that start earlier are left as they
        are. It moves once a year, not every night, so evaluating night after night with the
        same data changes nothing (the facts reach back further for an absence still going on
        on that day: see verzuim.facts)."""
        year = as_of.year if as_of.month >= SCHOOL_YEAR_START_MONTH else as_of.year - 1
        return date(year - 1, SCHOOL_YEAR_START_MONTH, 1)

    def _evaluate_batch(self, students, rules, as_of, failed=None):
        """The signals of ``students`` (candidates: see _evaluate); the ids of students whose
        evaluation failed are added to ``failed``."""
        date_from = self._lookback_start(as_of)
        facts = self.env["verzuim.facts"]._collect(students, date_from, as_of)
        first_day = min(
            (r.day for student_facts in facts.values() for r in student_facts.registrations[:1]),
            default=date_from,
        )
        calendar = self.env["verzuim.holiday"]._school_calendar(
            min(first_day, date_from) - timedelta(days=60),
            as_of + timedelta(days=400),
            company=self.env.company,
        )
        params = [rule._to_params() for rule in rules]
        rule_by_code = {rule.code: rule for rule in rules}
        found = {}
        failed = set() if failed is None else failed
        for student_id, student_facts in facts.items():
            try:
                signals = evaluate(student_facts, params, calendar, as_of)
            except Exception:
                # One student's data must not stop the others: logged, its signals kept.
                _logger.exception("Evaluating the rules for student id %s failed", student_id)
                failed.add(student_id)
                continue
            for signal in signals:
                if signal.date_start >= date_from:
                    rule = rule_by_code[signal.rule_code]
                    found[(student_id, rule.id, signal.date_start)] = signal
        # Signals of a rule that was switched off are left as they are.
        existing = self.search(
            [
                ("student_id", "in", [sid for sid in students.ids if sid not in failed]),
                ("rule_id", "in", rules.ids),
                ("date_start", ">=", date_from),
            ]
        )
        by_key = {(s.student_id.id, s.rule_id.id, s.date_start): s for s in existing}
        try:
            with self.env.cr.savepoint():
                return self._apply_results(found, by_key, rule_by_code, students)
        except CONCURRENCY_ERRORS:
            # Another evaluation of these students wrote first (two crons, or a manual run):
            # apply signal by signal and leave what the other one already wrote.
            _logger.info("Concurrent evaluation of %s students: applying one by one", len(students))
            return self._apply_one_by_one(found, by_key, rule_by_code, students)

    def _apply_one_by_one(self, found, by_key, rule_by_code, students):
        self.env.invalidate_all()
        changed = self.browse()
        for key in sorted(set(found) | set(by_key)):
            try:
                with self.env.cr.savepoint():
                    changed |= self._apply_results(
                        found, by_key, rule_by_code, students, keys={key}
                    )
            except CONCURRENCY_ERRORS:
                self.env.invalidate_all()
        return changed

    def _apply_results(self, found, by_key, rule_by_code, students, keys=None):
        """Create, update and retire the signals of ``keys`` (default: all) with a fixed
        number of queries (plus one write per signal whose data changed)."""
        to_create, created_keys, changed = [], [], self.browse()
        reopened = self.browse()
        rule_by_id = {rule.id: rule for rule in rule_by_code.values()}
        responsible = self._responsible_users(students, rule_by_id)
        company = self.env.company.id
        for key, signal in found.items():
            if keys is not None and key not in keys:
                continue
            vals = self._prepare_values(signal, rule_by_id[key[1]])
            current = by_key.get(key)
            if not current:
                user = responsible.get((key[0], key[1]))
                created_keys.append(key)
                to_create.append(
                    {
                        "student_id": key[0],
                        "rule_id": key[1],
                        "user_id": user,
                        "company_id": company,
                        **vals,
                    }
                )
            elif current.state == "obsolete" or (
                current.state in OPEN_STATES and self._differs(current, vals)
            ):
                if current.state == "obsolete":
                    vals["state"] = "new"
                    reopened |= current
                current.write(vals)
                changed |= current
        retired = self.browse(
            [
                s.id
                for key, s in by_key.items()
                if key not in found and s.state in OPEN_STATES and (keys is None or key in keys)
            ]
        )
        if retired:
            retired.write({"state": "obsolete"})
            retired.activity_ids.unlink()
        evidence = [(vals.pop("line_ids"), vals.pop("notice_ids")) for vals in to_create]
        # Created by the evaluation: no "created" note and no follower; the to-do (below)
        # brings the responsible person in.
        created = self.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create(to_create)
        created._set_evidence(evidence)
        created._link_repeats(by_key, created_keys)
        (created | reopened)._schedule_activities()
        return changed | retired | created

    def _responsible_users(self, students, rule_by_id):
        """{(student id, rule id): user id}: the SLB, or the coordinator of the students'
        institution (the evaluation runs per institution: ``self.env.company``)."""
        coordinator = self.env.company.verzuim_coordinator_id.id
        slb_group = self.env.ref("mbo_verzuim.group_slb")
        slb = {
            s.id: s.verzuim_slb_id.id if slb_group in s.verzuim_slb_id.groups_id else False
            for s in students
        }
        result = {}
        for student_id, slb_id in slb.items():
            for rule_id, rule in rule_by_id.items():
                if rule.responsible == "coordinator":
                    result[student_id, rule_id] = coordinator or slb_id or False
                else:
                    result[student_id, rule_id] = slb_id or coordinator or False
        return result

    def _link_repeats(self, by_key, keys):
        """Point each new signal (``keys``: their (student, rule, start) in the order of
        ``self``) at the latest earlier signal of its rule and student that is still being
        handled: one UPDATE for all."""
        open_signals = defaultdict(list)
        for key, signal in by_key.items():
            if signal.state in OPEN_STATES:
                open_signals[key[:2]].append((key[2], signal.id))
        for key, signal_id in zip(keys, self.ids, strict=True):
            open_signals[key[:2]].append((key[2], signal_id))
        pairs = []
        for key, signal_id in zip(keys, self.ids, strict=True):
            earlier = [other for other in open_signals[key[:2]] if other[0] < key[2]]
            if earlier:
                pairs.append((signal_id, max(earlier)[1]))
        if pairs:
            self.flush_recordset()
            self.env.execute_query(
                SQL(
                    """
                UPDATE verzuim_signal signal
                   SET repeat_of_id = pair.target
                  FROM (VALUES %s) AS pair(id, target)
                 WHERE signal.id = pair.id
                """,
                    SQL(", ").join(SQL("(%s, %s)", a, b) for a, b in pairs),
                )
            )
            self.invalidate_recordset(["repeat_of_id"])
            self.modified(["repeat_of_id"])

    def _prepare_values(self, signal, rule):
        line_ids, notice_ids = sorted(set(signal.line_ids)), sorted(set(signal.notice_ids))
        return {
            "date_start": signal.date_start,
            "date_end": signal.date_end,
            "hours": signal.hours,
            "count": signal.count,
            "deadline": signal.deadline,
            "repeat_number": signal.repeat_number,
            "evidence_key": evidence_key(line_ids, notice_ids),
            "line_ids": [fields.Command.set(line_ids)],
            "notice_ids": [fields.Command.set(notice_ids)],
        }

    def _differs(self, signal, vals):
        """Whether ``vals`` would change ``signal``; the evidence compared by its key, not
        line by line."""
        simple = ("date_end", "hours", "count", "deadline", "repeat_number", "evidence_key")
        return any(signal[name] != vals[name] for name in simple)

    def _set_evidence(self, evidence):
        """The registrations and notices of new signals (``evidence``: [(line commands,
        notice commands)] in the order of ``self``), in one INSERT per table."""
        for index, table, column in (
            (0, "op_attendance_line_verzuim_signal_rel", "op_attendance_line_id"),
            (1, "verzuim_notice_verzuim_signal_rel", "verzuim_notice_id"),
        ):
            pairs = [
                (signal.id, target)
                for signal, commands in zip(self, evidence, strict=True)
                for target in commands[index][0][2]
            ]
            if pairs:
                self.env.execute_query(
                    SQL(
                        "INSERT INTO %s (verzuim_signal_id, %s) "
                        "SELECT * FROM unnest(%s::int[], %s::int[])",
                        SQL.identifier(table),
                        SQL.identifier(column),
                        [pair[0] for pair in pairs],
                        [pair[1] for pair in pairs],
                    )
                )
        self.invalidate_recordset(["line_ids", "notice_ids"])

    def _schedule_activities(self):
        """An activity for the responsible person of each new signal, due on its deadline."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        todo = self.filtered(lambda s: s.user_id and not s._adds_to_open_pedagogical_case())
        if not todo:
            return
        vals_list = []
        for company in todo.company_id | self.env.company:
            # In the school's language: the nightly run has no reader to take it from.
            lang = self._activity_lang(company)
            signals = todo.filtered(
                lambda s, company=company: (s.company_id or self.env.company) == company
            ).with_context(lang=lang)
            vals_list += [
                {
                    "res_model_id": model_id,
                    "res_id": signal.id,
                    "activity_type_id": activity_type.id,
                    "user_id": signal.user_id.id,
                    "date_deadline": signal.deadline,
                    "summary": signal.rule_id.name,
                    "note": signal.note,
                }
                for signal in signals
            ]
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )

    def _adds_to_open_pedagogical_case(self):
        """A pedagogical signal that repeats one still being handled adds to that case and
        gets no to-do of its own. Legal reports always do: each one must be filed."""
        return self.rule_id.category == "pedagogical" and bool(self.repeat_of_id)
