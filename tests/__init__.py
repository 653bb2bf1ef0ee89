from . import (
    test_access,
    test_demo_school,
    test_install,
    test_notice,
    test_reason,
    test_registration,
)
