"""pytest plugin: a WARNING or worse logged by mbo_verzuim (or any ERROR) fails the run.

As OCA's CI does: a test that passes while the module logs a problem has not passed.
"""

import logging

import pytest

_records = []


class _Guard(logging.Handler):
    def emit(self, record):
        own = record.name.startswith("odoo.addons.mbo_verzuim")
        if record.levelno >= logging.ERROR or (own and record.levelno >= logging.WARNING):
            _records.append(f"{record.levelname} {record.name}: {record.getMessage()}")


def pytest_configure(config):
    logging.getLogger().addHandler(_Guard(level=logging.WARNING))


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if _records:
        print("\nmbo_verzuim: problems logged during the tests:")
        for line in _records:
            print("  " + line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
