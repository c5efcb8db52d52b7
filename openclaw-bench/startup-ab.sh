#!/usr/bin/env bash
# openclaw-bench/startup-ab.sh — start-up time of two builds, alternating (issue 12's "ready <= 1 s"):
#   each start is `ROOT/openclaw gateway --port 0`, timed by the gateway's own "ready N ms after JVM start" line;
#   "restart" reuses one state dir per build, "fresh" starts on an empty one (Flyway migrates, a token is generated).
#   Two warm-up starts per build first (the launcher's CDS archive, the restart state dir). Prints each sample and,
#   per build and kind, the sorted samples and the median. Only gateways this script started are stopped (by pid).
# usage: openclaw-bench/startup-ab.sh [--rounds N] BEFORE_ROOT AFTER_ROOT   (each a built checkout: ./openclaw --help)
set -euo pipefail
ROUNDS=7
while (( $# > 0 )); do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
if (( $# != 2 )); then
  echo "usage: openclaw-bench/startup-ab.sh [--rounds N] BEFORE_ROOT AFTER_ROOT" >&2; exit 2
fi
ROOTS=("$1" "$2")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
run() { # root statedir -> prints the ready ms
  OPENCLAW_STATE_DIR=$2 "$1/openclaw" gateway --port 0 > "$2.log" 2>&1 &
  local pid=$! i
  for i in $(seq 1 600); do grep -q "gateway listening" "$2.log" 2>/dev/null && break; sleep 0.05; done
  grep -o "ready [0-9]* ms" "$2.log" | grep -o "[0-9]*" || echo "no ready line: see $2.log" >&2
  sleep 0.5; kill "$pid"; wait "$pid" 2>/dev/null || true
}
for b in 0 1; do run "${ROOTS[$b]}" "$W/$b-restart" >/dev/null; run "${ROOTS[$b]}" "$W/$b-restart" >/dev/null; done
for i in $(seq 1 "$ROUNDS"); do
  for b in 0 1; do
    echo "$b restart $(run "${ROOTS[$b]}" "$W/$b-restart")"
    echo "$b fresh $(run "${ROOTS[$b]}" "$W/$b-fresh$i")"
  done
done | tee "$W/samples"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for b in 0 1; do
  for kind in restart fresh; do
    vals=$(awk -v b="$b" -v k="$kind" '$1 == b && $2 == k { print $3 }' "$W/samples" | sort -n)
    n=$(echo "$vals" | wc -l)
    echo "${ROOTS[$b]} $kind: $(echo $vals)  median $(echo "$vals" | sed -n "$(( (n + 1) / 2 ))p") ms"
  done
done
