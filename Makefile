# foitracker: `make run` sets up and serves the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: run setup test bench clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ensure_admin

run: setup
	@echo "foitracker is starting on http://127.0.0.1:8000/ (log requests at /admin/) with a Celery worker and beat (Ctrl-C stops both)"
	@$(PY) -m celery -A foitracker worker --beat --pool=solo --loglevel=WARNING \
	    --scheduler django_celery_beat.schedulers:DatabaseScheduler > var/celery.log 2>&1 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) bench/deadlines_bench.py
	$(PY) bench/recompute_bench.py
	$(PY) bench/parsing_bench.py
	$(PY) bench/reminders_bench.py
	$(PY) bench/pages_bench.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
