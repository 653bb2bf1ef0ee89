# A mixin first: models below inherit it.
from . import verzuim_archive_guard
from . import verzuim_report_privacy

# isort: split

from . import ir_http
from . import op_attendance_line
from . import op_attendance_line_archive
from . import op_attendance_line_refresh
from . import op_attendance_line_worklist
from . import op_attendance_sheet
from . import op_attendance_sheet_done_at
from . import op_attendance_sheet_refresh
from . import op_course
from . import op_department
from . import op_session
from . import op_session_timetable_check
from . import op_student
from . import op_student_bsn
from . import op_student_course
from . import op_student_dossier
from . import op_student_followup
from . import op_student_letters
from . import op_student_portal
from . import op_student_same_day_notice
from . import res_company
from . import res_company_analysis
from . import res_company_portal
from . import res_config_settings
from . import res_config_settings_analysis
from . import res_config_settings_portal
from . import res_groups
from . import res_users
from . import verzuim_demo
from . import verzuim_demo_followup
from . import verzuim_demo_portal
from . import verzuim_evaluation_queue
from . import verzuim_evaluation_stamp
from . import verzuim_facts
from . import verzuim_holiday
from . import verzuim_intervention
from . import verzuim_leave_decision_report
from . import verzuim_leave_request
from . import verzuim_leave_request_letters
from . import verzuim_letter_reports
from . import verzuim_letters
from . import verzuim_melding
from . import verzuim_melding_closed
from . import verzuim_melding_export
from . import verzuim_melding_feedback
from . import verzuim_melding_letters
from . import verzuim_notice
from . import verzuim_notice_portal
from . import verzuim_notice_refresh
from . import verzuim_portal
from . import verzuim_reason
from . import verzuim_rule
from . import verzuim_signal
from . import verzuim_signal_candidates
from . import verzuim_signal_display
from . import verzuim_signal_evaluation
from . import verzuim_signal_letters
from . import verzuim_signal_melding
from . import verzuim_teacher_reminder

# isort: split

# The analysis views last: their SQL reads the tables of the models above.
from . import verzuim_absence_report
from . import verzuim_pipeline_report
from . import verzuim_registration_report
from . import verzuim_urennorm_report

# isort: split

from . import verzuim_dashboard
from . import verzuim_discipline_mail
from . import verzuim_rapportage
