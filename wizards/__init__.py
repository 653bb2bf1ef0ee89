from . import verzuim_holiday_import, verzuim_registration_wizard
