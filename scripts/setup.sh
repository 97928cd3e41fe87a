#!/usr/bin/env bash
# Installs what the project needs, skipping every step that is already satisfied, so a warm run
# costs a second. Only the package registries are used (crates.io, npm, Debian): see README.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium and its driver for the browser tests, CJK fonts so headless
#    Chromium draws Chinese text (screenshots, canvas chart labels), sqlite3 for inspecting
#    the receiver's database.
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk sqlite3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 3. Trunk, exactly 0.21.14 (0.22 needs a newer rustc than this toolchain).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (about 8 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi

# 4. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock. Not --locked: its own
#    lock pins a webpki-roots release the registry no longer has.
wbg=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# 5. Node packages from the committed lock files: Playwright + axe (no browser download) and
#    binaryen 132's wasm-opt for e2e/ and tools; better-sqlite3 for the Open311 receiver.
for dir in e2e receiver; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.cc-lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "npm ci in $dir/"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
done

# 6. Crate sources, so Trunk's offline build finds them.
cargo fetch --quiet
