"""luxe: an absence with reason Luxe verzuim, one signal per run of luxe days (domain.md §7)."""

from datetime import date

import pytest
from verzuim_builders import NINETEEN
from verzuim_builders import SIXTEEN
from verzuim_builders import days
from verzuim_builders import periods

from engine import DEFAULT_RULES_BY_CODE
from engine import PRESENT
from engine import REASON
from engine import UNAUTHORIZED
from engine import Registration
from engine import RuleParams
from engine import StudentFacts
from engine import evaluate
from engine import reason_signals


def luxe(tl, as_of, **student):
    return tl.signals(as_of, "luxe", **student)


def test_a_luxe_absence_raises_a_signal_for_its_run(timeline):
    tl = timeline()
    tl.luxe(date(2026, 10, 1), date(2026, 10, 9))  # Thursday to Friday a week later
    [signal] = luxe(tl, date(2026, 10, 31))
    assert (signal.date_start, signal.date_end) == (date(2026, 10, 1), date(2026, 10, 9))
    # Five working days after the first day: 2, 5, 6, 7, 8 October.
    assert signal.deadline == date(2026, 10, 8)
    assert (signal.hours, signal.count, len(signal.line_ids)) == (28.0, 7, 28)
    assert signal.note == "absence with reason luxe from 2026-10-01 to 2026-10-09"
    rule = DEFAULT_RULES_BY_CODE["luxe"]
    assert (rule.kind, rule.reason_code, rule.max_age, rule.deadline_working_days) == (
        REASON,
        "luxe",
        18,
        5,
    )


def test_the_signal_grows_with_its_run_and_keeps_start_and_deadline(timeline):
    tl = timeline()
    tl.luxe(date(2026, 10, 1), date(2026, 10, 9))
    assert luxe(tl, date(2026, 9, 30)) == []
    ends, hours = [], []
    for as_of in days(date(2026, 10, 1), date(2026, 10, 12)):
        [signal] = luxe(tl, as_of)
        assert (signal.date_start, signal.deadline) == (date(2026, 10, 1), date(2026, 10, 8))
        ends.append(signal.date_end.day)
        hours.append(signal.hours)
    # The end is the last luxe day known: it grows over the weekend's Friday to the 9th.
    assert ends == [1, 2, 2, 2, 5, 6, 7, 8, 9, 9, 9, 9]
    assert hours == [4.0, 8.0, 8.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 28.0, 28.0, 28.0]


def test_a_school_day_without_a_luxe_absence_breaks_the_run(timeline):
    tl = timeline()
    tl.luxe(date(2026, 10, 1), date(2026, 10, 2))
    tl.present(date(2026, 10, 5))
    tl.luxe(date(2026, 10, 6), date(2026, 10, 7))
    tl.day(date(2026, 10, 8))  # unauthorized, reason unknown: not luxe
    tl.luxe(date(2026, 10, 9))
    # Nothing registered on Monday 12 October, a school day without lessons: it breaks too.
    tl.luxe(date(2026, 10, 13))
    found = luxe(tl, date(2026, 10, 31))
    assert periods(found) == [
        (date(2026, 10, 1), date(2026, 10, 2)),
        (date(2026, 10, 6), date(2026, 10, 7)),
        (date(2026, 10, 9), date(2026, 10, 9)),
        (date(2026, 10, 13), date(2026, 10, 13)),
    ]
    assert [s.deadline for s in found] == [
        date(2026, 10, 8),
        date(2026, 10, 13),
        date(2026, 10, 16),
        date(2026, 10, 20),
    ]


def test_weekends_vacations_and_public_holidays_do_not_break_the_run(timeline):
    tl = timeline()
    # Thursday 15 and Friday 16 October, the autumn vacation (17-25), then 26-27 October.
    tl.luxe(date(2026, 10, 15), date(2026, 10, 27))
    # Monday 26 April 2027, King's Day (Tuesday 27), Wednesday 28 April.
    tl.luxe(date(2027, 4, 26), date(2027, 4, 28))
    found = luxe(tl, date(2027, 6, 30))
    assert periods(found) == [
        (date(2026, 10, 15), date(2026, 10, 27)),
        (date(2027, 4, 26), date(2027, 4, 28)),
    ]
    # Vacation days are working days for the deadline: 16, 19, 20, 21, 22 October.
    assert found[0].deadline == date(2026, 10, 22)
    assert found[0].count == 4


def test_a_day_with_a_luxe_absence_and_other_lessons_continues_the_run(timeline):
    tl = timeline()
    tl.luxe(date(2026, 10, 5))
    tl.day(date(2026, 10, 6), PRESENT, PRESENT)
    tl.lesson(date(2026, 10, 6), hour=13, reason="luxe")  # gone in the afternoon
    tl.luxe(date(2026, 10, 7))
    [signal] = luxe(tl, date(2026, 10, 31))
    assert (signal.date_start, signal.date_end, signal.hours) == (
        date(2026, 10, 5),
        date(2026, 10, 7),
        9.0,
    )


def test_a_late_arrival_with_reason_luxe_is_no_luxe_absence(timeline):
    tl = timeline()
    late = tl.late(date(2026, 10, 5), 30)
    tl.registrations[-1] = Registration(
        late.line_ids, late.day, late.order, 30, UNAUTHORIZED, True, reason="luxe"
    )
    assert luxe(tl, date(2026, 10, 31)) == []


@pytest.mark.parametrize(
    ("student", "fires"),
    [
        ({"birth_date": SIXTEEN}, True),
        ({"birth_date": NINETEEN}, False),
        ({"birth_date": SIXTEEN, "startkwalificatie": True}, False),
        ({"birth_date": None}, False),
        # Scope on the first day: 17 on 1 October, 18 on the 5th; the run goes on to the 9th.
        ({"birth_date": date(2008, 10, 5)}, True),
        ({"birth_date": date(2008, 10, 1)}, False),
    ],
)
def test_only_students_in_the_leerplicht_scope(timeline, student, fires):
    tl = timeline()
    tl.luxe(date(2026, 10, 1), date(2026, 10, 9))
    found = luxe(tl, date(2026, 10, 31), **student)
    assert periods(found) == ([(date(2026, 10, 1), date(2026, 10, 9))] if fires else [])


def test_luxe_absence_is_unauthorized_absence_for_the_other_rules(timeline):
    tl = timeline()
    tl.luxe(date(2026, 10, 5), date(2026, 10, 8))
    found = tl.signals(date(2026, 10, 31))
    assert {s.rule_code for s in found} == {"luxe", "unauthorized_10h", "legal_16h"}


def test_a_reason_rule_for_another_reason(calendar):
    truancy = RuleParams(code="truancy", kind=REASON, reason_code="spijbelen")
    day = date(2026, 10, 5)
    registrations = [
        Registration((1,), day, 1, 60, UNAUTHORIZED, False, reason="spijbelen"),
        Registration((2,), day, 2, 60, UNAUTHORIZED, False, reason="luxe"),
    ]
    facts = StudentFacts(1, NINETEEN, registrations=registrations)
    [signal] = reason_signals(facts, truancy, calendar, date(2026, 10, 31))
    assert (signal.line_ids, signal.hours, signal.deadline) == ((1,), 1.0, date(2026, 10, 12))
    assert evaluate(facts, [truancy], calendar, date(2026, 10, 4)) == []
    with pytest.raises(ValueError, match="reason_code"):
        RuleParams(code="x", kind=REASON)
