"""The platform under mbo_verzuim: finds Odoo and OpenEduCat, PostgreSQL, writes the Odoo
configuration, builds the template database. Used by tools/harness.py."""

import ast
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / ".build"
MODULE = "mbo_verzuim"
DEMO_DB = "mbo_verzuim_demo"
TEST_DB = "mbo_verzuim_test"
BENCH_DB = "mbo_verzuim_bench"
LARGE_DB = "mbo_verzuim_large"
DATA_DIR = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local/share") / MODULE
TEMPLATE_VERSION = "2"  # bump when the platform template must be rebuilt
DEMO_LOGINS = [
    ("Docent", "docent"),
    ("Frontoffice", "frontoffice"),
    ("SLB", "slb"),
    ("Verzuimcoördinator", "coordinator"),
    ("Management", "management"),
    ("Beheerder", "beheerder"),
    ("Ouder (portaal, kinderen onder 18)", "ouder"),
    ("Ouder (portaal, student 18+ gaf toestemming)", "ouder2"),
    ("Ouder (portaal, student 18+ gaf geen toestemming)", "ouder3"),
    ("Student 18+ (portaal)", "student"),
]
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): (?P<msg>.*)"
)
OWN_LOG = re.compile(r"mbo_verzuim|verzuim\.")


def say(msg):
    print(f"[mbo_verzuim] {msg}", flush=True)


def die(msg, code=2):
    print(f"mbo_verzuim: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


# --- the installation -----------------------------------------------------------------------


def addons_dirs():
    raw = os.environ.get("ODOO_ADDONS_PATH", "")
    return [Path(p).expanduser() for p in re.split(r"[,:]", raw) if p.strip()]


def manifest_version(path):
    data = ast.literal_eval(path.read_text(encoding="utf-8"))
    return str(data.get("version", ""))


def check_installation():
    """The module's platform: Odoo's own addons and OpenEduCat 18.0, both on ODOO_ADDONS_PATH."""
    dirs = addons_dirs()
    missing = [str(d) for d in dirs if not d.is_dir()]
    if missing:
        die(f"ODOO_ADDONS_PATH names folders that do not exist: {', '.join(missing)}")
    oec = [d for d in dirs if (d / "openeducat_attendance/__manifest__.py").is_file()]
    if not oec:
        die(
            "OpenEduCat 18.0 not found: no folder on ODOO_ADDONS_PATH holds openeducat_attendance."
            "\n  Get it from https://github.com/openeducat/openeducat_erp (branch 18.0) and add its"
            " folder to ODOO_ADDONS_PATH (see README.md, Prerequisites)."
        )
    version = manifest_version(oec[0] / "openeducat_attendance/__manifest__.py")
    if not version.startswith("18.0"):
        die(f"OpenEduCat 18.0 required, but {oec[0]} holds openeducat_attendance {version}.")
    if not any((d / "mail/__manifest__.py").is_file() for d in dirs):
        die(
            "Odoo's own addons (mail, web, ...) are not on ODOO_ADDONS_PATH: add the addons"
            " folder of your Odoo 18.0 source (see README.md, Prerequisites)."
        )
    return oec[0]


def ensure_python_requirements():
    marker = BUILD / "requirements.sha"
    files = [REPO / "requirements.txt", REPO / "requirements-dev.txt"]
    digest = hashlib.sha256(
        b"".join(f.read_bytes() for f in files) + sys.executable.encode()
    ).hexdigest()
    if marker.exists() and marker.read_text() == digest:
        return
    say("installing the module's Python requirements (requirements*.txt)")
    args = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    for f in files:
        args += ["-r", str(f)]
    subprocess.run(args, check=True)
    marker.write_text(digest)


SYSTEM_PACKAGES = {"chromium": "chromium", "wkhtmltopdf": "wkhtmltopdf"}


def ensure_system_packages():
    """Chromium (UI tours) and wkhtmltopdf (PDF letters), from Debian's packages."""
    missing = [pkg for binary, pkg in SYSTEM_PACKAGES.items() if not shutil.which(binary)]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        die(
            f"missing programs: {', '.join(missing)}; install them: "
            f"sudo apt-get install {' '.join(missing)}"
        )
    say(f"installing Debian packages: {', '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", *missing, "fonts-dejavu-core"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


# --- PostgreSQL -----------------------------------------------------------------------------


def pg_connect_params():
    """The PostgreSQL the PG* variables or the local socket point to, else a private cluster."""
    import psycopg2

    try:
        psycopg2.connect(dbname="postgres", connect_timeout=3).close()
        return {}
    except psycopg2.OperationalError as exc:
        say(f"no PostgreSQL answers on the default connection ({str(exc).strip()[:80]}...)")
    return start_private_cluster()


def start_private_cluster():
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not bins and not shutil.which("initdb"):
        die("no PostgreSQL answers and initdb is not installed (apt-get install postgresql).")
    bindir = bins[-1].parent if bins else Path(shutil.which("initdb")).parent
    pgdata = BUILD / "pg"
    sockdir = BUILD / "pgsock"
    port = "55432"
    run_as = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        run_as = ["runuser", "-u", "postgres", "--"]
    if not (pgdata / "PG_VERSION").exists():
        pgdata.mkdir(parents=True, exist_ok=True)
        sockdir.mkdir(parents=True, exist_ok=True)
        if run_as:
            shutil.chown(pgdata, "postgres")
            shutil.chown(sockdir, "postgres")
        say(f"creating a private PostgreSQL cluster in {pgdata}")
        subprocess.run(
            [*run_as, str(bindir / "initdb"), "-D", str(pgdata), "-A", "trust", "-U", "odoo"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    status = subprocess.run(
        [*run_as, str(bindir / "pg_ctl"), "-D", str(pgdata), "status"],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    if status.returncode != 0:
        say("starting the private PostgreSQL cluster")
        opts = f"-k {sockdir} -p {port} -c listen_addresses=''"
        subprocess.run(
            [
                *run_as,
                str(bindir / "pg_ctl"),
                "-D",
                str(pgdata),
                "-o",
                opts,
                "-w",
                "-l",
                str(pgdata / "server.log"),
                "start",
            ],
            check=True,
        )
    os.environ.update(PGHOST=str(sockdir), PGPORT=port, PGUSER="odoo")
    return {"db_host": str(sockdir), "db_port": port, "db_user": "odoo"}


# --- Odoo ---------------------------------------------------------------------------------


def addons_link_dir():
    """Odoo finds the module by its folder name, mbo_verzuim: a link to this clone, kept
    outside it (a link inside would let Odoo walk into itself)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / MODULE
    return cache / hashlib.sha256(str(REPO).encode()).hexdigest()[:12] / "addons"


def write_config(pg, http_port=8069):
    addons = addons_link_dir()
    addons.mkdir(parents=True, exist_ok=True)
    link = addons / MODULE
    if link.is_symlink() and link.resolve() != REPO:
        link.unlink()
    if not link.exists():
        link.symlink_to(REPO, target_is_directory=True)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = [str(d) for d in addons_dirs()] + [str(addons)]
    lines = [
        "[options]",
        f"addons_path = {','.join(path)}",
        f"data_dir = {DATA_DIR}",
        "http_interface = 127.0.0.1",
        f"http_port = {http_port}",
        "admin_passwd = admin",
        "list_db = False",
        "without_demo = False",
        "max_cron_threads = 1",
    ]
    lines += [f"{k} = {v}" for k, v in pg.items()]
    conf = BUILD / "odoo.conf"
    conf.write_text("\n".join(lines) + "\n")
    return conf


def odoo_cmd(conf, *args):
    return [sys.executable, "-m", "odoo", "-c", str(conf), *args]


def odoo_env():
    env = dict(os.environ, TZ="UTC", PYTHONUNBUFFERED="1")
    return env


def run_odoo_logged(conf, args, log_path, title):
    """Runs Odoo, teeing its log to log_path; returns the problems it logged."""
    say(title)
    started = time.monotonic()
    problems = []
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            odoo_cmd(conf, *args),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=odoo_env(),
            text=True,
            cwd=str(BUILD),
        )
        for line in proc.stdout:
            log.write(line)
            problem = classify(line)
            if problem:
                problems.append(line.rstrip())
                print(line, end="", flush=True)
        rc = proc.wait()
    say(f"{title}: done in {time.monotonic() - started:.0f} s (log: {log_path})")
    if rc != 0:
        problems.append(f"Odoo exited with status {rc}")
    return problems


def classify(line):
    match = LOG_LINE.match(line)
    if not match:
        return line.startswith("Traceback")
    level, logger, msg = match["level"], match["logger"], match["msg"]
    if level in ("ERROR", "CRITICAL"):
        return True
    return level == "WARNING" and bool(OWN_LOG.search(logger) or OWN_LOG.search(msg))


def db_exists(name):
    out = subprocess.run(
        ["psql", "-XAtqd", "postgres", "-c", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip() == "1"


def module_digest():
    digest = hashlib.sha256()
    for path in sorted(REPO.rglob("*")):
        rel = path.relative_to(REPO)
        if rel.parts[0] in (".build", ".git", "tools", "docs") or "__pycache__" in rel.parts:
            continue
        if path.is_file() and path.suffix in (".py", ".xml", ".csv", ".po", ".js", ".scss"):
            digest.update(str(rel).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def base_template(conf, oec_dir):
    """A database with the platform (OpenEduCat attendance and parents, portal, mail)
    installed, reused across runs."""
    key = hashlib.sha256(
        "|".join(
            [
                os.environ.get("ODOO_ADDONS_PATH", ""),
                sys.executable,
                manifest_version(oec_dir / "openeducat_attendance/__manifest__.py"),
                TEMPLATE_VERSION,
            ]
        ).encode()
    ).hexdigest()[:10]
    name = f"mbo_verzuim_base_{key}"
    if not db_exists(name):
        problems = run_odoo_logged(
            conf,
            [
                "-d",
                name,
                "-i",
                "openeducat_attendance,openeducat_parent,portal,mail",
                "--stop-after-init",
                "--load-language=nl_NL",
                "--log-level=warn",
            ],
            BUILD / "base_install.log",
            f"building the platform template {name}",
        )
        if any("Odoo exited" in p for p in problems):
            subprocess.run(["dropdb", "--if-exists", name], check=False)
            die("installing OpenEduCat into the template failed: see .build/base_install.log")
    return name


# --- commands -----------------------------------------------------------------------------


def prepare(http_port=8069):
    BUILD.mkdir(exist_ok=True)
    oec_dir = check_installation()
    ensure_python_requirements()
    ensure_system_packages()
    pg = pg_connect_params()
    conf = write_config(pg, http_port)
    return conf, oec_dir
