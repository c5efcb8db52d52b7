#!/usr/bin/env bash
# Runs the whole test suite (the README's second command). Finds a JDK 21+ the same way ./openclaw does.
set -euo pipefail
cd "$(dirname "$0")"
source ./scripts/find-jdk.sh
export JAVA_HOME="$JDK"
exec mvn -B -ntp verify "$@"
