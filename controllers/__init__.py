from . import take_attendance
