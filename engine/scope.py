"""Which students a rule applies to on a given day (domain.md §7, "who")."""

from datetime import date

from .facts import RuleParams
from .facts import StudentFacts
from .obligation import age_on


def in_scope(rule: RuleParams, facts: StudentFacts, day: date) -> bool:
    """Whether ``rule`` applies to the student on ``day``.

    Age is taken in whole years on ``day``; a student without a birth date is outside every rule
    that has an age bound and inside every rule that has none.
    """
    if rule.min_age is not None or rule.max_age is not None:
        age = age_on(facts.birth_date, day)
        if age is None:
            return False
        if rule.min_age is not None and age < rule.min_age:
            return False
        if rule.max_age is not None and age >= rule.max_age:
            return False
    if rule.without_startkwalificatie and facts.startkwalificatie:
        return False
    if rule.leerweg and (facts.leerweg or "").lower() != rule.leerweg.lower():
        return False
    if rule.full_time_only and not facts.full_time:
        return False
    return rule.levels is None or facts.level in rule.levels
