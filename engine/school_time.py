"""The school's clock: Odoo stores naive UTC datetimes, the rules count local dates."""

from datetime import date
from datetime import datetime
from datetime import timezone
from datetime import tzinfo
from zoneinfo import ZoneInfo

SCHOOL_TZ = "Europe/Amsterdam"


def to_local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """A naive UTC datetime in ``tz``, by default the school's time zone."""
    return moment.replace(tzinfo=timezone.utc).astimezone(tz or ZoneInfo(SCHOOL_TZ))


def local_date(moment: datetime | None) -> date | None:
    """The school's local date of a naive UTC datetime; None for no datetime."""
    return to_local(moment).date() if moment else None
