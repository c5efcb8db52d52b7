#!/usr/bin/env bash
# Runs the whole test suite (the README's second command). Finds a JDK 21+ the same way ./openclaw does.
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/find-jdk.sh
export JAVA_HOME="$JDK"
# Debian and npm packages the tests use (scripts/deps.d/*.sh); what cannot be installed is skipped visibly.
./scripts/test-deps.sh
exec mvn -B -ntp verify "$@"
