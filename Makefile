# The two commands of the README. Everything else lives in tools/harness.py,
# which runs inside the Odoo installation found by tools/odoo-env.sh.
.PHONY: run test check bench lint pot demo-large

run:
	@bash tools/odoo-env.sh run

test:
	@bash tools/odoo-env.sh test

bench:
	@bash tools/odoo-env.sh bench

check:
	@bash tools/odoo-env.sh check

lint:
	@bash tools/odoo-env.sh lint

pot:
	@bash tools/odoo-env.sh pot

demo-large:
	@bash tools/odoo-env.sh demo-large
