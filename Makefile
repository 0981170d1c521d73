# Two commands do all the set-up on a fresh machine:
#   make run    creates .venv, installs thidua, extracts the shipped corpus to out/records.jsonl
#   make test   creates .venv, installs thidua with its test extras, runs the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench dev-eval clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/thidua extract corpus/docs -o out/records.jsonl
	$(BIN)/thidua validate out/records.jsonl
	$(BIN)/thidua evaluate corpus/gold.jsonl out/records.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Speed and memory figures (a script that prints them, not a test).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Score the dev set beside the project with the project's own evaluate command.
dev-eval: $(STAMP)
	mkdir -p out
	$(BIN)/thidua extract ../shared/eval/dev/docs -o out/dev.jsonl
	$(BIN)/thidua evaluate ../shared/eval/dev/gold.jsonl out/dev.jsonl

clean-venv:
	rm -rf $(VENV)
