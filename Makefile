# foitracker: `make run` sets up and serves the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# The parser's hot modules compiled with Cython (requests_app/parsing/speedups.py); rebuilt when they change,
# and never used unless built from the sources on disk. A failed build leaves the parser pure Python.
COMPILED := requests_app/parsing/_compiled/SOURCES.sha256
PARSER_SOURCES := $(wildcard requests_app/parsing/*.py)

.PHONY: run setup test bench clean compile

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

$(COMPILED): $(STAMP) $(PARSER_SOURCES)
	-$(PY) -m requests_app.parsing.build_speedups

compile: $(COMPILED)

setup: $(STAMP) $(COMPILED)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ensure_admin

run: setup
	@echo "foitracker is starting on http://127.0.0.1:8000/ (log requests at /admin/) with a Celery worker and beat (Ctrl-C stops both)"
	@$(PY) -m celery -A foitracker worker --beat --pool=solo --loglevel=WARNING \
	    --scheduler django_celery_beat.schedulers:DatabaseScheduler > var/celery.log 2>&1 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP) $(COMPILED)
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP) $(COMPILED)
	$(PY) bench/deadlines_bench.py
	$(PY) bench/recompute_bench.py
	$(PY) bench/parsing_bench.py
	$(PY) bench/reminders_bench.py
	$(PY) bench/pages_bench.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis requests_app/parsing/_compiled
