# Two commands on a fresh machine: `make run` and `make test`. Needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

# Stamps record what is installed, so pip runs again only when a requirements file changes.
RUNTIME_STAMP := $(VENV)/runtime.stamp
DEV_STAMP := $(VENV)/dev.stamp

.PHONY: run test lint format clean bench eval

run: $(RUNTIME_STAMP)
	$(BIN)/streamlit run serve.py --server.port $(PORT) --browser.gatherUsageStats false

test: $(DEV_STAMP) lint
	$(BIN)/python -m pytest

# Benchmark (not a test): page reruns vs baselines, cold start, scale. BENCH_ARGS=--quick.
bench: $(DEV_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# The draft extractor's accuracy, leave one article out (components/extract/evaluate.py).
# EVAL_ARGS names more annotated folders: --staging DIR (tuned on), --held-out DIR (not).
eval: $(RUNTIME_STAMP)
	$(BIN)/python -m components.extract.evaluate --data data $(EVAL_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The spaCy model is installed in a second call: its file is hash-checked (pip then checks
# every line of a file), with --no-deps because spacy comes from requirements.txt.
$(RUNTIME_STAMP): requirements.txt requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-model.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-model.txt
	touch $@ $(RUNTIME_STAMP)

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
