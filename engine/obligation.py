"""Which legal regime a student falls under on a day (domain.md §7, "who")."""

from datetime import date

LEERPLICHT_AGE = 16
KWALIFICATIEPLICHT_AGE = 18
RMC_AGE = 23


def age_on(birth_date: date | None, day: date) -> int | None:
    """Whole years on ``day``; 29 February birthdays count from 1 March in other years."""
    if not birth_date:
        return None
    # Not relativedelta: it makes a 29 February child a year older on 28 February.
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def obligation(birth_date: date | None, startkwalificatie: bool, day: date) -> str:
    """'leerplichtig', 'kwalificatieplichtig', 'rmc' or 'none' on ``day``.

    Full leerplicht (under 16) applies whatever the diplomas; kwalificatieplicht (16–17)
    and the RMC target group (18–22) only without a startkwalificatie.
    """
    age = age_on(birth_date, day)
    if age is None:
        return "none"
    if age < LEERPLICHT_AGE:
        return "leerplichtig"
    if startkwalificatie:
        return "none"
    if age < KWALIFICATIEPLICHT_AGE:
        return "kwalificatieplichtig"
    if age < RMC_AGE:
        return "rmc"
    return "none"
