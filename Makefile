# The two commands a newcomer needs: `make run` and `make test`. Everything else is for developers.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed

.PHONY: run demo bench bench-intake bench-rebuild test lint install system-deps contracts contracts-baseline lock clean test-fault

# requirements.lock: what the services run on (the only lock a service image installs);
# requirements-dev.lock: the same pins plus the embedded broker, the dev stack, codegen and tests.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH"; exit 2; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.8
	$(UV) pip install --quiet --python $(PY) -r requirements-dev.lock
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	@touch $@

install: $(STAMP)

# Debian packages the tests use: chromium for the dashboard's browser test, protoc as an
# independent compiler of the contracts. Installed only when missing (needs root and apt).
SYSTEM_PACKAGES := chromium:chromium protoc:protobuf-compiler
system-deps:
	@missing=""; for pair in $(SYSTEM_PACKAGES); do command -v $${pair%%:*} >/dev/null || missing="$$missing $${pair##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; }; \
	  else echo "missing system packages:$$missing (install them with your package manager)"; exit 2; fi; \
	fi

## The whole system on the embedded default: broker, stores, seven services, dashboard.
run: $(STAMP)
	$(PY) -m oms_dev.devstack

## Simulated channels, warehouse and carrier against the system `make run` started.
demo: $(STAMP)
	$(PY) -m oms_demo

## Orders per second end to end, latency percentiles, memory and CPU per service (its own stack).
## BENCH_ARGS="--orders 5000 --postgres postgresql://postgres@127.0.0.1:5432/oms_bench" for more.
BENCH_ARGS ?= --orders 1000
bench: $(STAMP)
	$(PY) -m tests.bench $(BENCH_ARGS)

## HTTP intake under concurrent clients on the whole system: accepted/s, 5xx, request latency.
## INTAKE_ARGS="--clients 64 --orders 2000 --rate 100" for an offered rate instead of flat out.
INTAKE_ARGS ?= --clients 64 --orders 2000
bench-intake: $(STAMP)
	$(PY) -m tests.bench.intake $(INTAKE_ARGS)

## Rebuild the projection's views from N events (seed orders multiplied on the topics).
## REBUILD_ARGS="--events 1000000 --postgres postgresql://postgres@127.0.0.1:5432/oms_bench" for PostgreSQL views.
REBUILD_ARGS ?= --events 1000000
bench-rebuild: $(STAMP)
	$(PY) -m tests.bench.rebuild $(REBUILD_ARGS)

## Unit, integration, contract and fault tests against a real broker and real PostgreSQL (after lint).
test: $(STAMP) system-deps lint
	$(PY) -m pytest

## ruff over the code, mypy over the shared libraries, the identity provider and the services (pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check libs services tests contracts/tools
	$(VENV)/bin/mypy -p oms_kernel -p oms_platform -p oms_identity -p services

test-fault: $(STAMP)
	$(PY) -m pytest -m fault

## Regenerate Python code from contracts/proto (committed; a test fails when it drifts).
contracts: $(STAMP)
	$(PY) contracts/tools/generate.py

## Refresh the compatibility baseline after a deliberate, reviewed contract change.
contracts-baseline: $(STAMP)
	$(PY) contracts/tools/generate.py --update-baseline

## Re-resolve pinned dependencies after editing pyproject.toml: the runtime lock, then the
## development lock constrained to it (a tool never moves a runtime pin).
lock: $(STAMP)
	$(UV) pip compile pyproject.toml --extra build --python-version 3.11 -o requirements.lock
	$(UV) pip compile pyproject.toml --extra build --extra dev --extra test --python-version 3.11 -c requirements.lock -o requirements-dev.lock

clean:
	rm -rf $(VENV) var .pytest_cache
