# 绿色长春 · 环境信息 — the two commands are `make serve` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/e2e/node_modules/.bin:$(PATH)

DIST        := dist
SAMPLE_DIR  := public/data/sample
PORT        ?= 8080
RECEIVER_PORT ?= 8081

.PHONY: setup sample build serve test test-host test-wasm test-e2e test-receiver test-lighthouse lint size size-report bench fuzz clean ccdata

setup:
	@scripts/setup.sh

# Deterministic sample data (labelled 示例数据 everywhere it appears).
sample:
	@mkdir -p $(SAMPLE_DIR)
	@cargo run --quiet --release -p cc_core --bin gen_air_sample -- $(SAMPLE_DIR)
	@cargo run --quiet --release -p cc_core --bin gen_water_sample -- $(SAMPLE_DIR)

# Release build of every Trunk entry: the site's bundles and the widget, each its own page and
# wasm; the AQI widget's bundle (widget-aqi: the widget without its water and report views, which
# widget.html's loader and cc-env-widget.js load for the AQI view; finalize drops its page); and
# the feeds module (the parsers a page loads only when its config names their format,
# src/feeds/module.rs) and the charts module (plotters and the charts' drawing, which a page loads
# when a chart first nears the viewport, src/components/chart.rs): finalize drops their pages and names
# their scripts in every site page (src/lazy_module.rs). The route table (src/routes.rs) names them: `cargo run --bin prerender` prints it as JSON,
# with every route's static first screen (src/prerender.rs), for this loop, finalize and the e2e
# tests. Trunk names every output index.html: each entry is built into its own directory and moved
# into dist/ as <entry>.html beside its hashed files. Finalize then makes the whole hostable at any
# path under a strict CSP, copies each bundle's page to its routes and writes cc-env-widget.js.
SITE_JSON := target/site.json
ENTRIES = node -p "const s = require('./$(SITE_JSON)'); [...s.bundles, s.widget, s.widgetAqi, ...s.modules].map((b) => b.entry).join(' ')"
# The site's bundles are built with Leptos's erase_components (type-erased component boundaries:
# smaller, see README "Performance"), in a target directory of their own so the two sets of flags
# never rebuild each other's artifacts; the widget's two bundles (widget, widget-aqi) are smaller
# without it.
SITE_CARGO := CARGO_TARGET_DIR=$(CURDIR)/target/erased RUSTFLAGS=--cfg=erase_components
build: setup sample
	@mkdir -p target && cargo run --quiet --bin prerender > $(SITE_JSON)
	@rm -rf $(DIST) && mkdir -p $(DIST)
	@for entry in $$($(ENTRIES)); do \
	  case $$entry in widget*) flags= ;; *) flags='$(SITE_CARGO)' ;; esac; \
	  rm -rf dist-$$entry && env $$flags trunk build $$entry.html --release --dist dist-$$entry && \
	  if [ $$entry != index ]; then mv dist-$$entry/index.html dist-$$entry/$$entry.html; fi && \
	  cp -r dist-$$entry/. $(DIST)/ || exit 1; \
	done
	@node tools/finalize-dist.mjs $(DIST) --site $(SITE_JSON)

serve: build
	@scripts/serve.sh $(DIST) $(PORT) $(RECEIVER_PORT)

lint: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p lvse-changchun --lib --bins -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p lvse-changchun --bin widget-aqi --features widget-aqi-only -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p cc_floor --features chart -- -D warnings

test-host: setup
	cargo test --workspace

test-wasm: setup
	cargo test --target wasm32-unknown-unknown -p lvse-changchun --test browser

test-receiver: setup
	@if [ -f receiver/package.json ]; then cd receiver && npm test; fi

# The same build, also finalized for a sub-path deployment (only its 404.html differs). The
# ccdata binary is built here, once, for e2e/tests/ccdata.spec.ts (cheap when warm).
test-e2e: build
	@rm -rf dist-sub && cp -r $(DIST) dist-sub && node tools/finalize-dist.mjs dist-sub --base-path /sthjj/env/ --site $(SITE_JSON)
	cargo build --release -p ccdata
	cd e2e && npx playwright test

# Lighthouse's accessibility and best-practices scores must be 100 on every page.
test-lighthouse: build
	node e2e/lighthouse.mjs --dist $(DIST) --assert

test: lint test-host test-wasm test-receiver test-e2e test-lighthouse

size: build
	@node tools/size.mjs $(DIST)

# Where each bundle's wasm goes, by crate and by function (twiggy from crates.io, installed here
# on first use: only this target needs it). README "Performance".
# The floors beside them: tools/floor, a near-empty Leptos app on the same dependencies, with a
# chart (index.html) and without (bare.html), each built with the site's flags and the widget's.
size-report: build
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	@rm -rf target/floor
	@for page in index bare; do \
	  env $(SITE_CARGO) trunk build tools/floor/$$page.html --release --dist target/floor/site-$$page && \
	  trunk build tools/floor/$$page.html --release --dist target/floor/widget-$$page || exit 1; \
	done
	@node tools/size-report.mjs $(DIST)

# The air engine timed in headless Chromium against plain JavaScript, and the report form's
# processing of a 12 MP photo (budgets are reported as OK/OVER, never enforced):
# bench/src/main.rs + bench.html, e2e/bench.mjs → bench-results/air.json, photo.json.
# Trunk names its output index.html whatever the target: renamed, so the bench dist is no site.
bench: build
	@trunk build bench.html --release --dist dist-bench
	@mv dist-bench/index.html dist-bench/bench.html
	@node tools/finalize-dist.mjs dist-bench
	@node e2e/bench.mjs --dist dist-bench
	@node e2e/lighthouse.mjs --dist $(DIST) --runs 5

# ccdata, the data tool for the people who publish (README "Publishing data"), e.g.
#   make ccdata ARGS="check data/air/2026-11-28.csv"
#   make ccdata ARGS="publish --air data/air -o dist/data --config dist/config.json"
ccdata:
	@cargo run --quiet --release -p ccdata -- $(ARGS)

# Every parser against mutated real inputs and arbitrary bytes (FUZZ_N inputs per parser).
FUZZ_N ?= 200000
fuzz: setup
	cargo run --quiet --profile fuzz -p cc_fuzz --bin fuzz -- $(FUZZ_N)

clean:
	rm -rf $(DIST) dist-* target e2e/test-results $(SAMPLE_DIR) bench-results
