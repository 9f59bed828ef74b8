# The two commands a newcomer needs: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Fixed dates for MkDocs' own timestamps, so two builds of the same content are identical.
export SOURCE_DATE_EPOCH ?= 1747353600

# The engine that builds the site: mkdocs (default) or properdocs (README, "Choosing an
# engine"). `make site ENGINE=properdocs` installs ProperDocs on first use.
ENGINE ?= mkdocs

.PHONY: site serve test unit lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/mkdocs: | $(VENV)/.site-installed

$(BIN)/properdocs: | $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -e ".[properdocs]"

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.site-installed

site: $(VENV)/.site-installed $(BIN)/$(ENGINE)
	rm -rf site
	$(BIN)/$(ENGINE) build --strict --clean -f mkdocs.yml

# Preview with live reload: `make serve PORT=8001` for another port. --livereload is
# spelled out because click 8.2.2-8.3.1 turn MkDocs 1.6's default off (pyproject.toml
# excludes them too).
PORT ?= 8000
serve: $(VENV)/.site-installed $(BIN)/$(ENGINE)
	@$(BIN)/python scripts/check-port $(PORT)
	$(BIN)/$(ENGINE) serve --livereload --dev-addr 127.0.0.1:$(PORT) -f mkdocs.yml

lint: $(VENV)/.test-installed
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

test: lint
	scripts/ensure-chromium
	$(BIN)/python -m pytest -q

# The fast loop while developing: every test that builds no site and opens no browser
# (golden cases, parser, loaders, layout), in about ten seconds.
unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -m "not site and not browser and not slow"

# What the generator costs next to MkDocs alone (README, "Performance"). All sizes take
# about ten minutes on two cores; BENCH_SIZES=small (or small,medium) is a quick run.
BENCH_SIZES ?= all
bench: $(VENV)/.site-installed
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES)

clean:
	rm -rf site bench-out $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
