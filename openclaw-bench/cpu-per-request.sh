#!/usr/bin/env bash
# Gateway CPU milliseconds per request: robust to other load on the machine (unlike req/s).
# usage: openclaw-bench/cpu-per-request.sh GATEWAY_PID URL JSON_BODY N [TOKEN]
#   Sends a 30,000-request warm-up, then N requests at 64 connections, and divides the gateway process's
#   utime+stime (from /proc/PID/stat) by N. Needs `mvn -DskipTests package` to have built openclaw-bench.
set -euo pipefail
PID=$1 URL=$2 BODY=$3 N=$4 TOKEN=${5:-${OPENCLAW_GATEWAY_TOKEN:-}}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/find-jdk.sh"
CP="$ROOT/openclaw-bench/target/classes:$ROOT/openclaw-bench/target/lib/*"
load() {
  "$JDK/bin/java" -cp "$CP" ai.openclaw.bench.LoadGenerator --url "$URL" --method POST \
    --header "Authorization: Bearer $TOKEN" --header "Content-Type: application/json" --body "$BODY" \
    --connections 64 --duration-s 120 --warmup-s 0 --max-requests "$1" 2>&1
}
cpu() { awk '{print $14+$15}' "/proc/$PID/stat"; }
load 30000 >/dev/null
C0=$(cpu)
load "$N" | grep -E "^requests|^throughput"
C1=$(cpu)
awk -v a="$C0" -v b="$C1" -v t="$(getconf CLK_TCK)" -v n="$N" \
  'BEGIN { printf "gateway cpu ms/request: %.3f\n", (b - a) / t * 1000 / n }'
