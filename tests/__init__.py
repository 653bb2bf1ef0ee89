from . import (
    test_access,
    test_demo_school,
    test_install,
    test_notice,
    test_reason,
    test_registration,
    test_slb_and_student,
    test_take_attendance_route,
    test_teacher_day,
    test_teacher_register_tour,
    test_translations,
)
