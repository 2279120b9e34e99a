# The README's commands. Each target sets up its own virtual environment first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE ?= samples/boeing-orders.txt

.PHONY: demo test install install-test browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'

## demo: set up, then extract the records of a bundled sample article
demo: install
	$(BIN)/factx extract $(SAMPLE) --format table

## test: set up with the test and ray extras (and Debian's chromium for the report's browser test), then run
## the whole test suite
test: install-test browser
	$(BIN)/python -m pytest -q

## browser: Debian's chromium and its driver, for tests/test_report.py (skipped where apt-get cannot install)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	    (apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null)) || \
	    echo "chromium not installed: the report's browser test will be skipped"; }

## bench: the benchmark scripts (not tests): speed, memory, start-up, linear time
bench: install
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/linearity.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
