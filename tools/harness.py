"""Runs mbo_verzuim against an existing Odoo 18.0 + OpenEduCat 18.0 installation.

Started by tools/odoo-env.sh inside the Odoo Python (``sys.executable``). Commands:
``run`` (demo database, server on 127.0.0.1:8069), ``test`` (lint, then ``check``: a fresh
install and pytest-odoo over the Odoo and pure tests), ``lint``, ``check``, ``bench``, ``pot``.
"""

import os
import subprocess
import sys
import time

from odoo_setup import BENCH_DB
from odoo_setup import BUILD
from odoo_setup import DATA_DIR
from odoo_setup import DEMO_DB
from odoo_setup import DEMO_LOGINS
from odoo_setup import LARGE_DB
from odoo_setup import MODULE
from odoo_setup import REPO
from odoo_setup import TEST_DB
from odoo_setup import addons_link_dir
from odoo_setup import base_template
from odoo_setup import check_installation
from odoo_setup import db_exists
from odoo_setup import die
from odoo_setup import ensure_python_requirements
from odoo_setup import module_digest
from odoo_setup import odoo_cmd
from odoo_setup import odoo_env
from odoo_setup import prepare
from odoo_setup import run_odoo_logged
from odoo_setup import say


def cmd_run():
    conf, _oec = prepare()
    digest = module_digest()
    marker = DATA_DIR / f"{DEMO_DB}.sha"
    if not db_exists(DEMO_DB):
        problems = run_odoo_logged(
            conf,
            ["-d", DEMO_DB, "-i", MODULE, "--stop-after-init", "--load-language=nl_NL"],
            BUILD / "run_install.log",
            f"creating {DEMO_DB} with the demo school",
        )
        if any("Odoo exited" in p for p in problems):
            die("installing the module failed: see .build/run_install.log")
        marker.write_text(digest)
    elif not marker.exists() or marker.read_text() != digest:
        run_odoo_logged(
            conf,
            ["-d", DEMO_DB, "-u", MODULE, "--stop-after-init"],
            BUILD / "run_update.log",
            f"updating {MODULE} in {DEMO_DB}",
        )
        marker.write_text(digest)
    say("Odoo serves the demo school at http://127.0.0.1:8069/web/login")
    say("demo logins (password = login):")
    for role, login in DEMO_LOGINS:
        say(f"  {role:<20} {login}")
    say("stop with Ctrl-C")
    os.execvpe(
        sys.executable, odoo_cmd(conf, "-d", DEMO_DB, f"--db-filter=^{DEMO_DB}$"), odoo_env()
    )


def cmd_lint():
    # The linters are dev requirements: on a fresh virtualenv they are installed first.
    BUILD.mkdir(exist_ok=True)
    ensure_python_requirements()
    say("lint: ruff, ruff format, pylint-odoo, XML")
    failures = []
    for args in (["ruff", "check", "."], ["ruff", "format", "--check", "."]):
        if subprocess.run([sys.executable, "-m", *args], cwd=REPO, check=False).returncode:
            failures.append(" ".join(args))
    py_files = [
        str(p.relative_to(REPO))
        for p in REPO.rglob("*.py")
        if not p.relative_to(REPO).parts[0].startswith(".")
        and p.relative_to(REPO).parts[0] != "tools"
    ]
    pylint = subprocess.run(
        [sys.executable, "-m", "pylint", "--rcfile", ".pylintrc", *py_files],
        cwd=REPO,
        check=False,
    )
    if pylint.returncode:
        failures.append("pylint-odoo")
    from lxml import etree

    for xml in REPO.rglob("*.xml"):
        if xml.relative_to(REPO).parts[0].startswith("."):
            continue
        try:
            etree.parse(str(xml))
        except etree.XMLSyntaxError as exc:
            print(f"{xml.relative_to(REPO)}: {exc}")
            failures.append(f"xml {xml.name}")
    if failures:
        die(f"lint failed: {', '.join(failures)}", code=1)
    say("lint: clean")


def cmd_test():
    check_installation()
    cmd_lint()
    cmd_check()


def cmd_check():
    """Install into a fresh database and run every test (make test without the linters)."""
    started = time.monotonic()
    conf, oec_dir = prepare(http_port=8169)
    template = base_template(conf, oec_dir)
    subprocess.run(
        [sys.executable, "-m", "odoo", "db", "-c", str(conf), "duplicate", "-f", template, TEST_DB],
        check=True,
        env=odoo_env(),
        cwd=str(BUILD),
    )
    problems = run_odoo_logged(
        conf,
        ["-d", TEST_DB, "-i", MODULE, "--stop-after-init"],
        BUILD / "test_install.log",
        f"installing {MODULE} into {TEST_DB}",
    )
    if problems:
        die(f"installing {MODULE} logged {len(problems)} problem(s): see above", code=1)
    say(f"set-up took {time.monotonic() - started:.0f} s; pytest's closing line ends the run")
    say("running the tests (pytest-odoo and the pure engine tests)")
    tests = [str(addons_link_dir() / MODULE / "tests")]
    engine_tests = REPO / "engine" / "tests"
    if engine_tests.is_dir():
        tests.append(str(addons_link_dir() / MODULE / "engine" / "tests"))
    rc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "pytest_log_guard",
            f"--odoo-database={TEST_DB}",
            f"--odoo-config={conf}",
            "--odoo-http",
            "-q",
            *tests,
        ],
        cwd=REPO,
        env=dict(odoo_env(), PYTHONPATH=str(REPO / "tools")),
        check=False,
    ).returncode
    sys.exit(rc)


def without_demo(conf, oec_dir, name, log_name):
    """A fresh database ``name`` from the platform template with the module, no demo."""
    template = base_template(conf, oec_dir)
    copy = subprocess.run(
        [*odoo_cmd(conf)[:3], "db", "-c", str(conf), "duplicate", "-f", template, name],
        check=False,
        env=odoo_env(),
        cwd=str(BUILD),
        capture_output=True,
        text=True,
    )
    if copy.returncode:
        print(copy.stdout + copy.stderr)
        die(f"copying {template} to {name} failed", code=1)
    problems = run_odoo_logged(
        conf,
        ["-d", name, "-i", MODULE, "--stop-after-init", "--without-demo=all"],
        BUILD / log_name,
        f"installing {MODULE} into {name}",
    )
    if problems:
        die(f"installing {MODULE} logged {len(problems)} problem(s): see above", code=1)


def run_tool(conf, script, db):
    subprocess.run(
        [sys.executable, str(REPO / "tools" / script), str(conf), db],
        check=True,
        env=odoo_env(),
        cwd=str(BUILD),
    )


def cmd_bench():
    """A fresh database with the module, then tools/bench.py in it."""
    conf, oec_dir = prepare(http_port=8169)
    without_demo(conf, oec_dir, BENCH_DB, "bench_install.log")
    run_tool(conf, "bench.py", BENCH_DB)


def cmd_demo_large():
    """A database with the module (no demo) and a large generated school, kept to try the
    screens at size: STUDENTS, WEEKS, LESSONS and SEED from the environment."""
    conf, oec_dir = prepare()
    subprocess.run(["dropdb", "--if-exists", LARGE_DB], check=True)
    without_demo(conf, oec_dir, LARGE_DB, "large_install.log")
    run_tool(conf, "large_school.py", LARGE_DB)
    say(f"{LARGE_DB} is ready; serve it with:")
    print(f"  {' '.join(odoo_cmd(conf, '-d', LARGE_DB, f'--db-filter=^{LARGE_DB}$'))}")


def cmd_pot():
    """Export i18n/mbo_verzuim.pot from the test database (make check first), without the
    demo school's names; rebuild i18n/nl.po on it, keeping every translation by msgid, and
    list what is still to translate."""
    import polib

    conf, _oec = prepare(http_port=8169)
    if not db_exists(TEST_DB):
        die(f"{TEST_DB} does not exist: run make check first")
    pot_path = REPO / "i18n" / f"{MODULE}.pot"
    subprocess.run(
        odoo_cmd(
            conf,
            "-d",
            TEST_DB,
            f"--i18n-export={pot_path}",
            f"--modules={MODULE}",
            "--log-level=warn",
        ),
        check=True,
        env=odoo_env(),
        cwd=str(BUILD),
    )
    pot = polib.pofile(str(pot_path))
    for entry in list(pot):
        entry.occurrences = [o for o in entry.occurrences if not o[0].endswith("_demo")]
        if not entry.occurrences:
            pot.remove(entry)
    pot.save(str(pot_path))
    po_path = REPO / "i18n" / "nl.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {entry.msgid: entry.msgstr for entry in old if entry.msgstr}
    merged = polib.POFile()
    merged.metadata = old.metadata or pot.metadata
    for entry in pot:
        entry.msgstr = known.get(entry.msgid, "")
        merged.append(entry)
    merged.save(str(po_path))
    todo = [entry.msgid for entry in merged if not entry.msgstr]
    say(f"{pot_path.name}: {len(pot)} msgids; nl.po follows it, {len(todo)} still to translate")
    for msgid in todo:
        print("  " + msgid.replace("\n", " ")[:110])


COMMANDS = {
    "pot": cmd_pot,
    "run": cmd_run,
    "test": cmd_test,
    "check": cmd_check,
    "lint": cmd_lint,
    "bench": cmd_bench,
    "demo-large": cmd_demo_large,
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        die(f"usage: harness.py {{{'|'.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()
