# rawpx: `make` builds dist/rawpx.wasm and prints the size report;
# `make test` runs every test; `make bench` prints the benchmark table.
# Both install what they need (toolchains, binaryen, wabt, npm packages).

# The one place the nightly is pinned.
NIGHTLY := nightly-2026-05-20
TARGET  := wasm32-unknown-unknown
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The features the module uses; a stripped module no longer names them.
WASM_FEATURES := --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types
WASM_OPT := node_modules/.bin/wasm-opt -O3 $(WASM_FEATURES) --strip-debug --strip-producers

# Immediate-abort panics: no panic formatting or unwinding code in the module.
RELEASE := cargo +$(NIGHTLY) build -p rawpx --release --target $(TARGET) \
	-Zbuild-std=core,alloc \
	--config 'target.$(TARGET).rustflags=["-Zunstable-options", "-Cpanic=immediate-abort"]'
# The scalar fallback for engines without SIMD128: the same source and
# kernels' references, the same bytes out.
NOSIMD  := cargo +$(NIGHTLY) build -p rawpx --release --target $(TARGET) --target-dir target/nosimd \
	-Zbuild-std=core,alloc \
	--config 'target.$(TARGET).rustflags=["-Zunstable-options", "-Cpanic=immediate-abort", "-Ctarget-feature=-simd128", "--cfg", "rawpx_scalar"]'
# The same source on stable with the default panic strategy, for comparison.
STABLE  := cargo +stable build -p rawpx --release --target $(TARGET) --target-dir target/stable

SOURCES := $(shell find src -name '*.rs') Cargo.toml Cargo.lock .cargo/config.toml

# `make MODULE=resize,point`: a module of only those groups of exports
# (point, colour, blur, resize, geometry, composite, tone, rank, warp, linear: cargo features), built as
# dist/rawpx-only-resize+point.wasm, and its size report.
comma := ,
MODULE ?=
ONLY := $(if $(MODULE),dist/rawpx-only-$(subst $(comma),+,$(MODULE)).wasm)

.PHONY: all size size-check test test-js test-host test-wasm test-nosimd test-subsets test-browser fuzz demo bench tools clean
all: dist/rawpx.wasm dist/rawpx-nosimd.wasm size $(ONLY)
ifneq ($(MODULE),)
	node scripts/size-report.mjs $(ONLY)
endif

# --- tools -----------------------------------------------------------------
tools: .tools/rust .tools/wabt .tools/chromium .tools/firefox .tools/webkit .tools/pillow/bin/python node_modules/.package-lock.json

.tools/rust:
	rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src --target $(TARGET)
	rustup target add --toolchain stable $(TARGET)
	mkdir -p .tools && touch $@

.tools/wabt:
	command -v wasm-objdump >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y wabt; }
	mkdir -p .tools && touch $@

# Debian's Chromium, for the browser tests (playwright-core drives it).
.tools/chromium:
	[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }
	mkdir -p .tools && touch $@

# Debian's Firefox ESR, for the browser tests (puppeteer-core drives it
# over WebDriver BiDi).
.tools/firefox:
	[ -x /usr/bin/firefox-esr ] || { $(SUDO) apt-get update && $(SUDO) apt-get install -y firefox-esr; }
	mkdir -p .tools && touch $@

# Debian's WebKitGTK (Safari's engine) with its W3C WebDriver and a virtual
# display, for the browser tests (tests/browser/webkit.test.mjs).
.tools/webkit:
	[ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/bin/xvfb-run ] || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth; }
	mkdir -p .tools && touch $@

# A venv with the pinned Pillow, whose `Image.resize` the resize tests hold
# the module to.
.tools/pillow/bin/python: tests/pillow/requirements.txt
	rm -rf .tools/pillow
	python3 -m venv .tools/pillow
	.tools/pillow/bin/pip install --quiet --disable-pip-version-check -r $<

tests/out/pillow/goldens.bin: tests/pillow/goldens.py .tools/pillow/bin/python
	mkdir -p $(@D)
	.tools/pillow/bin/python $< $@

tests/out/pillow/rank.bin: tests/pillow/rank.py tests/pillow/goldens.py .tools/pillow/bin/python
	mkdir -p $(@D)
	.tools/pillow/bin/python $< $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# --- build -----------------------------------------------------------------
dist/rawpx.wasm: $(SOURCES) .tools/rust node_modules/.package-lock.json
	$(RELEASE)
	mkdir -p dist
	$(WASM_OPT) target/$(TARGET)/release/rawpx.wasm -o $@

dist/rawpx-nosimd.wasm: $(SOURCES) .tools/rust node_modules/.package-lock.json
	$(NOSIMD)
	mkdir -p dist
	$(WASM_OPT) target/nosimd/$(TARGET)/release/rawpx.wasm -o $@

# A subset module: `dist/rawpx-only-resize+point.wasm` has the resize and
# point groups only.
dist/rawpx-only-%.wasm: $(SOURCES) .tools/rust node_modules/.package-lock.json
	$(RELEASE) --no-default-features --features $(subst +,$(comma),$*)
	mkdir -p dist
	$(WASM_OPT) target/$(TARGET)/release/rawpx.wasm -o $@

dist/rawpx-stable.wasm: $(SOURCES) .tools/rust node_modules/.package-lock.json
	$(STABLE)
	mkdir -p dist
	$(WASM_OPT) target/stable/$(TARGET)/release/rawpx.wasm -o $@

size: dist/rawpx.wasm dist/rawpx-nosimd.wasm dist/rawpx-stable.wasm .tools/wabt
	node scripts/size-report.mjs

size-check: dist/rawpx.wasm dist/rawpx-nosimd.wasm dist/rawpx-stable.wasm .tools/wabt
	node scripts/size-report.mjs --check

# --- test ------------------------------------------------------------------
# The size check first, so the run ends on the test runners' own summary.
test: size-check test-js test-host test-wasm test-nosimd test-subsets test-browser

test-host: .tools/rust
	cargo +stable test -p rawpx

test-js: dist/rawpx.wasm dist/rawpx-nosimd.wasm dist/rawpx-only-point.wasm
	node --test tests/js/
	node_modules/.bin/tsc -p tests/types
	node_modules/.bin/tsc -p tests/types/tsconfig.es2022.json

# With the fuzz (tests/fuzz.rs): 30 s on the SIMD module, 10 s on the fallback.
test-wasm: dist/rawpx.wasm tests/out/pillow/goldens.bin tests/out/pillow/rank.bin
	FUZZ_SECONDS=30 cargo +stable test -p rawpx-wasm-tests

# The demo page in headless Chromium: streaming load, a chain and the worker
# pool equal to Node's pixels, clicks, a screenshot in tests/out/; the image
# types and CSS filters against Chromium's own; a Vite app from the packed
# package; the loader and the pool in Firefox.
test-browser: dist/rawpx.wasm dist/rawpx-nosimd.wasm .tools/chromium .tools/firefox .tools/webkit
	node --test tests/browser/

# The whole wasmtime suite again on the fallback: the same bytes as the
# scalar references, so as the SIMD module.
test-nosimd: dist/rawpx-nosimd.wasm tests/out/pillow/goldens.bin tests/out/pillow/rank.bin
	RAWPX_WASM=$(CURDIR)/dist/rawpx-nosimd.wasm FUZZ_SECONDS=10 cargo +stable test -p rawpx-wasm-tests

# Two subset modules under wasmtime: the exports each has (RAWPX_GROUPS),
# the memory contract, the fuzz, and their group's own suite.
test-subsets: dist/rawpx-only-resize.wasm dist/rawpx-only-point.wasm tests/out/pillow/goldens.bin
	RAWPX_WASM=$(CURDIR)/dist/rawpx-only-resize.wasm RAWPX_GROUPS=resize FUZZ_SECONDS=5 \
		cargo +stable test -p rawpx-wasm-tests --test memory --test fuzz --test resize
	RAWPX_WASM=$(CURDIR)/dist/rawpx-only-point.wasm RAWPX_GROUPS=point FUZZ_SECONDS=5 \
		cargo +stable test -p rawpx-wasm-tests --test memory --test fuzz --test point_ops

# `make fuzz SECONDS=600`: the module's fuzz, then the loader's, for longer.
SECONDS ?= 600
fuzz: dist/rawpx.wasm
	FUZZ_SECONDS=$(SECONDS) cargo +stable test -p rawpx-wasm-tests --test fuzz
	FUZZ_SECONDS=$(SECONDS) node --test tests/js/fuzz.test.mjs

# --- demo ------------------------------------------------------------------
# Serves the repository; open the printed address (js/demo/).
demo: dist/rawpx.wasm dist/rawpx-nosimd.wasm
	node scripts/serve.mjs 8080

# --- bench -----------------------------------------------------------------
# fast_image_resize from crates.io as a raw wasm32 SIMD128 module, a resize
# peer in the bench (scripts/bench/fir; never shipped).
FIR := scripts/bench/fir/target/$(TARGET)/release/fir_bench.wasm
$(FIR): scripts/bench/fir/Cargo.toml scripts/bench/fir/Cargo.lock scripts/bench/fir/src/lib.rs .tools/rust
	cargo +stable build --release --target $(TARGET) --manifest-path scripts/bench/fir/Cargo.toml

bench: dist/rawpx.wasm .tools/wabt $(FIR)
	node scripts/bench.mjs

clean:
	rm -rf dist target/stable
	cargo clean
