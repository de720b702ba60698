# Two set-up commands for a fresh machine (Python 3.11+, make, git):
#   make run   install, migrate, load the demo data and serve on http://127.0.0.1:8000
#   make test  install, lint (ruff), check migrations, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test install migrate demo serve lint check-migrations pytest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py muat_demo

serve:
	$(BIN)/python manage.py runserver 127.0.0.1:8000

run: demo
	@echo "Membuka http://127.0.0.1:8000 — masuk dengan salah satu akun demo di atas."
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest -m "not worker and not browser" $(PYTEST_ARGS)

test: lint check-migrations pytest

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
