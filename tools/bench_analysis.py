"""The analysis views' typical queries, timed (issue 11, point 7): what the dashboard, the
pivots' default groupings and the PDF ask, on whatever school is in the database.

``bench_analysis(env)`` returns ``[(label, seconds, queries), ...]``; tools/bench.py calls it
inside its rolled-back transaction after building the large school. Run as the superuser and,
when one exists, as a management user (the small-group check adds a distinct count).
"""

import time

from odoo import fields


def _school_year(env):
    today = fields.Date.context_today(env["verzuim.dashboard"])
    first, last = env["verzuim.holiday"]._school_years(today, 1)[0]
    return today, first, last, f"{first.year}-{last.year}"


def _queries(env):
    today, first, last, year = _school_year(env)
    month = today.replace(day=1)
    Absence = env["verzuim.absence.report"]
    Registration = env["verzuim.registration.report"]
    Pipeline = env["verzuim.pipeline.report"]
    Urennorm = env["verzuim.urennorm.report"]
    this_year = [("lesson_date", ">=", first), ("lesson_date", "<=", last)]
    return [
        (
            "attendance pivot: programme x month, school year",
            lambda: Absence.read_group(
                this_year,
                ["attendance_rate", "planned_hours", "unauthorized_hours"],
                ["course_id", "lesson_date:month"],
                lazy=False,
            ),
        ),
        (
            "attendance pivot: all rows per programme",
            lambda: Absence.read_group([], ["attendance_rate", "planned_hours"], ["course_id"]),
        ),
        (
            "attendance: class x week, school year",
            lambda: Absence.read_group(
                this_year, ["attendance_rate"], ["batch_id", "lesson_date:week"], lazy=False
            ),
        ),
        (
            "attendance: teacher x subject, school year",
            lambda: Absence.read_group(
                this_year, ["attendance_rate"], ["teacher_id", "subject_id"], lazy=False
            ),
        ),
        (
            "dashboard: rate per programme this month",
            lambda: env["verzuim.dashboard"]._rate_rows(month, today),
        ),
        (
            "discipline pivot: teacher x week",
            lambda: Registration.read_group(
                this_year,
                ["lessons", "on_time", "late", "missing"],
                ["teacher_id", "lesson_date:week"],
                lazy=False,
            ),
        ),
        (
            "dashboard: teachers with unregistered lessons",
            lambda: env["verzuim.dashboard"]._teacher_rows(first, today),
        ),
        (
            "pipeline pivot: rule x state",
            lambda: Pipeline.read_group(
                [],
                ["signals", "reports", "overdue", "days_to_report"],
                ["rule_id", "signal_state"],
                lazy=False,
            ),
        ),
        ("dashboard: overdue legal reports", lambda: env["verzuim.dashboard"]._overdue_rows()),
        (
            "urennorm list: school year",
            lambda: Urennorm.search_read(
                [("school_year", "=", year)], ["batch_id", "programmed_hours", "attended_hours"]
            ),
        ),
        (
            "dashboard: classes below the urennorm",
            lambda: env["verzuim.dashboard"]._urennorm_rows(year),
        ),
        ("dashboard: open (all four)", lambda: env["verzuim.dashboard"].create({}).rate_html),
    ]


def _time(env, label, query):
    env.invalidate_all()
    before = env.cr.sql_log_count
    started = time.perf_counter()
    query()
    return label, time.perf_counter() - started, env.cr.sql_log_count - before


def bench_analysis(env):
    """[(label, seconds, queries)] of the analysis views' typical queries."""
    results = [_time(env, label, query) for label, query in _queries(env)]
    management = env.ref("mbo_verzuim.group_management").users.filtered(
        lambda user: not user.has_group("mbo_verzuim.group_coordinator")
    )[:1]
    if management:
        as_manager = env(user=management.id)
        results += [
            _time(as_manager, f"{label} (management)", query)
            for label, query in _queries(as_manager)[:2]
        ]
    return results


if __name__ == "__main__":  # python tools/bench_analysis.py odoo.conf database
    import sys

    import odoo
    from odoo import SUPERUSER_ID
    from odoo import api

    odoo.tools.config.parse_config(["-c", sys.argv[1]])
    registry = odoo.modules.registry.Registry(sys.argv[2])
    with registry.cursor() as cr:
        for label, seconds, queries in bench_analysis(api.Environment(cr, SUPERUSER_ID, {})):
            print(f"{label:<55} {seconds * 1000:8.1f} ms {queries:4d} queries")
        cr.rollback()
