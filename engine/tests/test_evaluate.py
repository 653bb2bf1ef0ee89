"""evaluate(): the rules together, determinism, the as_of cut-off, the data classes."""

import random
from dataclasses import replace
from datetime import date
from datetime import datetime

import pytest
from verzuim_builders import NINETEEN
from verzuim_builders import periods

from engine import DEFAULT_RULES
from engine import DEFAULT_RULES_BY_CODE
from engine import PRESENT
from engine import REASON
from engine import STREAK
from engine import UNAUTHORIZED
from engine import WINDOW
from engine import Registration
from engine import RuleParams
from engine import SickPeriod
from engine import StudentFacts
from engine import clock_hours
from engine import evaluate


@pytest.fixture
def busy(timeline):
    """A student with something for every rule: truancy, a long and frequent sickness."""
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 11, 13))
    for week in range(5):
        start = date(2026, 11, 16 + week)
        tl.notice(start, start)
    tl.notice(date(2026, 12, 1))
    tl.luxe(date(2026, 12, 7), date(2026, 12, 8))
    return tl


def test_default_rules_and_their_values():
    assert [r.code for r in DEFAULT_RULES] == [
        "unauthorized_10h",
        "sick_long",
        "sick_frequent",
        "legal_16h",
        "lrv_4w",
        "luxe",
        "rmc_4w",
        "duo_contact",
        "duo_ma",
    ]
    rules = DEFAULT_RULES_BY_CODE
    assert rules["unauthorized_10h"].threshold_hours == 10
    assert rules["unauthorized_10h"].repeat_spacing_days == 28
    assert rules["unauthorized_10h"].count_late_minutes
    assert rules["legal_16h"].threshold_hours == 16
    assert rules["legal_16h"].max_age == 18 and rules["legal_16h"].without_startkwalificatie
    assert rules["legal_16h"].repeat_spacing_days == 7
    assert not rules["legal_16h"].count_late_minutes
    for code in ("lrv_4w", "luxe"):  # the legal_16h scope
        assert (rules[code].min_age, rules[code].max_age) == (None, 18)
        assert rules[code].without_startkwalificatie
    assert (rules["lrv_4w"].kind, rules["lrv_4w"].streak_lesweken) == (STREAK, 4)
    assert rules["lrv_4w"].pauses == "legal_16h"
    assert (rules["luxe"].kind, rules["luxe"].reason_code) == (REASON, "luxe")
    assert (rules["rmc_4w"].min_age, rules["rmc_4w"].max_age) == (18, 23)
    assert rules["duo_contact"].deadline_working_days == 3
    assert rules["duo_ma"].streak_lesweken == 8 and rules["duo_ma"].levels == {"1", "2"}
    assert (rules["sick_long"].sick_days, rules["sick_frequent"].sick_count) == (14, 5)
    assert rules["sick_frequent"].window_lesweken == 12
    assert all(r.active for r in DEFAULT_RULES)


def test_every_rule_fires_sorted_by_rule_and_start(busy):
    found = busy.signals(date(2026, 12, 31), birth_date=NINETEEN)
    keys = [(s.rule_code, s.date_start) for s in found]
    assert keys == sorted(keys)
    assert {s.rule_code for s in found} == {
        "unauthorized_10h",
        "sick_long",
        "sick_frequent",
        "rmc_4w",
        "duo_contact",
        "duo_ma",
    }


def test_all_nine_rules_fire_for_a_student_of_16_and_one_of_19(busy):
    young = {s.rule_code for s in busy.signals(date(2026, 12, 31))}
    old = {s.rule_code for s in busy.signals(date(2026, 12, 31), birth_date=NINETEEN)}
    common = {"unauthorized_10h", "sick_long", "sick_frequent"}
    assert young == common | {"legal_16h", "lrv_4w", "luxe"}
    assert old == common | {"rmc_4w", "duo_contact", "duo_ma"}
    assert young | old == {r.code for r in DEFAULT_RULES}


def test_pausing_rules_run_first_whatever_their_order(busy, calendar):
    facts = busy.facts()
    expected = evaluate(facts, DEFAULT_RULES, calendar, date(2026, 12, 31))
    legal_first = sorted(DEFAULT_RULES, key=lambda rule: rule.code != "legal_16h")
    assert evaluate(facts, legal_first, calendar, date(2026, 12, 31)) == expected
    legal = [s for s in expected if s.rule_code == "legal_16h"]
    [lrv] = [s for s in expected if s.rule_code == "lrv_4w"]
    assert legal and all(s.date_start <= lrv.date_end for s in legal)


def test_evaluating_twice_gives_the_same_signals(busy, calendar):
    facts = busy.facts(birth_date=NINETEEN)
    assert evaluate(facts, DEFAULT_RULES, calendar, date(2026, 12, 31)) == evaluate(
        facts, DEFAULT_RULES, calendar, date(2026, 12, 31)
    )


def test_the_order_of_the_input_does_not_matter(busy, calendar):
    facts = busy.facts()
    shuffled = list(facts.registrations)
    random.Random(4).shuffle(shuffled)
    mixed = replace(facts, registrations=shuffled, sick_periods=facts.sick_periods[::-1])
    expected = evaluate(facts, DEFAULT_RULES, calendar, date(2026, 12, 31))
    assert evaluate(mixed, list(DEFAULT_RULES)[::-1], calendar, date(2026, 12, 31)) == expected


def test_nothing_after_as_of_is_used(busy, calendar):
    as_of = date(2026, 10, 14)
    before = evaluate(busy.facts(), DEFAULT_RULES, calendar, as_of)
    assert all(s.date_end <= as_of for s in before)
    busy.present(date(2026, 10, 15), date(2026, 10, 16))  # after as_of: ignored
    busy.notice(date(2026, 10, 15))
    assert evaluate(busy.facts(), DEFAULT_RULES, calendar, as_of) == before
    cut = replace(
        busy.facts(),
        registrations=[r for r in busy.registrations if r.day <= as_of],
        sick_periods=[p for p in busy.sick_periods if p.start <= as_of],
    )
    assert evaluate(cut, DEFAULT_RULES, calendar, as_of) == before


def test_a_later_as_of_keeps_the_earlier_signals(busy, calendar):
    facts = busy.facts(birth_date=NINETEEN)
    early = evaluate(facts, DEFAULT_RULES, calendar, date(2026, 10, 14))
    late = evaluate(facts, DEFAULT_RULES, calendar, date(2026, 12, 31))
    assert set(early) <= set(late)


def test_inactive_rules_do_not_fire(busy):
    rules = [replace(r, active=r.code != "unauthorized_10h") for r in DEFAULT_RULES]
    found = busy.signals(date(2026, 12, 31), rules=rules)
    assert found and "unauthorized_10h" not in {s.rule_code for s in found}


def test_thresholds_and_scope_come_from_the_rule_record(timeline):
    tl = timeline()
    tl.absent(date(2026, 9, 7), date(2026, 9, 11), UNAUTHORIZED, UNAUTHORIZED)
    regional = RuleParams(
        code="regional_8h",
        kind=WINDOW,
        threshold_hours=8.5,
        window_lesweken=2,
        min_age=18,
        max_age=23,
    )
    assert tl.signals(date(2026, 9, 30), rules=[regional]) == []  # 16 years old
    [signal] = tl.signals(date(2026, 9, 30), rules=[regional], birth_date=NINETEEN)
    assert (signal.date_end, signal.hours) == (date(2026, 9, 11), 10.0)
    one_lesweek = RuleParams(code="one_lesweek", kind=STREAK, streak_lesweken=1)
    # One lesweek from Monday 7 September ends on its last school day, Friday 11 September.
    assert periods(tl.signals(date(2026, 9, 30), rules=[one_lesweek])) == [
        (date(2026, 9, 7), date(2026, 9, 11))
    ]


def test_aggregated_registrations_count_as_their_lessons(calendar):
    day_rows = []
    for number, day in enumerate([date(2026, 9, 7), date(2026, 9, 8), date(2026, 9, 9)]):
        ids = tuple(range(10 * number, 10 * number + 4))
        day_rows.append(
            Registration(ids, day, datetime(2026, 9, day.day, 12), 240, UNAUTHORIZED, False)
        )
    day_rows.append(
        Registration((99,), date(2026, 9, 9), datetime(2026, 9, 9, 8), 60, PRESENT, True)
    )
    facts = StudentFacts(7, NINETEEN, registrations=day_rows)
    [signal] = evaluate(
        facts, [DEFAULT_RULES_BY_CODE["unauthorized_10h"]], calendar, date(2026, 9, 30)
    )
    assert signal.line_ids == (0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23)
    assert (signal.hours, signal.count) == (12.0, 3)


def test_deadline_counts_working_days_over_a_holiday(timeline):
    tl = timeline()
    tl.absent(date(2026, 12, 15), date(2026, 12, 18))
    [signal] = tl.signals(date(2027, 1, 31), "unauthorized_10h")
    # Reached on Thursday 17 December; the vacation days are working days.
    assert (signal.date_end, signal.deadline) == (date(2026, 12, 17), date(2026, 12, 24))
    [signal] = tl.signals(date(2027, 1, 31), "legal_16h")
    # Reached on Friday 18 December; Christmas Day (Friday 25th) is no working day.
    assert (signal.date_end, signal.deadline) == (date(2026, 12, 18), date(2026, 12, 28))


def test_clock_hours_round_to_two_decimals():
    assert [clock_hours(m) for m in (0, 1, 50, 959, 960, 990)] == [0, 0.02, 0.83, 15.98, 16, 16.5]


def test_invalid_data_is_refused():
    with pytest.raises(ValueError, match="unknown category"):
        Registration((1,), date(2026, 9, 7), 1, 60, "absent", False)
    with pytest.raises(ValueError, match="negative"):
        Registration((1,), date(2026, 9, 7), 1, -5, UNAUTHORIZED, False)
    with pytest.raises(ValueError, match="ends before"):
        SickPeriod(1, date(2026, 9, 7), date(2026, 9, 6))
    with pytest.raises(ValueError, match="unknown kind"):
        RuleParams(code="x", kind="monthly")
    with pytest.raises(ValueError, match="threshold_hours"):
        RuleParams(code="x", kind=WINDOW, window_lesweken=4)
    with pytest.raises(ValueError, match="streak_lesweken"):
        RuleParams(code="x", kind=STREAK)
    with pytest.raises(ValueError, match="reason_code"):
        RuleParams(code="x", kind=REASON)


def test_data_classes_accept_lists_and_are_hashable():
    registration = Registration([1, 2], date(2026, 9, 7), 1, 60, UNAUTHORIZED, False)
    facts = StudentFacts(1, registrations=[registration], level=2)
    rule = RuleParams(code="x", kind=STREAK, streak_lesweken=4, levels=["1", 2])
    assert registration.line_ids == (1, 2) and facts.registrations == (registration,)
    assert facts.level == "2" and rule.levels == frozenset({"1", "2"})
    assert len({facts, facts}) == 1 and len({rule, rule}) == 1
