"""The nine rules of domain.md §7 with their default settings."""

from .facts import REASON
from .facts import SICK_FREQUENT
from .facts import SICK_LONG
from .facts import STREAK
from .facts import WINDOW
from .facts import RuleParams

DUO_LEVELS = frozenset({"1", "2"})
# The leerplicht scope: under 18 without a startkwalificatie (legal_16h, LRV, luxe).
LEERPLICHT_SCOPE = {"max_age": 18, "without_startkwalificatie": True}
DUO_SCOPE = {"min_age": 18, "leerweg": "bol", "full_time_only": True, "levels": DUO_LEVELS}

DEFAULT_RULES = (
    RuleParams(
        code="unauthorized_10h",
        kind=WINDOW,
        threshold_hours=10,
        window_lesweken=4,
        repeat_spacing_days=28,
    ),
    RuleParams(code="sick_long", kind=SICK_LONG, sick_days=14),
    RuleParams(code="sick_frequent", kind=SICK_FREQUENT, sick_count=5, window_lesweken=12),
    RuleParams(
        code="legal_16h",
        kind=WINDOW,
        threshold_hours=16,
        window_lesweken=4,
        repeat_spacing_days=7,
        count_late_minutes=False,
        **LEERPLICHT_SCOPE,
    ),
    RuleParams(
        code="lrv_4w", kind=STREAK, streak_lesweken=4, pauses="legal_16h", **LEERPLICHT_SCOPE
    ),
    RuleParams(code="luxe", kind=REASON, reason_code="luxe", **LEERPLICHT_SCOPE),
    RuleParams(
        code="rmc_4w",
        kind=STREAK,
        streak_lesweken=4,
        min_age=18,
        max_age=23,
        without_startkwalificatie=True,
    ),
    RuleParams(
        code="duo_contact", kind=STREAK, streak_lesweken=4, deadline_working_days=3, **DUO_SCOPE
    ),
    RuleParams(code="duo_ma", kind=STREAK, streak_lesweken=8, **DUO_SCOPE),
)
DEFAULT_RULES_BY_CODE = {rule.code: rule for rule in DEFAULT_RULES}
