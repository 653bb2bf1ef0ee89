#!/usr/bin/env bash
# Finds the Odoo 18.0 installation (ODOO_PYTHON, ODOO_ADDONS_PATH) from the
# environment or from the per-user config file, then hands over to
# tools/harness.py running inside that Odoo's Python.
#
# Config file: $MBO_VERZUIM_CONFIG, else ${XDG_CONFIG_HOME:-$HOME/.config}/mbo_verzuim/env
# Variables already set in the environment win over the file.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
    printf 'mbo_verzuim: %s\n' "$1" >&2
    cat >&2 <<'EOF'
  Odoo 18.0 Community:  https://github.com/odoo/odoo (branch 18.0), installed as
                        https://www.odoo.com/documentation/18.0/administration/on_premise/source.html
  OpenEduCat 18.0:      https://github.com/openeducat/openeducat_erp (branch 18.0)
  Then tell mbo_verzuim where they are, in the environment or in
  ~/.config/mbo_verzuim/env (see README.md, "Prerequisites"):
      ODOO_PYTHON=/path/to/venv/bin/python        # a Python in which `import odoo` works
      ODOO_ADDONS_PATH=/path/to/odoo/addons,/path/to/openeducat_erp
EOF
    exit 2
}

config_file="${MBO_VERZUIM_CONFIG:-${XDG_CONFIG_HOME:-${HOME:-/root}/.config}/mbo_verzuim/env}"
env_python="${ODOO_PYTHON:-}"
env_addons="${ODOO_ADDONS_PATH:-}"
if [ -f "$config_file" ]; then
    # shellcheck disable=SC1090
    set -a; . "$config_file"; set +a
fi
ODOO_PYTHON="${env_python:-${ODOO_PYTHON:-}}"
ODOO_ADDONS_PATH="${env_addons:-${ODOO_ADDONS_PATH:-}}"
export ODOO_PYTHON ODOO_ADDONS_PATH MBO_VERZUIM_CONFIG_FILE="$config_file"

[ -n "$ODOO_PYTHON" ] || fail "Odoo 18.0 not found: ODOO_PYTHON is not set and $config_file does not set it."
[ -x "$ODOO_PYTHON" ] || fail "Odoo 18.0 not found: ODOO_PYTHON=$ODOO_PYTHON is not an executable Python."
version="$(cd /tmp && "$ODOO_PYTHON" -c 'import odoo.release as r; print("%s.%s" % r.version_info[:2])' 2>/dev/null)" \
    || fail "Odoo 18.0 not found: \`import odoo\` fails in ODOO_PYTHON=$ODOO_PYTHON."
[ "$version" = "18.0" ] || fail "Odoo 18.0 required, but ODOO_PYTHON=$ODOO_PYTHON has Odoo $version."
[ -n "$ODOO_ADDONS_PATH" ] || fail "OpenEduCat 18.0 not found: ODOO_ADDONS_PATH is not set and $config_file does not set it."

exec "$ODOO_PYTHON" tools/harness.py "$@"
