"""`make bench`: how fast the module runs at the size of a large ROC, against the SQL floor.

Run by tools/harness.py inside the Odoo Python, against the database it names, in one
transaction that is rolled back. It builds two schools of S students each with the generator
(tools/large_school.py; S, weeks and lessons a day from BENCH_STUDENTS, BENCH_WEEKS,
BENCH_LESSONS), then measures:

- the floor: one SQL query over the same registrations (daily unauthorized minutes per
  student, a 28-day window sum, the largest per student);
- the full evaluation (`verzuim.signal._evaluate`) of S students, its ratio to the floor and its
  queries per batch of 200; the evaluation again with nothing changed; the full evaluation of
  2S students (the scaling ratio);
- completing a register of 30 students with its class re-evaluated (the triggered job), and
  applying a sick notice over 4 weeks (time and queries);
- OpenEduCat's timetable check against the module's, on 2,000 lessons each way;
- the analysis views, when tools/bench_analysis.py provides them.

It prints a table and writes it to .bench/latest.json. Targets (issue 12): evaluation at most
10x the floor, again at most 3x, doubling at most 2.2x, peak RSS below 1 GiB at 8,000 students,
a register with its class re-evaluated under one second.
"""

import json
import os
import platform
import resource
import sys
import time
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID
from odoo import api

sys.path.insert(0, str(Path(__file__).resolve().parent))
from large_school import _utc
from large_school import build_school as build_large_school

STUDENTS = int(os.environ.get("BENCH_STUDENTS", 2000))
WEEKS = int(os.environ.get("BENCH_WEEKS", 12))
LESSONS = int(os.environ.get("BENCH_LESSONS", 6))
SESSIONS_EACH_WAY = int(os.environ.get("BENCH_SESSIONS", 2000))
REPO = Path(__file__).resolve().parent.parent
FLOOR_SQL = """
    WITH daily AS (
        SELECT student_id, verzuim_lesson_date AS day, SUM(verzuim_minutes) AS minutes
          FROM op_attendance_line
         WHERE active AND verzuim_category = 'unauthorized' AND student_id = ANY(%s)
      GROUP BY student_id, verzuim_lesson_date
    )
    SELECT student_id, MAX(window_minutes)
      FROM (SELECT student_id,
                   SUM(minutes) OVER (PARTITION BY student_id ORDER BY day
                                      RANGE BETWEEN CURRENT ROW
                                                AND INTERVAL '27 days' FOLLOWING)
                   AS window_minutes
              FROM daily) windows
  GROUP BY student_id
"""


def build_school(env, students, weeks, today, **options):
    """(students, faculty, number of registrations): the generator's school (see
    tools/large_school.py for the options)."""
    return build_large_school(env, students, weeks, today, **options)


class Bench:
    def __init__(self, env):
        self.env, self.cr = env, env.cr
        self.rows, self.results = [], {}

    def timed(self, func):
        self.env.flush_all()
        before = self.cr.sql_log_count
        started = time.perf_counter()
        result = func()
        self.env.flush_all()
        return result, time.perf_counter() - started, self.cr.sql_log_count - before

    def row(self, label, value, unit="", target=""):
        text = f"{value:.2f}" if isinstance(value, float) else str(value)
        self.rows.append((label, text, unit, target))
        print(f"  {label:<56} {text:>10} {unit:<8} {target}", flush=True)

    def floor(self, students):
        def run():
            self.cr.execute(FLOOR_SQL, [students.ids])
            return self.cr.fetchall()

        run()  # warm the buffers, as for the evaluation
        return min(self.timed(run)[1] for _ in range(3))


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_timetable_check(bench, env, count):
    """OpenEduCat's constraint (every session of the database per session) against the
    module's (the sessions of the same day that can clash), on ``count`` new lessons each."""
    params = env["ir.config_parameter"].sudo()
    for key in (
        "timetable.is_faculty_constraint",
        "timetable.is_classroom_constraint",
        "timetable.is_batch_and_subject_constraint",
        "timetable.is_batch_constraint",
    ):
        params.set_param(key, "True")
    course = env["op.course"].create({"name": "TT bench", "code": "TT-BENCH"})
    batches = env["op.batch"].create(
        [
            {
                "name": f"TT {n}",
                "code": f"TT-{n}",
                "course_id": course.id,
                "start_date": "2020-01-01",
                "end_date": "2030-01-01",
            }
            for n in range(10)
        ]
    )
    subject = env["op.subject"].create({"name": "TT", "code": "TT"})
    # One room per class: OpenEduCat's check sees two lessons without a room as a clash.
    rooms = env["op.classroom"].create([{"name": f"TT {n}", "code": f"TT-R{n}"} for n in range(10)])
    faculty = env["op.faculty"].create(
        [
            {
                "name": f"TT Docent {n}",
                "first_name": "TT",
                "last_name": f"Docent {n}",
                "birth_date": "1980-01-01",
                "gender": "male",
            }
            for n in range(10)
        ]
    )

    def lessons(first_day):
        vals, day = [], first_day
        while len(vals) < count:
            if day.weekday() < 5:
                for n in range(10):
                    for slot in range(6):
                        vals.append(
                            {
                                "course_id": course.id,
                                "batch_id": batches[n].id,
                                "classroom_id": rooms[n].id,
                                "faculty_id": faculty[(n + slot) % 10].id,
                                "subject_id": subject.id,
                                "start_datetime": _utc(day, datetime.min.time())
                                + timedelta(hours=8 + slot),
                                "end_datetime": _utc(day, datetime.min.time())
                                + timedelta(hours=9 + slot),
                            }
                        )
            day += timedelta(days=1)
        return vals[:count]

    model = env["op.session"].with_context(tracking_disable=True)
    openeducat_check = next(
        klass.__dict__["check_timetable_fields"]
        for klass in type(model).mro()
        if klass.__module__.startswith("odoo.addons.openeducat_timetable")
        and "check_timetable_fields" in klass.__dict__
    )
    _, batch_seconds, _ = bench.timed(lambda: model.create(lessons(date(2030, 1, 7))))

    def one_by_one(first_day, extra_check=None):
        """Seconds for all, and milliseconds per lesson over the last tenth."""
        vals, times = lessons(first_day), []
        for one in vals:
            started = time.perf_counter()
            session = model.create(one)
            env.flush_all()
            if extra_check:
                extra_check(session)
            times.append(time.perf_counter() - started)
        tail = times[-max(len(times) // 10, 1) :]
        return sum(times), 1000 * sum(tail) / len(tail)

    module = one_by_one(date(2031, 1, 6))
    # OpenEduCat's check as well (Odoo keeps the constraint methods it found at start-up,
    # so it is called here after the module's): every session of the database per lesson.
    openeducat = one_by_one(date(2032, 1, 5), openeducat_check)
    for key in (
        "timetable.is_faculty_constraint",
        "timetable.is_classroom_constraint",
        "timetable.is_batch_and_subject_constraint",
        "timetable.is_batch_constraint",
    ):
        params.set_param(key, False)
    return batch_seconds, module, openeducat


def bench_register(bench, env, students, today):
    """Complete a register of one class of 30 (five absent, three late), then the triggered
    re-evaluation of the class: (students, seconds, queries). A first register of another
    class warms the caches (the server has them warm after its first request)."""
    subject = env["op.subject"].search([], limit=1)

    def open_register(batch, hour):
        faculty = env["op.faculty"].search([("partner_id.user_id", "!=", False)], limit=1)
        session = env["op.session"].create(
            {
                "course_id": batch.course_id.id,
                "batch_id": batch.id,
                "faculty_id": faculty.id,
                "subject_id": subject.id,
                "start_datetime": _utc(today, datetime.min.time()) + timedelta(hours=hour),
                "end_datetime": _utc(today, datetime.min.time()) + timedelta(hours=hour + 1),
            }
        )
        register = env["op.attendance.register"].search([("batch_id", "=", batch.id)], limit=1)
        sheet = env["op.attendance.sheet"].create(
            {
                "register_id": register.id,
                "session_id": session.id,
                "attendance_date": today,
                "faculty_id": faculty.id,
            }
        )
        sheet._verzuim_fill_lines()
        env.flush_all()
        env.invalidate_all()
        return sheet

    def complete(sheet):
        lines = sheet.attendance_line
        lines[:5].write({"verzuim_status": "absent"})
        lines[5:8].write({"verzuim_status": "late", "verzuim_late_minutes": 10})
        sheet.action_verzuim_complete()
        env["verzuim.evaluation.queue"]._cron_process()

    classes = students.course_detail_ids.batch_id
    complete(open_register(classes[-1], 19))
    sheet = open_register(classes[0], 20)
    _, seconds, queries = bench.timed(lambda: complete(sheet))
    return len(sheet.attendance_line), seconds, queries


def bench_notice(bench, env, student, today):
    """A sick notice over the last 4 weeks, applied to the student's registrations."""
    first = today - timedelta(days=28)

    def apply():
        return env["verzuim.notice"].create(
            {
                "student_id": student.id,
                "notice_type": "sick",
                "date_start": _utc(first, datetime.min.time()) + timedelta(hours=6),
                "date_end": _utc(today, datetime.min.time()) + timedelta(hours=18),
            }
        )

    notice, seconds, queries = bench.timed(apply)
    return len(notice.line_ids), seconds, queries


def bench_evaluation(bench, env, school, build_other, today):
    """The full evaluation of S, again, the next day and the analysis views on S; then a
    second school (``build_other``) and the full evaluation of 2S."""
    cr, results, signals = env.cr, bench.results, env["verzuim.signal"]
    floor = bench.floor(school)
    bench.row("floor: the 28-day window query, S students", floor, "s")
    cr.execute("SAVEPOINT before_evaluation")
    found, seconds, queries = bench.timed(lambda: signals._evaluate(as_of=today, students=school))
    batches = -(-len(school) // 200)
    bench.row(f"full evaluation, S = {len(school)} students", seconds, "s")
    bench.row("  signals", len(found))
    bench.row("  over the floor", seconds / floor, "x", "target <= 10")
    bench.row("  queries per batch of 200", round(queries / batches, 1))
    _, again, _ = bench.timed(lambda: signals._evaluate(as_of=today, students=school))
    bench.row("again, nothing changed", again, "s")
    bench.row("  over the floor", again / floor, "x", "target <= 3")
    # The nightly run: the same data one day later (every stamp is of the day before).
    _, nightly, _ = bench.timed(
        lambda: signals._evaluate(as_of=today + timedelta(days=1), students=school)
    )
    bench.row("the next day, nothing new registered (the nightly run)", nightly, "s")
    bench.row("  over the floor", nightly / floor, "x")
    results.update(
        students=len(school),
        signals=len(found),
        eval_seconds=round(seconds, 3),
        floor_seconds=round(floor, 4),
        eval_over_floor=round(seconds / floor, 2),
        reeval_seconds=round(again, 3),
        reeval_over_floor=round(again / floor, 2),
        nightly_seconds=round(nightly, 3),
        nightly_over_floor=round(nightly / floor, 2),
        queries_per_batch=round(queries / batches, 1),
    )
    analysis_rows(bench, "S", bench_analysis_views(env))
    cr.execute("ROLLBACK TO SAVEPOINT before_evaluation")
    env.invalidate_all()
    both = school | build_other()
    _, double, _ = bench.timed(lambda: signals._evaluate(as_of=today, students=both))
    bench.row(f"full evaluation, 2S = {len(both)} students", double, "s")
    bench.row("  scaling ratio (2S over S)", double / seconds, "x", "target <= 2.2")
    results.update(scaling_ratio=round(double / seconds, 2), eval_2s_seconds=round(double, 3))


def main(conf, db):
    odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    today = date.today()
    with registry.cursor() as cr:
        env = api.Environment(
            cr,
            SUPERUSER_ID,
            {"tz": "Europe/Amsterdam", "tracking_disable": True, "mail_create_nolog": True},
        )
        bench = Bench(env)
        results = bench.results
        print(
            f"mbo_verzuim bench: {STUDENTS} students (and {2 * STUDENTS}), {WEEKS} weeks, "
            f"{LESSONS} lessons a day"
        )
        batch_check, module_check, openeducat_check = bench_timetable_check(
            bench, env, SESSIONS_EACH_WAY
        )
        (school, _faculty, lines), build_seconds, _ = bench.timed(
            lambda: build_school(
                env,
                STUDENTS,
                WEEKS,
                today,
                lessons_per_day=LESSONS,
                prefix="A",
                progress=sys.stdout,
            )
        )
        results["registrations"] = lines
        bench.row("school built with SQL (registrations)", lines, "rows")
        bench.row("  in", build_seconds, "s")

        def build_other():
            return build_school(
                env,
                STUDENTS,
                WEEKS,
                today,
                lessons_per_day=LESSONS,
                prefix="B",
                seed=2,
                progress=sys.stdout,
            )[0]

        bench_evaluation(bench, env, school, build_other, today)
        klas, register_seconds, register_queries = bench_register(bench, env, school, today)
        bench.row(
            f"complete a register of {klas}, class re-evaluated",
            register_seconds,
            "s",
            "target < 1",
        )
        bench.row("  queries", register_queries)
        notice_lines, notice_seconds, notice_queries = bench_notice(bench, env, school[5], today)
        bench.row(f"sick notice over 4 weeks ({notice_lines} registrations)", notice_seconds, "s")
        bench.row("  queries", notice_queries)
        n = SESSIONS_EACH_WAY
        bench.row(f"{n} lessons in one create, module's timetable check", batch_check, "s")
        bench.row(f"{n} lessons one by one, module's check", module_check[0], "s")
        bench.row("  per lesson, last tenth", module_check[1], "ms")
        bench.row(f"{n} lessons one by one, with OpenEduCat's check", openeducat_check[0], "s")
        bench.row("  per lesson, last tenth", openeducat_check[1], "ms")
        results.update(
            register_size=klas,
            register_save_seconds=round(register_seconds, 3),
            register_save_queries=register_queries,
            notice_apply_seconds=round(notice_seconds, 3),
            notice_apply_queries=notice_queries,
            timetable_batch_seconds=round(batch_check, 2),
            timetable_module_seconds=round(module_check[0], 2),
            timetable_module_ms_per_lesson_at_end=round(module_check[1], 1),
            timetable_openeducat_seconds=round(openeducat_check[0], 2),
            timetable_openeducat_ms_per_lesson_at_end=round(openeducat_check[1], 1),
        )
        analysis_rows(bench, "2S", bench_analysis_views(env))
        results["peak_rss_mb"] = round(peak_rss_mb())
        bench.row("peak RSS of this process", results["peak_rss_mb"], "MB", "target < 1024")
        results["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}"
        results["date"] = today.isoformat()
        cr.rollback()
    out = REPO / ".bench"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"  written to {out / 'latest.json'}")


def analysis_rows(bench, size, analysis):
    """The analysis views' rows of the table, on the school(s) of ``size``."""
    for label, seconds, _queries in analysis:
        bench.row(f"analysis ({size}): {label}", seconds, "s", "target < 1")
    bench.results[f"analysis_{size.lower()}"] = [
        {"view": label, "seconds": round(seconds, 3), "queries": queries}
        for label, seconds, queries in analysis
    ]


def bench_analysis_views(env):
    try:
        from bench_analysis import bench_analysis
    except ImportError:
        return []
    return bench_analysis(env)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
