# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KERNEL := customer-value-kit
OUT ?= outputs

.PHONY: setup run test screenshots notebooks benchmark lab clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (customer value kit)"
	touch $(STAMP)

run: setup
	$(BIN)/kit run --out $(OUT)

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadfile

screenshots: setup  ## the reports in headless Chromium (en and zh), screenshots into notebooks/images
	KIT_REQUIRE_BROWSER=1 KIT_SCREENSHOTS=notebooks/images $(BIN)/python -m pytest -q tests/test_reports_browser.py

notebooks: setup  ## re-execute the course notebooks in place (refreshes their committed outputs)
	$(BIN)/kit refresh

benchmark: setup  ## print speed ratios against reference runs (benchmarks/synthetic.py makes the large files)
	$(BIN)/pip install -q -e ".[bench]"
	for script in basket loading rfm engines; do $(BIN)/python benchmarks/$$script.py || exit 1; done

lab: setup
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) $(OUT)
