#!/usr/bin/env bash
# openclaw-bench/chat-bench.sh — same-run comparison of the OpenAI-compatible chat path (issue 12):
#   the testkit's fake upstream directly (baseline), the gateway, and the peer @portkey-ai/gateway (npm),
#   each in front of the same fake upstream, each a separate process on 127.0.0.1.
#
# Per target and mode (non-streaming, streaming): one warm-up (W requests for the gateway), then in ROUNDS
# interleaved rounds N requests at 64 connections (closed loop); reports req/s, p50/p99 and the target's CPU
# milliseconds per request from /proc/PID/stat (utime+stime) — the robust figure on a shared machine.
# Then 1,000 req/s over 16 connections (fixed rate, latency from the intended send time) against each,
# so that "added latency" is target minus the baseline of the same run. Ready time over STARTS fresh
# starts (process start -> "gateway listening on"), RSS (VmRSS sampled, VmHWM at the end).
#
# Every load run is bounded by a request count and a time limit; only processes this script started are
# stopped (by pid). Needs `mvn -DskipTests package` first (openclaw-bench/target, openclaw-cli/target).
#
# The gateway's default warm-up is 100,000 requests: after 40,000 the JIT was still ~20 % of its CPU.
# usage: openclaw-bench/chat-bench.sh [--requests N] [--rounds R] [--rate-s S] [--starts K] [--no-portkey]
#                                     [--no-stream] [--warmup W] [--out FILE]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/find-jdk.sh"
JAVA="$JDK/bin/java"
CP="$ROOT/openclaw-bench/target/classes:$ROOT/openclaw-bench/target/lib/*"
N=20000 WARM=100000 ROUNDS=3 RATE_S=15 STARTS=3 PORTKEY=1 STREAM=1 OUT=""
COMMAND_LINE="openclaw-bench/chat-bench.sh $*"
while (( $# > 0 )); do
  case $1 in
    --requests) N=$2; shift 2 ;;
    --warmup) WARM=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --rate-s) RATE_S=$2; shift 2 ;;
    --starts) STARTS=$2; shift 2 ;;
    --no-portkey) PORTKEY=0; shift ;;
    --no-stream) STREAM=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--warmup W] [--rounds R] [--rate-s S] [--starts K] [--no-portkey] [--no-stream] [--out FILE]" >&2; exit 2 ;;
  esac
done
[[ -f $ROOT/openclaw-bench/target/classes/ai/openclaw/bench/LoadGenerator.class ]] \
  || { echo "build first: mvn -B -o -DskipTests package" >&2; exit 1; }
PORTKEY_JS="$ROOT/openclaw-bench/target/portkey/node_modules/@portkey-ai/gateway/build/start-server.js"
if (( PORTKEY )) && [[ ! -f $PORTKEY_JS ]]; then
  echo "[chat-bench] installing @portkey-ai/gateway from npm into openclaw-bench/target/portkey" >&2
  mkdir -p "$ROOT/openclaw-bench/target/portkey"
  (cd "$ROOT/openclaw-bench/target/portkey" && { [[ -f package.json ]] || npm init -y >/dev/null; } \
    && timeout 600 npm install --no-audit --no-fund @portkey-ai/gateway@1.15.2 >&2) \
    || { echo "[chat-bench] Portkey could not be installed: running without it" >&2; PORTKEY=0; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/chat-bench.XXXXXX")
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf -- "$WORK"
}
trap cleanup EXIT
log() { printf '[chat-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $(( t / 1000 )); }
wait_line() { # file text timeout_s pid -> the first matching line
  local deadline=$((SECONDS + $3)) line
  while (( SECONDS <= deadline )); do
    if line=$(grep -m1 -F -- "$2" "$1" 2>/dev/null); then printf '%s\n' "$line"; return 0; fi
    kill -0 "$4" 2>/dev/null || { tail -20 "$1" >&2; return 1; }
    sleep 0.02
  done
  tail -20 "$1" >&2; return 1
}
free_port() { local p; while :; do p=$(( 15000 + RANDOM % 15000 )); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
jnum() { grep -o "\"$2\":[^,}]*" "$1" | head -1 | cut -d: -f2- | tr -d '"'; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }
TCK=$(getconf CLK_TCK)

# ------------------------------------------------------------------------------------------ processes
log "starting the fake upstream"
"$JAVA" -XX:+UseSerialGC -cp "$CP" ai.openclaw.testkit.fake.FakeProviderMain --port 0 --reply "pong pong pong" \
  > "$WORK/upstream.log" 2>&1 &
UP_PID=$!; PIDS+=("$UP_PID")
line=$(wait_line "$WORK/upstream.log" "fake provider listening on " 120 "$UP_PID")
UP_PORT=$(sed -E 's#.*:([0-9]+).*#\1#' <<< "$line")
UPSTREAM="http://127.0.0.1:$UP_PORT"

TOKEN="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
GW_PID=""
start_gateway() { # n -> sets GW_PID GW_PORT READY_MS
  local state="$WORK/state-$1" t0 line
  mkdir -p "$state"
  cat > "$state/config.yaml" <<EOF
gateway:
  rate_limit: { requests_per_minute: 100000000, burst: 100000000 }
models:
  default: fake/fake-model
  providers:
    fake: { api: openai-completions, baseUrl: "$UPSTREAM/v1", apiKey: "bench" }
EOF
  GW_PORT=$(free_port)
  t0=$(now_ms)
  env -u OPENCLAW_CONFIG_PATH -u OPENCLAW_HOME OPENCLAW_STATE_DIR="$state" OPENCLAW_GATEWAY_TOKEN="$TOKEN" \
    JAVA_HOME="$JDK" "$ROOT/openclaw" gateway --port "$GW_PORT" > "$WORK/gateway-$1.log" 2>&1 &
  GW_PID=$!; PIDS+=("$GW_PID")
  wait_line "$WORK/gateway-$1.log" "gateway listening on " 180 "$GW_PID" > /dev/null
  READY_MS=$(( $(now_ms) - t0 ))
}
READY=()
for (( s = 1; s <= STARTS; s++ )); do
  start_gateway "$s"
  READY+=("$READY_MS")
  log "gateway start $s: ready in $READY_MS ms"
  if (( s < STARTS )); then kill -TERM "$GW_PID"; wait "$GW_PID" 2>/dev/null || true; fi
done
GW="http://127.0.0.1:$GW_PORT"

PK_PID="" PK=""
if (( PORTKEY )); then
  PK_PORT=$(free_port)
  (cd "$WORK" && exec node "$PORTKEY_JS" --port="$PK_PORT" --headless) > "$WORK/portkey.log" 2>&1 &
  PK_PID=$!; PIDS+=("$PK_PID")
  if wait_line "$WORK/portkey.log" "Ready for connections" 60 "$PK_PID" > /dev/null; then
    PK="http://127.0.0.1:$PK_PORT"
    log "Portkey $(node -p "require('$ROOT/openclaw-bench/target/portkey/node_modules/@portkey-ai/gateway/package.json').version") on $PK"
  else
    log "Portkey did not start; running without it"; PORTKEY=0
  fi
fi

# ------------------------------------------------------------------------------------------ load
UP_BODY='{"model":"fake-model","messages":[{"role":"user","content":"ping"}]}'
UP_SBODY='{"model":"fake-model","messages":[{"role":"user","content":"ping"}],"stream":true}'
GW_BODY='{"model":"fake/fake-model","messages":[{"role":"user","content":"ping"}]}'
GW_SBODY='{"model":"fake/fake-model","messages":[{"role":"user","content":"ping"}],"stream":true}'
H_JSON='Content-Type: application/json'
gen() { # out-json args...
  local out=$1; shift
  timeout -k 5 300 "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" ai.openclaw.bench.LoadGenerator --json "$@" \
    > "$out" 2> "$out.txt" || true
}
target_args() { # target mode -> LoadGenerator args (url, body, headers)
  local b
  case $1 in
    upstream) [[ $2 == stream ]] && b=$UP_SBODY || b=$UP_BODY
      printf '%s\0' --url "$UPSTREAM/v1/chat/completions" --method POST --body "$b" --header "$H_JSON" ;;
    gateway) [[ $2 == stream ]] && b=$GW_SBODY || b=$GW_BODY
      printf '%s\0' --url "$GW/v1/chat/completions" --method POST --body "$b" --header "$H_JSON" \
        --header "Authorization: Bearer $TOKEN" ;;
    portkey) [[ $2 == stream ]] && b=$UP_SBODY || b=$UP_BODY
      printf '%s\0' --url "$PK/v1/chat/completions" --method POST --body "$b" --header "$H_JSON" \
        --header "Authorization: Bearer bench" --header "x-portkey-provider: openai" \
        --header "x-portkey-custom-host: $UPSTREAM/v1" ;;
  esac
}
pid_of() { case $1 in upstream) echo "$UP_PID" ;; gateway) echo "$GW_PID" ;; portkey) echo "$PK_PID" ;; esac; }
TARGETS=(upstream gateway); (( PORTKEY )) && TARGETS+=(portkey)
MODES=(plain); (( STREAM )) && MODES+=(stream)
RSS_MAX=0
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$GW_PID/status"; }

closed() { # target mode round
  local args=() pid c0 c1 u0 u1 f="$WORK/closed-$1-$2-$3.json" r
  mapfile -d '' args < <(target_args "$1" "$2")
  pid=$(pid_of "$1")
  c0=$(cpu_ticks "$pid"); u0=$(cpu_ticks "$UP_PID")
  gen "$f" "${args[@]}" --connections 64 --duration-s 240 --warmup-s 0 --max-requests "$N" --label "$1-$2"
  c1=$(cpu_ticks "$pid"); u1=$(cpu_ticks "$UP_PID")
  r=$(rss_kb); (( r > RSS_MAX )) && RSS_MAX=$r
  local cpu ucpu
  cpu=$(awk -v a="$c0" -v b="$c1" -v t="$TCK" -v n="$N" 'BEGIN {printf "%.4f", (b-a)/t*1000/n}')
  ucpu=$(awk -v a="$u0" -v b="$u1" -v t="$TCK" -v n="$N" 'BEGIN {printf "%.4f", (b-a)/t*1000/n}')
  printf '%s %s %s %s %s %s %s %s %s\n' "$1" "$2" "$3" "$(jnum "$f" throughput)" "$(jnum "$f" p50Ms)" \
    "$(jnum "$f" p99Ms)" "$(jnum "$f" errors)" "$cpu" "$ucpu" >> "$WORK/closed.txt"
  log "$1 $2 round $3: $(jnum "$f" throughput) req/s, p50 $(jnum "$f" p50Ms) ms, p99 $(jnum "$f" p99Ms) ms, errors $(jnum "$f" errors), target CPU $cpu ms/req (upstream $ucpu), load $(cut -d' ' -f1 /proc/loadavg)"
}
warm() { # target mode: one warm-up of WARM requests (the gateway's JIT), N for the others
  local args=() n=$N
  [[ $1 == gateway ]] && n=$WARM
  mapfile -d '' args < <(target_args "$1" "$2")
  log "warm-up $1 $2: $n requests"
  gen "$WORK/warm.json" "${args[@]}" --connections 64 --duration-s 240 --warmup-s 0 --max-requests "$n"
}
for m in "${MODES[@]}"; do for t in "${TARGETS[@]}"; do warm "$t" "$m"; done; done
LOADS=()
for (( r = 1; r <= ROUNDS; r++ )); do
  for m in "${MODES[@]}"; do for t in "${TARGETS[@]}"; do closed "$t" "$m" "$r"; done; done
  LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
done

rate() { # target round
  local args=() f="$WORK/rate-$1-$2.json"
  mapfile -d '' args < <(target_args "$1" plain)
  gen "$f" "${args[@]}" --connections 16 --rate 1000 --warmup-s 2 --duration-s "$RATE_S" --max-requests 200000
  printf '%s %s %s %s %s\n' "$1" "$2" "$(jnum "$f" p50Ms)" "$(jnum "$f" p99Ms)" "$(jnum "$f" errors)" >> "$WORK/rate.txt"
  log "$1 @1000 req/s round $2: p50 $(jnum "$f" p50Ms) ms, p99 $(jnum "$f" p99Ms) ms, errors $(jnum "$f" errors)"
}
for (( r = 1; r <= 2; r++ )); do for t in "${TARGETS[@]}"; do rate "$t" "$r"; done; done
HWM=$(awk '/^VmHWM/ {print $2}' "/proc/$GW_PID/status")
RSS_END=$(rss_kb)

# ------------------------------------------------------------------------------------------ report
col() { awk -v t="$1" -v m="$2" -v c="$3" '$1==t && $2==m {print $c}' "$WORK/closed.txt" | median; }
rcol() { awk -v t="$1" -v c="$2" '$1==t {print $c}' "$WORK/rate.txt" | median; }
REPORT="$WORK/report.md"
{
  echo "### chat-bench — $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git -C "$ROOT" rev-parse --short HEAD)\`"
  echo
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average (1 min) after each round: ${LOADS[*]}"
  echo "- Command: \`$COMMAND_LINE\` (one warm-up per target and mode — $WARM requests for the gateway, $N for the others — then $N requests per measurement, $ROUNDS rounds interleaved, medians shown)"
  echo
  echo "| target | mode | req/s @64 | p50 ms | p99 ms | errors | target CPU ms/req | upstream CPU ms/req |"
  echo "|---|---|---|---|---|---|---|---|"
  for m in "${MODES[@]}"; do for t in "${TARGETS[@]}"; do
    printf '| %s | %s | %.0f | %.3f | %.3f | %.0f | **%.3f** | %.3f |\n' "$t" "$m" "$(col "$t" "$m" 4)" "$(col "$t" "$m" 5)" \
      "$(col "$t" "$m" 6)" "$(col "$t" "$m" 7)" "$(col "$t" "$m" 8)" "$(col "$t" "$m" 9)"
  done; done
  echo
  echo "Fixed rate 1,000 req/s, 16 connections, ${RATE_S} s after 2 s warm-up, two runs (median; latency from the intended send time):"
  echo
  echo "| target | p50 ms | p99 ms | added p50 ms | added p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  b50=$(rcol upstream 3); b99=$(rcol upstream 4)
  for t in "${TARGETS[@]}"; do
    printf '| %s | %.3f | %.3f | %.3f | %.3f | %.0f |\n' "$t" "$(rcol "$t" 3)" "$(rcol "$t" 4)" \
      "$(awk -v a="$(rcol "$t" 3)" -v b="$b50" 'BEGIN {print a-b}')" "$(awk -v a="$(rcol "$t" 4)" -v b="$b99" 'BEGIN {print a-b}')" "$(rcol "$t" 5)"
  done
  echo
  echo "- Gateway ready (process start -> \`gateway listening on\`, fresh state dir, $STARTS starts): ${READY[*]} ms"
  echo "- Gateway RSS: max sampled after each measurement $(( RSS_MAX / 1024 )) MB, at the end $(( RSS_END / 1024 )) MB, VmHWM $(( HWM / 1024 )) MB"
  echo
  echo "<details><summary>raw rows (target mode round req/s p50 p99 errors cpu-ms/req upstream-cpu-ms/req)</summary>"
  echo; echo '```'; cat "$WORK/closed.txt" "$WORK/rate.txt"; echo '```'; echo; echo "</details>"
} > "$REPORT"
cat "$REPORT"
[[ -n $OUT ]] && cp "$REPORT" "$OUT"
exit 0
