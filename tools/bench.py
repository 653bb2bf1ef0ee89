"""`make bench`: how fast the rules run at the size of a large ROC.

Run by tools/harness.py inside the Odoo Python, against the database it names. It builds, in a
transaction that is rolled back, a school of N students in classes of 25 with a timetable of
6 lessons a day for W weeks and one registration per student per lesson (written with SQL:
this measures reading and evaluating, not the demo loader), then times:

- verzuim.facts._collect for one batch of 200 students (the SQL that feeds the engine),
- verzuim.signal._evaluate for all students (facts + engine + writing signals), twice,
- the re-evaluation job after a correction for a class of 30 (verzuim.evaluation.queue).

The query count of saving a register is pinned in tests/test_teacher_day.py.
"""

import sys
import time
from datetime import date
from datetime import timedelta

import odoo
from odoo import SUPERUSER_ID
from odoo import api
from odoo.tools import SQL

STUDENTS = 2000
WEEKS = 12
CLASS_SIZE = 25


def build_school(env, students, weeks, today):
    cr = env.cr
    course = env["op.course"].create({"name": "Bench", "code": "BENCH", "verzuim_niveau": "2"})
    subject = env["op.subject"].create({"name": "Bench", "code": "BENCH"})
    user = env["res.users"].create({"name": "Bench Teacher", "login": "bench_teacher"})
    user.partner_id.user_id = user
    faculty = env["op.faculty"].create(
        {
            "partner_id": user.partner_id.id,
            "name": "Bench Teacher",
            "first_name": "Bench",
            "last_name": "Teacher",
            "birth_date": "1980-01-01",
            "gender": "male",
        }
    )
    classes = (students + CLASS_SIZE - 1) // CLASS_SIZE
    start = today - timedelta(days=7 * weeks + today.weekday())
    cr.execute(
        SQL(
            """
        INSERT INTO op_batch (code, name, course_id, start_date, end_date, active)
        SELECT 'B' || g, 'Bench ' || g, %(course)s, %(start)s, %(end)s, true
          FROM generate_series(1, %(classes)s) g;
        INSERT INTO op_attendance_register (name, code, course_id, batch_id, active)
        SELECT b.code, 'R-' || b.code, b.course_id, b.id, true
          FROM op_batch b WHERE b.course_id = %(course)s;
        WITH partners AS (
            INSERT INTO res_partner (name, active, type)
            SELECT 'Bench Student ' || g, true, 'contact' FROM generate_series(1, %(students)s) g
            RETURNING id
        )
        INSERT INTO op_student (partner_id, gender, birth_date, active, verzuim_startkwalificatie)
        SELECT id, 'm', DATE %(today)s - (16 + mod(id, 8)) * 365, true, mod(id, 3) = 0
          FROM partners;
        INSERT INTO op_student_course (student_id, course_id, batch_id, state,
                                       verzuim_leerweg, verzuim_voltijd)
        SELECT s.id, %(course)s,
               (SELECT id FROM op_batch WHERE code = 'B' || (1 + (s.rn - 1) / %(size)s)),
               'running', 'bol', true
          FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM op_student
                 WHERE partner_id IN (SELECT id FROM res_partner
                                       WHERE name LIKE %(pattern)s)) s;
        INSERT INTO op_session (course_id, faculty_id, batch_id, subject_id, start_datetime,
                                end_datetime, state, active, verzuim_lesson_date,
                                verzuim_register_state)
        SELECT %(course)s, %(faculty)s, b.id, %(subject)s,
               d + TIME '07:00' + slot * INTERVAL '70 minutes',
               d + TIME '08:00' + slot * INTERVAL '70 minutes', 'done', true, d::date, 'done'
          FROM op_batch b,
               generate_series(%(start)s::timestamp, %(today)s::timestamp - INTERVAL '1 day',
                               INTERVAL '1 day') d,
               generate_series(0, 5) slot
         WHERE b.course_id = %(course)s AND extract(isodow FROM d) < 6;
        INSERT INTO op_attendance_sheet (register_id, session_id, attendance_date, state, active)
        SELECT r.id, s.id, s.verzuim_lesson_date, 'done', true
          FROM op_session s JOIN op_attendance_register r ON r.batch_id = s.batch_id
         WHERE s.course_id = %(course)s;
        INSERT INTO op_attendance_line (attendance_id, student_id, verzuim_status, present,
                                        absent, late, excused, active, attendance_date,
                                        verzuim_session_id, verzuim_lesson_date,
                                        verzuim_lesson_minutes, verzuim_minutes,
                                        verzuim_category, verzuim_attended, verzuim_is_unknown,
                                        verzuim_reason_id, batch_id, course_id)
        SELECT sh.id, sc.student_id, x.status, x.status = 'present', x.status = 'absent',
               false, false, true, sh.attendance_date, sh.session_id, sh.attendance_date, 60,
               CASE WHEN x.status = 'absent' THEN 60 ELSE 0 END,
               CASE WHEN x.status = 'absent' THEN 'unauthorized' ELSE 'present' END,
               x.status = 'present', x.status = 'absent',
               CASE WHEN x.status = 'absent' THEN %(unknown)s END, sc.batch_id, sc.course_id
          FROM op_attendance_sheet sh
          JOIN op_session se ON se.id = sh.session_id
          JOIN op_student_course sc ON sc.batch_id = se.batch_id
          CROSS JOIN LATERAL (SELECT CASE
                WHEN mod(sc.student_id, 10) = 0 THEN 'absent'
                WHEN mod(sc.student_id + se.id, 23) = 0 THEN 'absent'
                ELSE 'present' END AS status) x
         WHERE se.course_id = %(course)s;
        """,
            course=course.id,
            subject=subject.id,
            faculty=faculty.id,
            classes=classes,
            students=students,
            size=CLASS_SIZE,
            start=start,
            end=today + timedelta(days=200),
            today=today,
            pattern="Bench Student %",
            unknown=env.ref("mbo_verzuim.reason_onbekend").id,
        )
    )
    env.invalidate_all()
    batches = env["op.batch"].search([("course_id", "=", course.id)])
    pupils = env["op.student.course"].search([("batch_id", "in", batches.ids)]).student_id
    cr.execute("SELECT count(*) FROM op_attendance_line WHERE course_id = %s", [course.id])
    return pupils, faculty, cr.fetchone()[0]


def timed(label, func):
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    print(f"  {label:<58} {elapsed:8.2f} s", flush=True)
    return result, elapsed


def main(conf, db):
    odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    today = date.today()
    with registry.cursor() as cr:
        env = api.Environment(
            cr, SUPERUSER_ID, {"tz": "Europe/Amsterdam", "tracking_disable": True}
        )
        print(f"mbo_verzuim bench: {STUDENTS} students, {WEEKS} weeks, 6 lessons a day")
        (students, faculty, lines), _ = timed(
            "build the school (SQL)", lambda: build_school(env, STUDENTS, WEEKS, today)
        )
        print(f"  {'registrations':<58} {lines:8d}")
        batch = students[:200]
        env.flush_all()
        before = cr.sql_log_count
        facts, _ = timed(
            "collect facts, 200 students",
            lambda: env["verzuim.facts"]._collect(batch, today - timedelta(days=371), today),
        )
        print(f"  {'  queries':<58} {cr.sql_log_count - before:8d}")
        print(
            f"  {'  registration rows (student, day, category)':<58} "
            f"{sum(len(f.registrations) for f in facts.values()):8d}"
        )
        signals, elapsed = timed(
            f"evaluate all rules, {len(students)} students",
            lambda: env["verzuim.signal"]._evaluate(as_of=today, students=students),
        )
        print(f"  {'  signals':<58} {len(signals):8d}")
        print(f"  {'  per student':<58} {1000 * elapsed / len(students):8.2f} ms")
        _, again = timed(
            "evaluate again (idempotent, nothing changes)",
            lambda: env["verzuim.signal"]._evaluate(as_of=today, students=students),
        )
        klas = students[:30]
        queue = env["verzuim.evaluation.queue"]
        queue._enqueue(klas)
        env.flush_all()
        before = cr.sql_log_count
        timed("re-evaluate a class of 30 after a correction (job)", queue._cron_process)
        print(f"  {'  queries':<58} {cr.sql_log_count - before:8d}")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
