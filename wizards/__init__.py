from . import verzuim_holiday_import
from . import verzuim_registration_wizard
