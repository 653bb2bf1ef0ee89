"""18.0.1.2.0: the lesson start stored on each registration (the rules' order within a day),
filled with one UPDATE before Odoo would compute it registration by registration."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "ALTER TABLE op_attendance_line ADD COLUMN IF NOT EXISTS verzuim_lesson_start timestamp"
    )
    cr.execute(
        """
        UPDATE op_attendance_line line
           SET verzuim_lesson_start = session.start_datetime
          FROM op_session session
         WHERE session.id = line.verzuim_session_id
           AND line.verzuim_lesson_start IS DISTINCT FROM session.start_datetime
        """
    )
