from datetime import date
from datetime import datetime

from engine.school_time import local_date
from engine.school_time import to_local


def test_local_date_is_the_amsterdam_date_not_the_utc_date():
    # 23:30 UTC on Monday 26 October 2026 (winter time, UTC+1) is Tuesday in Amsterdam.
    assert local_date(datetime(2026, 10, 26, 23, 30)) == date(2026, 10, 27)
    # 21:30 UTC on 24 October 2026 (summer time, UTC+2) is 23:30 the same day.
    assert local_date(datetime(2026, 10, 24, 21, 30)) == date(2026, 10, 24)
    assert local_date(None) is None


def test_to_local_follows_daylight_saving():
    assert to_local(datetime(2026, 3, 29, 0, 30)).hour == 1  # before 02:00 CET
    assert to_local(datetime(2026, 3, 29, 1, 30)).hour == 3  # after the switch, CEST
