# kuma-cluster-router: the entry point for development and CI.
#   make up      a local cluster on loopback (router + stand-in nodes + MariaDB)
#   make test    the whole suite from a fresh clone
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TSTL := npx --no-install tstl
TSC  := npx --no-install tsc

.PHONY: help deps lua js test-lua build typecheck check-generated check-layers format format-check spec node-test test router up bench bench-snapshot clean

help:
	@echo "make up      local cluster on loopback (router on 127.0.0.1:8084)"
	@echo "make test    install what is missing, type-check, check generated-lua, run all suites"
	@echo "make router  the router alone, in the foreground, configured by the environment"
	@echo "make lua     rebuild generated-lua/ from src-lua-ts/ (commit the result)"
	@echo "make test-lua  the test runtime's Lua (test-runtime/src/) into build/test-lua/ (never committed)"
	@echo "make format  rewrite the TypeScript in the project's style (Prettier, .prettierrc.json)"
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

# The test runtime's Lua (test-runtime/src/: the resty.mysql stand-in, spec fixtures), built
# outside generated-lua/ so nothing test-only sits beside what the image ships.
test-lua: deps
	rm -rf build/test-lua
	$(TSTL) -p tsconfig.test-runtime.json

build: lua js

typecheck: deps
	$(TSC) -p tsconfig.lua.json --noEmit
	$(TSC) -p tsconfig.node.json --noEmit
	$(TSC) -p tsconfig.test-runtime.json --noEmit

check-generated: deps
	@scripts/check-generated.sh

# Imports point down the layers of tools/check-layers.ts; no folders or files in a circle.
check-layers: js
	node build/js/tools/check-layers.js

# One style for all TypeScript (.prettierrc.json); `make format` applies it.
format: deps
	npx --no-install prettier --log-level warn --write "**/*.ts"

format-check: deps
	npx --no-install prettier --check "**/*.ts"

spec: deps js test-lua
	scripts/run-specs.sh

node-test: js test-lua
	scripts/run-node-tests.sh

test: deps typecheck format-check check-generated check-layers spec node-test
	@echo "make test: all suites passed"

router: deps test-lua
	scripts/router.sh

clean:
	rm -rf build

up: deps js test-lua
	@scripts/ensure-mariadb.sh >/dev/null 2>&1 || true
	node build/js/tools/up.js

# Router vs plain nginx proxy_pass, interleaved runs (docs/benchmarks.md).
bench: deps js test-lua
	node build/js/bench/bench.js

# 100,000 monitors on 100 nodes: sync, worker load and memory, then the change burst on a real router.
bench-snapshot: deps js test-lua
	node build/js/bench/snapshot.js
