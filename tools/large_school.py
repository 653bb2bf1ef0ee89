"""A large synthetic school, written with bulk SQL: `make demo-large` and `make bench`.

The rows are those the module writes when people use it (the same tables; stored computes
filled as the ORM fills them: lesson date and minutes, status, category, reason and its source,
minutes and hours missed, teacher and SLB of each registration, registration state of each
lesson), so the module cannot tell them from a school entered through the screens. Everything
follows from the seed: the same arguments give the same school.

Students follow patterns that raise every rule: most come to school and miss a lesson now and
then; some skip often (10 hours), whole days (16 hours for the leerplichtig), some drop out
(LRV, RMC, DUO's 4 and 8 weeks), some are sick often or long, some take a day of luxury leave.
A few teachers register late or not at all.
"""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz

from odoo.tools import SQL

AMS = pytz.timezone("Europe/Amsterdam")
LESSON_MINUTES = 60
FIRST_LESSON = time(8, 30)
SUBJECTS = ("Nederlands", "Engels", "Rekenen", "Beroepsvaardigheden", "Loopbaan en burgerschap")
PROGRAMMES = (("1", "Entree"), ("2", "Logistiek"), ("3", "Zorg"), ("4", "ICT"))
# Pattern of a student: (share in percent, name). The shares add up to 100.
PATTERNS = (
    (62, "regular"),
    (18, "occasional"),
    (7, "skipper"),
    (4, "dropout"),
    (3, "sick_often"),
    (2, "sick_long"),
    (4, "luxe"),
)
# Per pattern, per thousand lessons: absent (reason unknown), late, authorized by the teacher.
LESSON_ODDS = {
    "regular": (15, 25, 5),
    "occasional": (60, 50, 5),
    "skipper": (90, 60, 5),
    "dropout": (30, 30, 5),
    "sick_often": (15, 25, 5),
    "sick_long": (15, 25, 5),
    "luxe": (15, 25, 5),
}


def _pattern_of(number):
    slot, total = number % 100, 0
    for share, name in PATTERNS:
        total += share
        if slot < total:
            return name
    return PATTERNS[0][1]


def _school_days(env, start, end):
    """Weekdays in [start, end] that are no day off of the current company."""
    calendar = env["verzuim.holiday"]._school_calendar(start, end)
    return [
        start + timedelta(days=n)
        for n in range((end - start).days + 1)
        if calendar.is_school_day(start + timedelta(days=n))
    ]


def _utc(day, at):
    return AMS.localize(datetime.combine(day, at)).astimezone(pytz.utc).replace(tzinfo=None)


class Progress:
    """A progress bar on one line of the terminal (or nothing)."""

    def __init__(self, total, label, out=None):
        self.total, self.label, self.out, self.done = max(total, 1), label, out, 0

    def step(self, n=1):
        self.done += n
        if self.out is None:
            return
        width = 30
        filled = width * self.done // self.total
        self.out.write(
            f"\r  {self.label:<28} [{'#' * filled}{'.' * (width - filled)}] "
            f"{self.done}/{self.total}"
        )
        if self.done >= self.total:
            self.out.write("\n")
        self.out.flush()


def build_school(
    env,
    students,
    weeks,
    today,
    lessons_per_day=6,
    seed=1,
    class_size=30,
    prefix="L",
    progress=None,
):
    """Fill the database with a school of ``students`` students in classes of ``class_size``,
    ``lessons_per_day`` lessons per school day for the ``weeks`` weeks before ``today``.

    Returns ``(students, faculty, number_of_registrations)``. ``prefix`` keeps two schools in
    one database apart; ``progress`` is a stream for the progress bar (None: quiet)."""
    cr = env.cr
    company = env.company
    classes = (students + class_size - 1) // class_size
    start = today - timedelta(days=7 * weeks + today.weekday())
    days = _school_days(env, start, today - timedelta(days=1))
    admin = env.ref("base.user_admin").id

    subjects = env["op.subject"].create(
        [{"name": f"{prefix} {name}", "code": f"{prefix}-S{n}"} for n, name in enumerate(SUBJECTS)]
    )
    courses = env["op.course"].create(
        [
            {
                "name": f"{prefix} {name}",
                "code": f"{prefix}-N{level}",
                "verzuim_niveau": level,
                "subject_ids": [(6, 0, subjects.ids)],
            }
            for level, name in PROGRAMMES
        ]
    )
    # One teacher per class: a lesson slot never has a teacher in two classes at once.
    groups = env.ref("mbo_verzuim.group_teacher") | env.ref("mbo_verzuim.group_slb")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True, tracking_disable=True)
        .create(
            [
                {
                    "name": f"{prefix} Docent {n + 1}",
                    "login": f"{prefix.lower()}_docent_{n + 1}",
                    "groups_id": [(6, 0, (groups | env.ref("base.group_user")).ids)],
                    "tz": "Europe/Amsterdam",
                }
                for n in range(classes)
            ]
        )
    )
    for user in users:
        user.partner_id.user_id = user
    faculty = env["op.faculty"].create(
        [
            {
                "partner_id": user.partner_id.id,
                "name": user.name,
                "first_name": prefix,
                "last_name": user.name.split()[-1],
                "birth_date": "1980-01-01",
                "gender": "female" if n % 2 else "male",
            }
            for n, user in enumerate(users)
        ]
    )
    env.flush_all()
    _fill_classes_and_students(
        cr, prefix, students, classes, class_size, courses, users, today, seed, company
    )
    _fill_sick_notices(cr, days, seed, company, admin)
    bar = Progress(len(days), f"{students} students, lessons", progress)
    for week_start in range(0, len(days), 5):
        week = days[week_start : week_start + 5]
        _fill_lessons(cr, prefix, week, lessons_per_day, seed, subjects, company, admin)
        bar.step(len(week))
    cr.execute("ANALYZE op_session, op_attendance_sheet, op_attendance_line, verzuim_notice")
    env.invalidate_all()
    pupils = env["op.student"].search([("partner_id.name", "=like", f"{prefix} Student %")])
    cr.execute("SELECT count(*) FROM op_attendance_line WHERE course_id = ANY(%s)", [courses.ids])
    return pupils, faculty, cr.fetchone()[0]


def _fill_classes_and_students(
    cr, prefix, students, classes, class_size, courses, users, today, seed, company
):
    cr.execute(
        SQL(
            """
        CREATE TEMP TABLE IF NOT EXISTS bench_profile (
            student_id int PRIMARY KEY, batch_id int, course_id int, pattern text,
            dropout_day date, luxe_day date);
        TRUNCATE bench_profile;
        INSERT INTO op_batch (code, name, course_id, start_date, end_date, active,
                              create_uid, write_uid, create_date, write_date)
        SELECT %(prefix)s || '-K' || g, %(prefix)s || ' Klas ' || g,
               (%(courses)s::int[])[1 + mod(g - 1, 4)], %(start)s, %(end)s, true, 1, 1,
               now(), now()
          FROM generate_series(1, %(classes)s) g;
        INSERT INTO op_attendance_register (name, code, course_id, batch_id, active,
                                            create_uid, write_uid, create_date, write_date)
        SELECT b.name, 'R-' || b.code, b.course_id, b.id, true, 1, 1, now(), now()
          FROM op_batch b WHERE b.code LIKE %(classes_like)s;
        """,
            prefix=prefix,
            classes_like=f"{prefix}-K%",
            teachers_like=f"{prefix} Docent %",
            courses=courses.ids,
            classes=classes,
            start=date(today.year - 1, 8, 1),
            end=date(today.year + 1, 7, 31),
        )
    )
    cr.execute(
        SQL(
            """
        WITH partners AS (
            INSERT INTO res_partner (name, active, type, company_id, lang, tz,
                                     create_uid, write_uid, create_date, write_date)
            SELECT %(prefix)s || ' Student ' || g, true, 'contact', %(company)s, 'nl_NL',
                   'Europe/Amsterdam', 1, 1, now(), now()
              FROM generate_series(1, %(students)s) g
            RETURNING id, name
        ),
        numbered AS (
            SELECT id, name, row_number() OVER (ORDER BY id) AS n FROM partners
        ),
        inserted AS (
            INSERT INTO op_student (partner_id, first_name, last_name, gender, birth_date,
                                    active, verzuim_startkwalificatie, verzuim_slb_id,
                                    create_uid, write_uid, create_date, write_date)
            SELECT p.id, jsonb_build_object('en_US', %(prefix)s),
                   jsonb_build_object('en_US', 'Student ' || p.n),
                   CASE WHEN mod(p.n, 2) = 0 THEN 'f' ELSE 'm' END,
                   DATE %(today)s - (16 * 365 + mod(abs(hashtext(%(seed)s || ':age:' || p.n)),
                                                    8 * 365)),
                   true, mod(abs(hashtext(%(seed)s || ':sq:' || p.n)), 4) = 0,
                   (%(users)s::int[])[1 + (p.n - 1) / %(size)s],
                   1, 1, now(), now()
              FROM numbered p
            RETURNING id, partner_id
        )
        INSERT INTO bench_profile (student_id, batch_id, course_id, pattern)
        SELECT s.id, b.id, b.course_id, ''
          FROM inserted s
          JOIN numbered p ON p.id = s.partner_id
          JOIN op_batch b ON b.code = %(prefix)s || '-K' || (1 + (p.n - 1) / %(size)s)
            """,
            prefix=prefix,
            classes_like=f"{prefix}-K%",
            teachers_like=f"{prefix} Docent %",
            students=students,
            company=company.id,
            today=today,
            seed=str(seed),
            users=[u.id for u in users],
            size=class_size,
        )
    )
    cr.execute("SELECT student_id FROM bench_profile ORDER BY student_id")
    ids = [row[0] for row in cr.fetchall()]
    patterns = [(student_id, _pattern_of(n * 7 + seed)) for n, student_id in enumerate(ids)]
    cr.execute(
        SQL(
            """
        UPDATE bench_profile p SET pattern = x.pattern
          FROM unnest(%(ids)s::int[], %(patterns)s::text[]) AS x(student_id, pattern)
         WHERE p.student_id = x.student_id;
        INSERT INTO op_student_course (student_id, course_id, batch_id, state, verzuim_leerweg,
                                       verzuim_voltijd, create_uid, write_uid, create_date,
                                       write_date)
        SELECT p.student_id, p.course_id, p.batch_id, 'running',
               CASE WHEN mod(p.batch_id, 5) = 4 THEN 'bbl' ELSE 'bol' END,
               mod(p.batch_id, 5) <> 4, 1, 1, now(), now()
          FROM bench_profile p;
            """,
            ids=[p[0] for p in patterns],
            patterns=[p[1] for p in patterns],
        )
    )


def _fill_sick_notices(cr, days, seed, company, admin):
    """Dropouts stop coming on a day of the first half; sick students get their notices (one
    long, or one day every two weeks); luxe students take a Friday off."""
    if not days:
        return
    cr.execute("SELECT student_id, pattern FROM bench_profile ORDER BY student_id")
    profile = cr.fetchall()
    notices, dropouts, luxe = [], [], []
    half = max(len(days) // 2, 1)
    fridays = [day for day in days if day.weekday() == 4] or days
    for n, (student_id, pattern) in enumerate(profile):
        pick = (n * 31 + seed) % 997
        if pattern == "dropout":
            dropouts.append((student_id, days[pick % half]))
        elif pattern == "sick_long":
            first = days[pick % half]
            notices.append((student_id, first, first + timedelta(days=15 + pick % 10)))
        elif pattern == "sick_often":
            for day in days[pick % 10 :: 10]:
                notices.append((student_id, day, day))
        elif pattern == "luxe":
            luxe.append((student_id, fridays[pick % len(fridays)]))
    # Half of the luxe students and a third of the dropouts are 16 (leerplichtig: luxe, LRV);
    # the other dropouts 19 or 20 (RMC, DUO); none of them has a startkwalificatie.
    ages = {}
    for n, (student_id, pattern) in enumerate(profile):
        if pattern == "luxe" and n % 2 == 0:
            ages[student_id] = 16
        elif pattern == "dropout":
            ages[student_id] = (16, 19, 20)[n % 3]
    cr.execute(
        SQL(
            """
        UPDATE op_student s
           SET birth_date = %(today)s - x.age * INTERVAL '1 year' - INTERVAL '100 days',
               verzuim_startkwalificatie = false
          FROM unnest(%(ids)s::int[], %(ages)s::int[]) AS x(student_id, age)
         WHERE s.id = x.student_id
            """,
            today=days[-1],
            ids=list(ages),
            ages=list(ages.values()),
        )
    )
    cr.execute(
        SQL(
            """
        UPDATE bench_profile p SET dropout_day = x.day
          FROM unnest(%(ids)s::int[], %(days)s::date[]) AS x(student_id, day)
         WHERE p.student_id = x.student_id;
        UPDATE bench_profile p SET luxe_day = x.day
          FROM unnest(%(lids)s::int[], %(ldays)s::date[]) AS x(student_id, day)
         WHERE p.student_id = x.student_id;
        CREATE TEMP TABLE IF NOT EXISTS bench_sick (notice_id int, student_id int,
                                                   first_day date, last_day date);
        TRUNCATE bench_sick;
        WITH notices AS (
            INSERT INTO verzuim_notice (student_id, reason_id, notice_type, state, date_start,
                                        date_end, company_id, create_uid, write_uid,
                                        create_date, write_date)
            SELECT x.student_id, %(ziek)s, 'sick', 'closed',
                   x.first + TIME '06:00' - INTERVAL '1 hour',
                   x.last + TIME '17:00' - INTERVAL '1 hour', %(company)s, %(admin)s,
                   %(admin)s, now(), now()
              FROM unnest(%(sids)s::int[], %(firsts)s::date[], %(lasts)s::date[])
                   AS x(student_id, first, last)
            RETURNING id, student_id, date_start, date_end
        )
        INSERT INTO bench_sick
        SELECT id, student_id, (date_start + INTERVAL '1 hour')::date,
               (date_end + INTERVAL '1 hour')::date FROM notices;
            """,
            ids=[d[0] for d in dropouts],
            days=[d[1] for d in dropouts],
            lids=[d[0] for d in luxe],
            ldays=[d[1] for d in luxe],
            sids=[n[0] for n in notices],
            firsts=[n[1] for n in notices],
            lasts=[n[2] for n in notices],
            company=company.id,
            admin=admin,
            ziek=_reason(cr, "ziek"),
        )
    )


def _fill_lessons(cr, prefix, week, lessons_per_day, seed, subjects, company, admin):
    """One week: the lessons of every class, their registers and one registration per student
    per lesson. Teachers 1, 11, 21, ... forget a register now and then; 2, 12, ... complete
    theirs a day late now and then."""
    starts = [_utc(day, FIRST_LESSON) for day in week]
    cr.execute(
        SQL(
            """
        CREATE TEMP TABLE IF NOT EXISTS bench_lesson (session_id int, batch_id int,
                                                     course_id int, faculty_user int,
                                                     day date, starts timestamp,
                                                     registered text);
        TRUNCATE bench_lesson;
        WITH classes AS (
            SELECT b.id, b.course_id, row_number() OVER (ORDER BY b.id) - 1 AS n,
                   count(*) OVER () AS total
              FROM op_batch b WHERE b.code LIKE %(classes_like)s
        ),
        teachers AS (
            SELECT f.id, p.name, p.user_id, row_number() OVER (ORDER BY f.id) - 1 AS n
              FROM op_faculty f JOIN res_partner p ON p.id = f.partner_id
             WHERE p.name LIKE %(teachers_like)s
        ),
        planned AS (
            SELECT c.id AS batch_id, c.course_id, t.id AS faculty_id, t.name AS teacher,
                   t.user_id, t.n AS teacher_n,
                   (%(subjects)s::int[])[1 + mod(slot, %(nsubjects)s)] AS subject_id,
                   (%(subject_names)s::text[])[1 + mod(slot, %(nsubjects)s)] AS subject,
                   d.day, d.first + slot * %(minutes)s * INTERVAL '1 minute' AS starts,
                   mod(abs(hashtext(%(seed)s || ':reg:' || c.id || ':' || d.day || ':' || slot)),
                       100) AS draw
              FROM classes c
             CROSS JOIN unnest(%(days)s::date[], %(firsts)s::timestamp[]) AS d(day, first)
             CROSS JOIN generate_series(0, %(lessons)s - 1) AS slot
              JOIN teachers t ON t.n = mod(c.n + slot, c.total)
        ),
        decided AS (
            SELECT *, CASE
                WHEN mod(teacher_n, 10) = 0 AND draw < 15 THEN 'never'
                WHEN mod(teacher_n, 10) = 1 AND draw < 25 THEN 'late'
                WHEN draw < 1 THEN 'never'
                WHEN draw < 3 THEN 'late'
                ELSE 'on_time' END AS registered
              FROM planned
        ),
        sessions AS (
            INSERT INTO op_session (course_id, faculty_id, batch_id, subject_id, start_datetime,
                                    end_datetime, state, active, verzuim_lesson_date,
                                    verzuim_register_state, name, type, days, company_id,
                                    create_uid, write_uid, create_date, write_date)
            SELECT course_id, faculty_id, batch_id, subject_id, starts,
                   starts + %(minutes)s * INTERVAL '1 minute', 'done', true, day,
                   CASE WHEN registered = 'never' THEN 'todo' ELSE 'done' END,
                   teacher || ':' || subject || ':'
                   || to_char((starts AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam',
                              'DD-MM-YYYY HH24:MI') || '-'
                   || to_char(((starts + %(minutes)s * INTERVAL '1 minute') AT TIME ZONE 'UTC')
                              AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI'),
                   trim(to_char(day, 'Day')), lower(trim(to_char(day, 'Day'))), %(company)s,
                   %(admin)s, %(admin)s, now(), now()
              FROM decided
            RETURNING id, batch_id, course_id, verzuim_lesson_date, start_datetime, faculty_id
        )
        INSERT INTO bench_lesson
        SELECT s.id, s.batch_id, s.course_id, d.user_id, s.verzuim_lesson_date,
               s.start_datetime, d.registered
          FROM sessions s
          JOIN decided d ON d.batch_id = s.batch_id AND d.starts = s.start_datetime;
            """,
            prefix=prefix,
            classes_like=f"{prefix}-K%",
            teachers_like=f"{prefix} Docent %",
            subjects=subjects.ids,
            subject_names=list(SUBJECTS),
            nsubjects=len(subjects),
            minutes=LESSON_MINUTES,
            seed=str(seed),
            days=week,
            firsts=starts,
            lessons=lessons_per_day,
            company=company.id,
            admin=admin,
        )
    )
    cr.execute(
        SQL(
            """
        CREATE TEMP TABLE IF NOT EXISTS bench_sheet (sheet_id int, session_id int);
        TRUNCATE bench_sheet;
        WITH sheets AS (
            INSERT INTO op_attendance_sheet (register_id, course_id, batch_id, session_id,
                                             faculty_id, name, state, attendance_date, active,
                                             verzuim_done_date, create_uid, write_uid,
                                             create_date, write_date)
            SELECT r.id, l.course_id, l.batch_id, l.session_id, s.faculty_id,
                   'REG-' || r.code || '-' || l.session_id, 'done', l.day, true,
                   CASE WHEN l.registered = 'late' THEN l.day + 1 ELSE l.day END,
                   l.faculty_user, l.faculty_user, now(), now()
              FROM bench_lesson l
              JOIN op_session s ON s.id = l.session_id
              JOIN op_attendance_register r ON r.batch_id = l.batch_id
             WHERE l.registered <> 'never'
            RETURNING id, session_id
        )
        INSERT INTO bench_sheet SELECT id, session_id FROM sheets;
        WITH registrations AS (
            SELECT sh.sheet_id, l.session_id, l.starts, l.day, l.batch_id, l.course_id,
                   l.faculty_user,
                   st.verzuim_slb_id AS slb_id, p.student_id, sick.notice_id,
                   CASE
                       WHEN sick.notice_id IS NOT NULL THEN 'sick'
                       WHEN p.dropout_day <= l.day THEN 'absent'
                       WHEN p.luxe_day = l.day THEN 'luxe'
                       WHEN p.pattern = 'skipper'
                            AND mod(abs(hashtext(%(seed)s || ':day:' || p.student_id || ':'
                                                 || l.day)), 100) < 15 THEN 'absent'
                       WHEN x.draw < odds.absent THEN 'absent'
                       WHEN x.draw < odds.absent + odds.late THEN 'late'
                       WHEN x.draw < odds.absent + odds.late + odds.authorized THEN 'arts'
                       ELSE 'present' END AS kind,
                   5 + 5 * mod(x.draw, 4) AS late_minutes
              FROM bench_lesson l
              JOIN bench_sheet sh ON sh.session_id = l.session_id
              JOIN bench_profile p ON p.batch_id = l.batch_id
              JOIN op_student st ON st.id = p.student_id
              JOIN (SELECT * FROM unnest(%(patterns)s::text[], %(absent)s::int[],
                                         %(late)s::int[], %(authorized)s::int[])
                           AS o(pattern, absent, late, authorized)) odds
                ON odds.pattern = p.pattern
              LEFT JOIN bench_sick sick
                ON sick.student_id = p.student_id AND l.day BETWEEN sick.first_day
                                                               AND sick.last_day
             CROSS JOIN LATERAL (
                   SELECT mod(abs(hashtext(%(seed)s || ':les:' || p.student_id || ':'
                                           || l.session_id)), 1000) AS draw) x
        )
        INSERT INTO op_attendance_line (
            attendance_id, student_id, course_id, batch_id, register_id, attendance_date,
            present, excused, absent, late, active, verzuim_session_id, verzuim_lesson_start,
            verzuim_teacher_user_id,
            verzuim_slb_id, verzuim_lesson_minutes, verzuim_late_minutes,
            verzuim_teacher_reason_id, verzuim_notice_id, verzuim_reason_id, verzuim_minutes,
            verzuim_status, verzuim_reason_source, verzuim_category, verzuim_lesson_date,
            verzuim_hours, verzuim_is_unknown, verzuim_attended, create_uid, write_uid,
            create_date, write_date)
        SELECT r.sheet_id, r.student_id, r.course_id, r.batch_id, reg.id, r.day,
               r.kind = 'present', CASE WHEN r.kind IN ('sick', 'arts') THEN true END,
               CASE WHEN r.kind IN ('absent', 'luxe') THEN true
                    WHEN r.kind = 'sick' THEN false END,
               CASE WHEN r.kind = 'late' THEN true END,
               true, r.session_id, r.starts, r.faculty_user, r.slb_id, %(minutes)s,
               CASE WHEN r.kind = 'late' THEN r.late_minutes
                    WHEN r.kind IN ('absent', 'luxe', 'sick', 'arts') THEN 0 END,
               CASE r.kind WHEN 'luxe' THEN %(luxe)s WHEN 'arts' THEN %(arts)s END,
               r.notice_id,
               CASE r.kind WHEN 'sick' THEN %(ziek)s WHEN 'luxe' THEN %(luxe)s
                           WHEN 'arts' THEN %(arts)s WHEN 'absent' THEN %(unknown)s
                           WHEN 'late' THEN %(unknown)s END,
               CASE WHEN r.kind = 'late' THEN r.late_minutes
                    WHEN r.kind = 'present' THEN 0 ELSE %(minutes)s END,
               CASE WHEN r.kind IN ('sick', 'luxe', 'arts') THEN 'absent'
                    ELSE r.kind END,
               CASE WHEN r.kind = 'sick' THEN 'notice'
                    WHEN r.kind IN ('luxe', 'arts') THEN 'teacher'
                    WHEN r.kind IN ('absent', 'late') THEN 'default' END,
               CASE WHEN r.kind IN ('sick', 'arts') THEN 'authorized'
                    WHEN r.kind = 'present' THEN 'present' ELSE 'unauthorized' END,
               r.day,
               round((CASE WHEN r.kind = 'late' THEN r.late_minutes
                           WHEN r.kind = 'present' THEN 0 ELSE %(minutes)s END) / 60.0, 1),
               r.kind IN ('absent', 'late'), r.kind IN ('present', 'late'),
               r.faculty_user, r.faculty_user, now(), now()
          FROM registrations r
          JOIN op_attendance_register reg ON reg.batch_id = r.batch_id;
            """,
            seed=str(seed),
            patterns=list(LESSON_ODDS),
            absent=[odds[0] for odds in LESSON_ODDS.values()],
            late=[odds[1] for odds in LESSON_ODDS.values()],
            authorized=[odds[2] for odds in LESSON_ODDS.values()],
            minutes=LESSON_MINUTES,
            ziek=_reason(cr, "ziek"),
            luxe=_reason(cr, "luxe"),
            arts=_reason(cr, "arts"),
            unknown=_reason(cr, "onbekend"),
        )
    )


def _reason(cr, code):
    cr.execute("SELECT id FROM verzuim_reason WHERE code = %s", [code])
    return cr.fetchone()[0]


def main(conf, db):
    """`make demo-large`: fill ``db`` (the module installed, no demo) and commit."""
    import os
    import sys

    import odoo
    from odoo import SUPERUSER_ID
    from odoo import api

    odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    students = int(os.environ.get("STUDENTS", 2000))
    weeks = int(os.environ.get("WEEKS", 12))
    lessons = int(os.environ.get("LESSONS", 6))
    seed = int(os.environ.get("SEED", 1))
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tz": "Europe/Amsterdam"})
        print(f"a school of {students} students, {weeks} weeks, {lessons} lessons a day")
        pupils, _faculty, lines = build_school(
            env,
            students,
            weeks,
            date.today(),
            lessons_per_day=lessons,
            seed=seed,
            progress=sys.stdout,
        )
        print(f"  {len(pupils)} students, {lines} registrations; evaluating the rules")
        signals = env["verzuim.signal"]._evaluate(students=pupils)
        print(f"  {len(signals)} signals")
        cr.commit()


if __name__ == "__main__":
    import sys

    main(sys.argv[1], sys.argv[2])
