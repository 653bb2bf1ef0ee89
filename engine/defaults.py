"""The seven rules of domain.md §7 with their default settings."""

from .facts import SICK_FREQUENT
from .facts import SICK_LONG
from .facts import STREAK
from .facts import WINDOW
from .facts import RuleParams

DUO_LEVELS = frozenset({"1", "2"})

DEFAULT_RULES = (
    RuleParams(code="unauthorized_10h", kind=WINDOW, threshold_hours=10, window_lesweken=4),
    RuleParams(code="sick_long", kind=SICK_LONG, sick_days=14),
    RuleParams(code="sick_frequent", kind=SICK_FREQUENT, sick_count=5, window_lesweken=12),
    RuleParams(
        code="legal_16h",
        kind=WINDOW,
        threshold_hours=16,
        window_lesweken=4,
        max_age=18,
        without_startkwalificatie=True,
        repeat_spacing_days=7,
        lrv_after_repeats=4,
    ),
    RuleParams(
        code="rmc_4w",
        kind=STREAK,
        streak_lesweken=4,
        min_age=18,
        max_age=23,
        without_startkwalificatie=True,
    ),
    RuleParams(
        code="duo_contact",
        kind=STREAK,
        streak_lesweken=4,
        deadline_working_days=3,
        min_age=18,
        leerweg="bol",
        full_time_only=True,
        levels=DUO_LEVELS,
    ),
    RuleParams(
        code="duo_ma",
        kind=STREAK,
        streak_lesweken=8,
        min_age=18,
        leerweg="bol",
        full_time_only=True,
        levels=DUO_LEVELS,
    ),
)
DEFAULT_RULES_BY_CODE = {rule.code: rule for rule in DEFAULT_RULES}
