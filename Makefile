# The two commands a new machine needs: `make serve` and `make test`.
# Each installs what is missing (and only that), then does its job.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
E2E_DIR := tests/e2e
SERVE_ADDRESS := 127.0.0.1
SERVE_PORT := 8080

# Tools live in ~/.cargo/bin and tests/e2e/node_modules/.bin (wasm-opt, playwright).
export PATH := $(CURDIR)/$(E2E_DIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help tools rust-target trunk wasm-bindgen-cli npm-packages browsers engines engines-packages java html-check-packages twiggy \
        serve dist test bench bench-packages clean

help:
	@echo "make serve  - install what is missing, then serve the guide at http://$(SERVE_ADDRESS):$(SERVE_PORT)/"
	@echo "make test   - install what is missing, then run every check and test"
	@echo "make dist   - release build for static hosting, in dist/"
	@echo "make bench  - build, then measure sizes, Lighthouse (vs a static page) and interaction times into bench-report/"

## --- installation (each step is skipped when already done) -------------------

tools: rust-target trunk wasm-bindgen-cli npm-packages

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@if trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)'; then \
	  echo "trunk $(TRUNK_VERSION): present"; \
	else \
	  echo "Installing trunk $(TRUNK_VERSION) (about 8 minutes, once)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi

# Not --locked: its lockfile names a webpki-roots version the registry no longer serves.
wasm-bindgen-cli:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "No wasm-bindgen in Cargo.lock"; exit 1; }
	@if wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)'; then \
	  echo "wasm-bindgen-cli $(WASM_BINDGEN_VERSION): present"; \
	else \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

# wasm-opt (binaryen) and the test packages, exactly as in the committed lockfile.
npm-packages: $(E2E_DIR)/node_modules/.package-lock.json

$(E2E_DIR)/node_modules/.package-lock.json: $(E2E_DIR)/package-lock.json
	cd $(E2E_DIR) && npm ci --no-audit --no-fund
	@touch $@

browsers:
	@if [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ]; then \
	  echo "chromium and chromedriver: present"; \
	else \
	  echo "Installing Debian's chromium and chromium-driver"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

# Firefox ESR and WebKitGTK (Safari's engine) for the smoke in tests/engines: Firefox is driven
# by puppeteer-core over WebDriver BiDi, WebKit by WebKitWebDriver + MiniBrowser under Xvfb.
FIREFOX := /usr/bin/firefox-esr
WEBKIT_DRIVER := /usr/bin/WebKitWebDriver
engines:
	@if [ -x $(FIREFOX) ] && [ -x $(WEBKIT_DRIVER) ] && command -v xvfb-run >/dev/null 2>&1 \
	     && command -v xauth >/dev/null 2>&1; then \
	  echo "firefox-esr, webkit2gtk-driver and xvfb: present"; \
	else \
	  echo "Installing Debian's firefox-esr, webkit2gtk-driver and xvfb"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb xauth; \
	fi

ENGINES_DIR := tests/engines

engines-packages: $(ENGINES_DIR)/node_modules/.package-lock.json

$(ENGINES_DIR)/node_modules/.package-lock.json: $(ENGINES_DIR)/package-lock.json
	cd $(ENGINES_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

# The Nu Html Checker (vnu-jar from npm) runs on Java.
java:
	@if command -v java >/dev/null 2>&1; then \
	  echo "java: present"; \
	else \
	  echo "Installing Debian's default-jre-headless (for the HTML checker)"; \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	fi

HTML_CHECK_DIR := tools/html-check

html-check-packages: $(HTML_CHECK_DIR)/node_modules/.package-lock.json

$(HTML_CHECK_DIR)/node_modules/.package-lock.json: $(HTML_CHECK_DIR)/package-lock.json
	cd $(HTML_CHECK_DIR) && npm ci --no-audit --no-fund
	@touch $@

## --- everyday commands ----------------------------------------------------------

serve: tools
	@echo "Serving the guide at http://$(SERVE_ADDRESS):$(SERVE_PORT)/ (Ctrl+C to stop)"
	trunk serve --offline --address $(SERVE_ADDRESS) --port $(SERVE_PORT)

dist: tools
	trunk build --release --offline

test: tools browsers engines engines-packages java html-check-packages
	@tests/run-all.sh

BENCH_DIR := tools/bench

bench-packages: $(BENCH_DIR)/node_modules/.package-lock.json

$(BENCH_DIR)/node_modules/.package-lock.json: $(BENCH_DIR)/package-lock.json
	cd $(BENCH_DIR) && npm ci --no-audit --no-fund
	@touch $@

# twiggy reads the named wasm for the bench's breakdown of where the bytes go.
TWIGGY_VERSION := 0.8.0
twiggy:
	@if twiggy --version 2>/dev/null | grep -q '$(TWIGGY_VERSION)'; then \
	  echo "twiggy $(TWIGGY_VERSION): present"; \
	else \
	  echo "Installing twiggy $(TWIGGY_VERSION) (a few minutes, once)"; \
	  cargo install twiggy --version $(TWIGGY_VERSION) --locked; \
	fi

# Measurement only: writes bench-report/report.md and report.json; exits 0 even when targets are missed.
bench: dist browsers bench-packages twiggy
	node $(BENCH_DIR)/run.js $(BENCH_ARGS)

clean:
	cargo clean
	rm -rf dist
