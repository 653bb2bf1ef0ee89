from . import verzuim_registration_wizard
