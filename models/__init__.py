from . import (
    op_attendance_line,
    op_attendance_sheet,
    op_course,
    op_session,
    op_student,
    op_student_course,
    verzuim_demo,
    verzuim_holiday,
    verzuim_notice,
    verzuim_reason,
)
