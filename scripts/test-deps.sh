#!/usr/bin/env bash
# Installs what the test suite needs beyond the JDK and Maven, from the lists in scripts/deps.d/*.sh:
#   APT_PACKAGES+=(name ...)   Debian packages (installed with apt-get when running as root; else reported)
#   NPM_PACKAGES+=(name@ver …) npm packages, installed together into openclaw-it/target/npm (the tests' cache)
# Each feature adds its own file in scripts/deps.d/, so lists never collide. Nothing here fails the run: what
# cannot be installed is reported, and the tests that need it skip with a visible message.
set -uo pipefail
cd "$(dirname "$0")/.."
APT_PACKAGES=(); NPM_PACKAGES=()
# logs go beside the npm cache, owned by whoever runs the tests (a shared /tmp file may belong to another user)
LOGS=openclaw-it/target/test-deps
mkdir -p "$LOGS"
for f in scripts/deps.d/*.sh; do [[ -f "$f" ]] && source "$f"; done

missing_apt=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_apt+=("$p")
done
if ((${#missing_apt[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: installing Debian packages: ${missing_apt[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    { timeout 300 apt-get update -qq && timeout 900 apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"; } >$LOGS/apt.log 2>&1 \
      || echo "test-deps: could not install ${missing_apt[*]} (see $LOGS/apt.log); the tests that need them will be skipped" >&2
  else
    echo "test-deps: not root, cannot install Debian packages ${missing_apt[*]}; the tests that need them will be skipped" >&2
  fi
fi

NPM_DIR=openclaw-it/target/npm
missing_npm=()
for p in "${NPM_PACKAGES[@]}"; do
  name=${p%@*}; [[ "$p" == @* && "$name" != *@* ]] && name=$p   # a scoped name without a version
  [[ -d "$NPM_DIR/node_modules/$name" ]] || missing_npm+=("$p")
done
if ((${#missing_npm[@]})); then
  if command -v npm >/dev/null 2>&1; then
    mkdir -p "$NPM_DIR"
    [[ -f "$NPM_DIR/package.json" ]] || echo '{"name":"openclaw-it-npm","private":true}' > "$NPM_DIR/package.json"
    echo "test-deps: installing npm packages: ${missing_npm[*]}" >&2
    timeout 600 npm install --prefix "$NPM_DIR" --no-audit --no-fund --silent "${missing_npm[@]}" >$LOGS/npm.log 2>&1 \
      || echo "test-deps: could not install npm packages (see $LOGS/npm.log); the tests that need them will be skipped" >&2
  else
    echo "test-deps: npm not found; the tests that run npm packages will be skipped" >&2
  fi
fi
exit 0
