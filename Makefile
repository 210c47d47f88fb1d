# kuma-cluster-router: the entry point for development and CI.
#   make up      a local cluster on loopback (router + stand-in nodes + MariaDB)
#   make test    the whole suite from a fresh clone
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TSTL := npx --no-install tstl
TSC  := npx --no-install tsc

.PHONY: help deps lua js build typecheck check-generated spec node-test test router up bench bench-snapshot clean

help:
	@echo "make up      local cluster on loopback (router on 127.0.0.1:8084)"
	@echo "make test    install what is missing, type-check, check generated-lua, run all suites"
	@echo "make router  the router alone, in the foreground, configured by the environment"
	@echo "make lua     rebuild generated-lua/ from src-lua-ts/ (commit the result)"
	@echo "make bench   router vs plain nginx proxy_pass"
	@echo "make bench-snapshot  a 100,000-monitor snapshot: sync, memory, change burst"

deps:
	@scripts/install-runtime.sh

# generated-lua/ is a committed artifact: `make lua` rewrites it, `make check-generated` proves it fresh.
lua: deps
	rm -rf generated-lua
	$(TSTL) -p tsconfig.lua.json

js: deps
	rm -rf build/js
	$(TSC) -p tsconfig.node.json

build: lua js

typecheck: deps
	$(TSC) -p tsconfig.lua.json --noEmit
	$(TSC) -p tsconfig.node.json --noEmit

check-generated: deps
	@scripts/check-generated.sh

spec: deps js
	scripts/run-specs.sh

node-test: js
	scripts/run-node-tests.sh

test: deps typecheck check-generated spec node-test
	@echo "make test: all suites passed"

router: deps
	scripts/router.sh

clean:
	rm -rf build

up: deps js
	@scripts/ensure-mariadb.sh >/dev/null 2>&1 || true
	node build/js/tools/up.js

# Router vs plain nginx proxy_pass, interleaved runs (docs/benchmarks.md).
bench: deps js
	node build/js/bench/bench.js

# 100,000 monitors on 100 nodes: sync, worker load and memory, then the change burst on a real router.
bench-snapshot: deps js
	node build/js/bench/snapshot.js
