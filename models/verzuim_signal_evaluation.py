import logging
import threading
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


class VerzuimSignalEvaluation(models.Model):
    """The nightly evaluation: facts in bulk, the engine per student, signals written back."""

    _inherit = "verzuim.signal"

    @api.model
    def _students_to_evaluate(self):
        enrolments = self.env["op.student.course"].sudo().search([("state", "=", "running")])
        return enrolments.student_id

    @api.model
    def _evaluate(self, as_of=None, students=None):
        """Evaluate the rules for students (default: every running enrolment) as of a day
        (default: today), per institution of the students. Idempotent: returns the signals it
        created or updated."""
        as_of = as_of or fields.Date.context_today(self)
        students = (students if students is not None else self._students_to_evaluate()).sudo()
        rules = self.env["verzuim.rule"].sudo().search([])
        changed = self.sudo().browse()
        for company, company_students in self._by_company(students):
            evaluation = self.sudo().with_company(company)
            for ids in split_every(BATCH_SIZE, company_students.ids):
                changed |= evaluation._evaluate_batch(students.browse(ids), rules, as_of)
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

    def _evaluate_batch(self, students, rules, as_of):
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
        found, failed = {}, set()
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
                ("student_id", "in", list(set(students.ids) - failed)),
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
        to_create, changed = [], self.browse()
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
        created = self.create(to_create)
        created._link_repeats(by_key)
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

    def _link_repeats(self, by_key):
        """Point each new signal at the latest earlier signal of its rule and student that
        is still being handled: one UPDATE for all."""
        open_signals = {}
        for signal in [s for s in by_key.values() if s.state in OPEN_STATES] + list(self):
            open_signals.setdefault((signal.student_id.id, signal.rule_id.id), []).append(signal)
        pairs = []
        for signal in self:
            earlier = [
                other
                for other in open_signals[signal.student_id.id, signal.rule_id.id]
                if other.date_start < signal.date_start
            ]
            if earlier:
                pairs.append((signal.id, max(earlier, key=lambda o: o.date_start).id))
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
        return {
            "date_start": signal.date_start,
            "date_end": signal.date_end,
            "hours": signal.hours,
            "count": signal.count,
            "deadline": signal.deadline,
            "repeat_number": signal.repeat_number,
            "line_ids": [fields.Command.set(list(signal.line_ids))],
            "notice_ids": [fields.Command.set(list(signal.notice_ids))],
        }

    def _differs(self, signal, vals):
        simple = ("date_end", "hours", "count", "deadline", "repeat_number")
        if any(signal[name] != vals[name] for name in simple):
            return True
        return set(signal.line_ids.ids) != set(vals["line_ids"][0][2]) or set(
            signal.notice_ids.ids
        ) != set(vals["notice_ids"][0][2])

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
