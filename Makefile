# newstrace: `make course` builds everything, `make test` runs every test.
# Both create .venv when it is missing or stale and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
HASH   := $(shell sha256sum pyproject.toml | cut -c1-16)
STAMP  := $(VENV)/.installed-$(HASH)
BUILD  := build

.PHONY: help venv course test bench lab clean system-deps

help:
	@echo "make course   set up .venv and build exercises, lessons, slides and a grading demo"
	@echo "make test     set up .venv and run every test"
	@echo "make bench    run the benchmarks (ratios against baselines from the same run)"
	@echo "make lab      open JupyterLab on this folder"
	@echo "make clean    remove build output (keeps .venv; 'make distclean' removes it too)"

venv: $(STAMP)

# Recreate .venv if its interpreter is missing or broken (e.g. Python was upgraded), then install.
$(STAMP): pyproject.toml
	@if ! $(PY) -c "import sys" >/dev/null 2>&1; then \
		echo "Creating $(VENV) with $(PYTHON)"; rm -rf $(VENV); $(PYTHON) -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# Debian packages the browser tests and handouts need (Chromium). Installs only as root, only when missing.
system-deps:
	@bash scripts/system-deps.sh

COURSE_PARTS :=

course: venv $(COURSE_PARTS)
	@echo
	@echo "Built:"
	@echo "  package       $(VENV) (newstrace installed in editable mode)"
	@for part in $(COURSE_PARTS); do echo "  $$part"; done

test: venv system-deps
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi; \
	exit $$status

bench: venv
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

lab: venv
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR) $(if $(filter 0,$(shell id -u)),--allow-root,)

clean:
	rm -rf $(BUILD) .pytest_cache .hypothesis .ruff_cache
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
