PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= marsad-demo.db
SEEDS ?= ../shared/data/seeds

.PHONY: install dev lock run test test-fast lint bench bench-ingest bench-reuse bench-events bench-dates bench-names bench-growth bench-scale bench-commands bench-ner bench-api train-ner clean

CONSTRAINTS := constraints.txt
PIP := $(BIN)/pip install --quiet -c $(CONSTRAINTS)

$(BIN)/marsad: pyproject.toml $(CONSTRAINTS)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(PIP) -e .
	@touch $@

$(VENV)/.dev: $(BIN)/marsad
	$(PIP) -e '.[dev]'
	@touch $@

install: $(BIN)/marsad

dev: $(VENV)/.dev

run: install  ## ingest the bundled seed reports and show what was found
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/marsad --db $(DB) ingest $(SEEDS)
	$(BIN)/marsad --db $(DB) articles
	$(BIN)/marsad --db $(DB) search "الأمريكي"
	$(BIN)/marsad --db $(DB) reuse
	$(BIN)/marsad --db $(DB) stories
	$(BIN)/marsad --db $(DB) entities --limit 12
	@echo "Browse it: $(BIN)/marsad --db $(DB) serve, then open http://127.0.0.1:8000/ (JSON API: http://127.0.0.1:8000/docs)"

test: dev  ## lint, type-check and run every test (slow ones included)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src
	$(BIN)/pytest

test-fast: dev
	$(BIN)/pytest -m "not slow"

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src

bench: bench-ingest bench-reuse bench-events bench-dates bench-names bench-ner bench-quotes bench-summaries bench-growth bench-commands

bench-ingest: install
	$(BIN)/python benchmarks/ingest.py

$(VENV)/.bench: $(BIN)/marsad
	$(PIP) -e '.[bench]'
	@touch $@

lock:  ## pin the newest releases of every dependency in constraints.txt (then run make test)
	rm -rf .lock-venv
	$(PY) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[dev,bench]'
	{ sed -n '1,2p' $(CONSTRAINTS); .lock-venv/bin/pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf .lock-venv

bench-reuse: $(VENV)/.bench  ## Marsad vs datasketch vs rensa on SaudiNewsNet, against brute force; planted copies
	$(BIN)/python benchmarks/reuse.py
	$(BIN)/python benchmarks/reuse_planted.py

bench-events: $(VENV)/.bench  ## the CLI on whole crawl days vs tuning and held-out gold, ECB+; speed, dates
	$(BIN)/python benchmarks/events.py
	$(BIN)/python benchmarks/events_speed.py

bench-growth: install  ## the cost of new articles as the store grows: reuse, events, 3 store sizes
	$(BIN)/python benchmarks/reuse_incremental.py
	$(BIN)/python benchmarks/reuse_growth.py
	$(BIN)/python benchmarks/events_growth.py

bench-scale: install  ## 10k, 100k and 1M articles (replicas of SaudiNewsNet and ANT): time, memory, DB size
	$(BIN)/python benchmarks/scale.py

bench-commands: install  ## ingest, reuse and stories on all of SaudiNewsNet, as a user runs them
	$(BIN)/python benchmarks/commands.py

bench-names: install  ## the transliteration key: wrong joins on labelled pairs of spellings
	$(BIN)/python benchmarks/name_keys.py

bench-api: install  ## marsad serve on all of SaudiNewsNet: p50/p99 and requests/s at 1 and 16 clients, during an ingest
	$(BIN)/python benchmarks/api.py

train-ner: install  ## rebuild the NER word clusters and the two CRFs from ../shared/data, score them
	$(BIN)/python -m marsad.analyze.ner.train --clusters

bench-ner: install  ## NER: F1 on ANERcorp's CAMeL Lab test split and modern news, tokens/s; the entities stage beside ingest
	$(BIN)/python benchmarks/ner.py
	$(BIN)/python benchmarks/entities.py

bench-quotes: install  ## who said what: precision and recall of speaker + span on quotes labelled by reading
	$(BIN)/python benchmarks/quotes.py

bench-summaries: $(VENV)/.bench  ## event summaries beside sumy's LexRank and TextRank: redundancy, entity coverage, speed
	$(BIN)/python benchmarks/summaries.py

bench-dates: $(VENV)/.bench  ## temporal expressions: Marsad vs dateparser, development and blind sets; speed
	$(BIN)/python benchmarks/dates.py

clean:
	rm -rf $(VENV) .lock-venv $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache
