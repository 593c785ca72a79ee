# Fieldnotes: `make run` to try it, `make test` to check it.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
MANAGE := $(PYTHON) manage.py
# The seed notes file and the folder of the author's other notes files (see fixtures/corpus/SOURCE.txt).
SAMPLE_NOTES := fixtures/notes.md fixtures/corpus

.PHONY: run serve test lint format bench eval install migrate sample clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

# Import the sample notes only into an empty database, never over someone's data.
sample: migrate
	$(MANAGE) import_notes --if-empty $(SAMPLE_NOTES)
	$(MANAGE) sync_search_index

run: sample
	DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

# The site as in production: DEBUG off, migrated, the search index brought up to date (after
# an upgrade that changes what documents hold), collected static files, gunicorn (config/gunicorn.py)
# on 127.0.0.1:$${PORT:-8000}. Every setting comes from the environment (README, "Serving it
# for real"); without any, it serves this machine over plain HTTP, with a random secret key
# kept in .secret_key. Import your notes with `manage.py import_notes` (same environment).
SECRET_FILE := .secret_key
SERVE_ENV = FIELDNOTES_ENV=production \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}" \
	DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-0}"

$(SECRET_FILE):
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: install $(if $(DJANGO_SECRET_KEY),,$(SECRET_FILE))
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) sync_search_index
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) exec $(VENV)/bin/gunicorn --config python:config.gunicorn config.wsgi

# One worker per core (at most 4), each with its own test database; a file's tests run in
# one worker, so a module's server or browser starts once. TEST_WORKERS=0 runs in-process.
TEST_WORKERS ?= auto
test: install
	$(PYTHON) -m pytest --numprocesses $(TEST_WORKERS) --maxprocesses 4 --dist loadfile

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PYTHON) benchmarks/import_notes.py
	$(PYTHON) benchmarks/notes_library.py
	$(PYTHON) benchmarks/site.py
	$(PYTHON) benchmarks/roadmaps.py
	$(PYTHON) benchmarks/pages.py
	$(PYTHON) benchmarks/load.py
	$(PYTHON) benchmarks/api.py

# Extraction scored against the hand-labelled set in fixtures/eval/ (see its README).
eval: install
	$(PYTHON) benchmarks/evaluate.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .cache .pytest_cache .ruff_cache
