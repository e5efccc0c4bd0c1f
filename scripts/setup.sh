#!/usr/bin/env bash
# Installs what building and testing need, on a fresh machine of this kind (Debian, rustup, node).
# Idempotent: each step is skipped when its tool is already there in the right version.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*" >&2; }

# Retries a command that may stall on the network (rustup once did, for a minute).
retry() {
  local n
  for n in 1 2 3; do
    if timeout 600 "$@"; then return 0; fi
    echo "attempt $n of 3 failed: $*" >&2
    sleep 5
  done
  return 1
}

# wasm32-unknown-unknown for clippy's look at the engine; wasm32-wasip1 for the command line the
# npm package runs in Node (scripts/build-node.sh).
for target in wasm32-unknown-unknown wasm32-wasip1; do
  if ! rustup target list --installed | grep -qx "$target"; then
    step "rustup target add $target"
    retry rustup target add "$target"
  fi
done

# The engine is compiled with a pinned nightly (scripts/build-web.sh says why): its standard
# library is rebuilt from source, so it needs rust-src and the wasm target.
wasm_toolchain=$(cat scripts/wasm-toolchain)
if ! rustup run "$wasm_toolchain" rustc --print sysroot >/dev/null 2>&1 ||
  ! rustup +"$wasm_toolchain" component list --installed | grep -q '^rust-src' ||
  ! rustup +"$wasm_toolchain" target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup toolchain install $wasm_toolchain (rust-src, wasm32; about 100 MB)"
  retry rustup toolchain install "$wasm_toolchain" --profile minimal \
    --component rust-src --target wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  step "cargo install wasm-bindgen-cli $want (about 3 minutes)"
  # No --locked: the CLI's own lock file pins a yanked crate.
  retry cargo install wasm-bindgen-cli --version "$want"
fi

# The browsers of the browser tests, from Debian: Chromium, Firefox ESR, WebKitGTK's WebDriver
# (with its MiniBrowser), and Xvfb, the display MiniBrowser needs. (wasm-opt comes from npm's
# binaryen, see build-site.sh.) The npm drivers never download a browser.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_=sudo
  retry $sudo_ apt-get update
  DEBIAN_FRONTEND=noninteractive retry $sudo_ apt-get install -y "${missing[@]}"
fi

# node_modules is reinstalled when package-lock.json is newer than the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  PUPPETEER_SKIP_DOWNLOAD=1 retry npm ci --no-audit --no-fund
fi
