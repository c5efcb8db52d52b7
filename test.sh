#!/usr/bin/env bash
# Runs the whole test suite (the README's second command). Finds a JDK 21+ the same way ./openclaw does.
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/find-jdk.sh
export JAVA_HOME="$JDK"
# The official OpenAI Node SDK, for the acceptance test that runs it unmodified (skipped if npm is unavailable).
if command -v npm >/dev/null 2>&1 && [[ ! -d openclaw-it/target/npm/node_modules/openai ]]; then
  mkdir -p openclaw-it/target/npm
  timeout 180 npm install --prefix openclaw-it/target/npm --no-audit --no-fund --silent openai@7.55.0 >/dev/null 2>&1 \
    || echo "test.sh: could not install the openai npm package; its acceptance test will be skipped" >&2
fi
exec mvn -B -ntp verify "$@"
