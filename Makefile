# Two set-up commands for a fresh machine (Python 3.11+, make, git; WeasyPrint's system
# libraries are installed by `make sistem` when missing, see scripts/pustaka_sistem.sh):
#   make run   install, migrate, load the demo data, collect the static files and serve on
#              http://127.0.0.1:8000 with DEBUG off (whitenoise serves staticfiles/)
#   make test  install, lint (ruff), check migrations, run the test suite (one process per core)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# pytest-xdist processes for `make pytest` (auto: one per core); PYTEST_N=0: no extra processes.
PYTEST_N ?= auto

.PHONY: run test sistem install migrate demo static serve lint check-migrations pytest clean

# WeasyPrint's system libraries and fonts: installed with apt-get when missing (root), else
# one line naming the packages and a stop.
sistem:
	@PYTHON="$(PYTHON)" sh scripts/pustaka_sistem.sh

$(BIN)/python: | sistem
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: sistem $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py muat_demo

# DEBUG is off unless .env says DJANGO_DEBUG=1: runserver then serves no static files itself;
# WhiteNoiseMiddleware serves them from STATIC_ROOT, which collectstatic fills.
static: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

serve: static
	$(BIN)/python manage.py runserver 127.0.0.1:8000

run: demo static
	@echo "Membuka http://127.0.0.1:8000 — masuk dengan salah satu akun demo di atas."
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest -n $(PYTEST_N) -m "not worker and not browser and not fuzz" $(PYTEST_ARGS)

test: lint check-migrations pytest

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
