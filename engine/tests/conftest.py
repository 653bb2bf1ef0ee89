"""Pure tests of the rule engine: no Odoo, no database.

The repository root goes on sys.path so that ``import engine`` works as a top-level package, and
this folder so that the test modules share ``verzuim_builders``.
"""

import os
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for path in (HERE.parent.parent, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

# Hypothesis keeps its cache outside the repository (its database is off: see test_properties).
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "mbo_verzuim_hypothesis")
)

from verzuim_builders import Timeline  # noqa: E402
from verzuim_builders import school_calendar  # noqa: E402


@pytest.fixture
def calendar():
    """The school year 2026-27: autumn and Christmas vacations, Dutch public holidays."""
    return school_calendar()


@pytest.fixture
def timeline(calendar):
    """A factory of timelines (one student's registrations); the school calendar by default."""

    def make(on_calendar=None):
        return Timeline(on_calendar or calendar)

    return make
