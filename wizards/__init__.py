from . import verzuim_holiday_import
from . import verzuim_leave_refuse
from . import verzuim_notice_recovered
from . import verzuim_overview_wizard
from . import verzuim_reason_set
from . import verzuim_registration_wizard
from . import verzuim_signal_dismiss
