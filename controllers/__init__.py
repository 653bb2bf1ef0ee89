from . import portal
from . import take_attendance
from . import verzuim_melding_export
