# Showfloor task runner. `make demo` and `make test` are the contract (README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Debian packages: browser tests and screenshots, Chinese fonts, WeasyPrint's Pango, PDF tools,
# a real HLS test stream, gettext for the message catalogues.
SYSTEM_PACKAGES := chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 poppler-utils ffmpeg gettext

.PHONY: setup system-packages python-deps assets messages demo serve test test-sqlite test-postgres lint fmt typecheck bench lock clean

setup: system-packages python-deps assets messages

system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.lock
	$(PIP) install -q --no-deps -e .
	touch $@

python-deps: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed
	$(PY) scripts/vendor_assets.py

messages: python-deps
	cd src/showfloor && ../../$(VENV)/bin/django-admin compilemessages -v0

demo: setup
	SHOWFLOOR_DEBUG=1 $(PY) -m showfloor migrate -v0
	SHOWFLOOR_DEBUG=1 $(PY) -m showfloor demo --scale small --if-empty
	@echo ""
	@echo "Showfloor demo: http://$(HOST):$(PORT)/chtf2026/  (back office: /chtf2026/manage/, admin: /admin/)"
	@echo "Staff login: admin / showfloor-demo  (also sales, registration, programme, matchmaking, jury_secretary, press, analyst)"
	@echo ""
	SHOWFLOOR_DEBUG=1 $(PY) -m showfloor runserver $(HOST):$(PORT)

serve: setup
	SHOWFLOOR_DEBUG=1 $(PY) -m showfloor runserver $(HOST):$(PORT)

# The whole suite on the configured database (SQLite unless SHOWFLOOR_DATABASE_URL is set).
test: setup
	SHOWFLOOR_TESTING=1 $(VENV)/bin/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-sqlite: setup
	env -u SHOWFLOOR_DATABASE_URL SHOWFLOOR_TESTING=1 $(VENV)/bin/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-postgres: setup
	bash scripts/ensure_postgres.sh
	SHOWFLOOR_DATABASE_URL=$${SHOWFLOOR_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/showfloor} \
	  SHOWFLOOR_TESTING=1 $(VENV)/bin/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: python-deps
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts

fmt: python-deps
	$(VENV)/bin/ruff format src tests benchmarks scripts
	$(VENV)/bin/ruff check --fix src tests benchmarks scripts

# Services and queries at least (STYLE.md); the settings need a key or debug mode to load.
typecheck: python-deps
	SHOWFLOOR_DEBUG=1 $(VENV)/bin/mypy src/showfloor/*/services.py src/showfloor/*/services/*.py \
		src/showfloor/*/queries.py src/showfloor/core/sqlrows.py

# wrk measures the server in the booth-page and scan benchmarks (a Python client needs a core).
bench: setup
	@$(MAKE) --no-print-directory system-packages SYSTEM_PACKAGES="wrk"
	@for bench in benchmarks/bench_*.py; do echo "== $$bench"; $(PY) $$bench || exit 1; done

# Regenerate the lock file after changing requirements.in / requirements-dev.in.
lock:
	$(PIP) install -q -r requirements.in -r requirements-dev.in
	$(PIP) freeze --exclude-editable | grep -v '^showfloor' > requirements.lock

clean:
	rm -rf $(VENV) node_modules var src/showfloor/web/static/vendor
