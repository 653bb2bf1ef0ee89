"""Who a rule applies to: age, startkwalificatie, pathway, full-time, level (domain.md §7)."""

from datetime import date

import pytest
from verzuim_builders import NINETEEN
from verzuim_builders import SIXTEEN

from engine import DEFAULT_RULES_BY_CODE as RULES
from engine import StudentFacts
from engine import age_on
from engine import in_scope

AS_OF = date(2026, 10, 31)


@pytest.fixture
def truant(timeline):
    """Absent from every lesson for five weeks: every hour and streak rule has a reason."""
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 10, 9))
    return tl


def fired(tl, **student):
    return {s.rule_code for s in tl.signals(AS_OF, **student)}


def test_nineteen_without_startkwalificatie_in_full_time_bol_level_2(truant):
    assert fired(truant, birth_date=NINETEEN) == {"unauthorized_10h", "rmc_4w", "duo_contact"}


def test_sixteen_without_startkwalificatie(truant):
    assert fired(truant, birth_date=SIXTEEN) == {"unauthorized_10h", "legal_16h", "lrv_4w"}


@pytest.mark.parametrize(
    "student",
    [
        {"leerweg": "bbl"},
        {"full_time": False},
        {"level": "3"},
        {"level": "4"},
        {"level": None},
        {"leerweg": None},
    ],
)
def test_duo_rules_exclude_bbl_part_time_and_levels_3_and_4(truant, student):
    assert fired(truant, birth_date=NINETEEN, **student) == {"unauthorized_10h", "rmc_4w"}


def test_pathway_is_compared_without_case(truant):
    assert "duo_contact" in fired(truant, birth_date=NINETEEN, leerweg="BOL", level=1)


def test_startkwalificatie_excludes_legal_16h_and_rmc(truant):
    assert fired(truant, birth_date=SIXTEEN, startkwalificatie=True) == {"unauthorized_10h"}
    assert fired(truant, birth_date=NINETEEN, startkwalificatie=True) == {
        "unauthorized_10h",
        "duo_contact",
    }


def test_rmc_ends_at_23_duo_does_not(truant):
    assert fired(truant, birth_date=date(2003, 2, 10)) == {"unauthorized_10h", "duo_contact"}


def test_seventeen_is_too_young_for_rmc_and_duo(truant):
    assert fired(truant, birth_date=date(2009, 2, 10)) == {
        "unauthorized_10h",
        "legal_16h",
        "lrv_4w",
    }


def test_luxe_follows_the_legal_16h_scope(truant):
    truant.luxe(date(2026, 10, 12))
    assert "luxe" in fired(truant, birth_date=SIXTEEN)
    assert "luxe" not in fired(truant, birth_date=NINETEEN)
    assert "luxe" not in fired(truant, birth_date=SIXTEEN, startkwalificatie=True)


def test_unknown_birth_date_only_rules_without_age_bounds(truant):
    truant.notice(date(2026, 9, 7))
    assert fired(truant, birth_date=None) == {"unauthorized_10h", "sick_long"}


def test_age_in_whole_years_with_29_february():
    born = date(2008, 2, 29)
    assert age_on(born, date(2026, 2, 28)) == 17
    assert age_on(born, date(2026, 3, 1)) == 18
    assert age_on(born, date(2028, 2, 28)) == 19
    assert age_on(born, date(2028, 2, 29)) == 20
    assert age_on(None, date(2026, 3, 1)) is None
    student = StudentFacts(1, born)
    assert in_scope(RULES["legal_16h"], student, date(2026, 2, 28))
    assert not in_scope(RULES["legal_16h"], student, date(2026, 3, 1))
    assert in_scope(RULES["rmc_4w"], student, date(2026, 3, 1))


def test_max_age_is_exclusive_min_age_inclusive():
    student = StudentFacts(1, date(2003, 9, 1))
    assert in_scope(RULES["rmc_4w"], student, date(2026, 8, 31))
    assert not in_scope(RULES["rmc_4w"], student, date(2026, 9, 1))
    student = StudentFacts(1, date(2008, 9, 1), level="2", leerweg="bol")
    assert not in_scope(RULES["duo_contact"], student, date(2026, 8, 31))
    assert in_scope(RULES["duo_contact"], student, date(2026, 9, 1))
