# Two commands on a fresh machine: `make run` and `make test`. Needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

# Stamps record what is installed, so pip runs again only when a requirements file changes.
RUNTIME_STAMP := $(VENV)/runtime.stamp
DEV_STAMP := $(VENV)/dev.stamp

.PHONY: run test lint format clean bench

run: $(RUNTIME_STAMP)
	$(BIN)/streamlit run serve.py --server.port $(PORT) --browser.gatherUsageStats false

test: $(DEV_STAMP) lint
	$(BIN)/python -m pytest

# Benchmark (not a test): page reruns vs baselines, cold start, scale. BENCH_ARGS=--quick.
bench: $(DEV_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(RUNTIME_STAMP)

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
