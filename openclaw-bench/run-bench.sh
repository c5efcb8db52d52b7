#!/usr/bin/env bash
# openclaw-bench/run-bench.sh — load benchmark of the openclaw-java gateway.
#
# Builds the project, starts the testkit's fake OpenAI-compatible provider and the gateway
# (each a separate process on 127.0.0.1), measures the gateway's ready time, drives load with
# ai.openclaw.bench.LoadGenerator and samples the gateway's RSS with ai.openclaw.bench.RssSampler,
# then prints a Markdown section (also written to --out FILE) with the results against the targets:
#   >= 5,000 req/s at 64 connections; gateway-added p99 <= 1 ms at 1,000 req/s;
#   ready <= 1 s; RSS <= 256 MB.
#
# Every load run is bounded in time and count; only processes this script started are stopped.
# Run it from anywhere: `openclaw-bench/run-bench.sh [--quick] [--duration-s N] [--out FILE]`.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
COMMAND_LINE=$(printf '%q ' "$0" "$@")
COMMAND_LINE=${COMMAND_LINE% }

usage() {
  cat <<'EOF'
usage: openclaw-bench/run-bench.sh [options]
  --duration-s N       measured seconds per closed-loop scenario (default 15)
  --warmup-s N         warm-up seconds before each measurement (default 3)
  --rate-duration-s N  measured seconds of each 1,000 req/s run (default 20)
  --starts N           gateway starts for the ready-time measurement (default 5)
  --quick              smoke test: 3 s runs, 1 s warm-up, 3 starts
  --out FILE           also write the Markdown section to FILE
  --no-build           do not run `mvn package` (use the existing build)
  --keep               keep the work directory (logs, raw JSON results)
  -h, --help           this help
EOF
}

DURATION=15
WARMUP=3
RATE_DURATION=20
STARTS=5
QUICK=0
OUT=""
BUILD=1
KEEP=0
explicit_duration="" explicit_warmup="" explicit_rate_duration="" explicit_starts=""

need_int() { # name value
  if ! [[ $2 =~ ^[0-9]+$ ]] || (( $2 < 1 || $2 > 3600 )); then
    echo "run-bench: $1 needs an integer in [1, 3600], got '$2'" >&2
    exit 2
  fi
}

while (( $# > 0 )); do
  case $1 in
    --duration-s) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; need_int "$1" "$2"; explicit_duration=$2; shift 2 ;;
    --warmup-s) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; need_int "$1" "$2"; explicit_warmup=$2; shift 2 ;;
    --rate-duration-s) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; need_int "$1" "$2"; explicit_rate_duration=$2; shift 2 ;;
    --starts) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; need_int "$1" "$2"; explicit_starts=$2; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --out) [[ $# -ge 2 && -n $2 ]] || { usage >&2; exit 2; }; OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-bench: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if (( QUICK )); then
  DURATION=3 WARMUP=1 RATE_DURATION=3 STARTS=3
fi
DURATION=${explicit_duration:-$DURATION}
WARMUP=${explicit_warmup:-$WARMUP}
RATE_DURATION=${explicit_rate_duration:-$RATE_DURATION}
STARTS=${explicit_starts:-$STARTS}
if [[ -n $OUT ]]; then
  OUT_DIR=$(dirname -- "$OUT")
  [[ -d $OUT_DIR ]] || { echo "run-bench: directory of --out does not exist: $OUT_DIR" >&2; exit 2; }
  OUT="$(cd "$OUT_DIR" && pwd)/$(basename -- "$OUT")"
fi

CONNECTIONS=64
RATE=1000
RATE_CONNECTIONS=16
UPSTREAM_TIMEOUT_S=${OPENCLAW_BENCH_READY_TIMEOUT_S:-120}   # ready line of the fake provider
GATEWAY_TIMEOUT_S=${OPENCLAW_BENCH_READY_TIMEOUT_S:-180}    # ready line of the gateway (first start may still compile)
STOP_TIMEOUT_S=15        # SIGTERM grace before SIGKILL
OVERHEAD_HEADER=X-OpenClaw-Overhead-Ms

log() { printf '[run-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------------------------ processes

PIDS=()          # every background process this script started (and only those)
declare -A STAMPER=()   # pid of a started command -> pid of the process time-stamping its output
WORK=""
FAILED=1

is_alive() { # pid -> running (a zombie counts as gone)
  local stat
  [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

descendants() { # pid -> all descendant pids (children of our own processes are ours too)
  local child
  for child in $(pgrep -P "$1" 2>/dev/null || true); do
    descendants "$child"
    echo "$child"
  done
}

forget_pid() {
  local p keep=()
  for p in "${PIDS[@]}"; do
    [[ $p == "$1" ]] || keep+=("$p")
  done
  PIDS=("${keep[@]}")
}

any_alive() { local p; for p in "$@"; do is_alive "$p" && return 0; done; return 1; }

# stop_pid PID: SIGTERM its descendants (deepest first, so that a launcher that did not exec can
# reap its java), then PID itself; SIGKILL whatever is left after STOP_TIMEOUT_S.
stop_pid() {
  local pid=$1 kids=() p i
  if is_alive "$pid"; then
    mapfile -t kids < <(descendants "$pid")
    if (( ${#kids[@]} > 0 )); then
      kill -TERM "${kids[@]}" 2>/dev/null || true
      for (( i = 0; i < STOP_TIMEOUT_S * 10; i++ )); do
        any_alive "${kids[@]}" || break
        sleep 0.1
      done
    fi
    if is_alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
    for (( i = 0; i < STOP_TIMEOUT_S * 10; i++ )); do
      is_alive "$pid" || break
      sleep 0.1
    done
    for p in "${kids[@]}" "$pid"; do
      if is_alive "$p"; then kill -KILL "$p" 2>/dev/null || true; fi
    done
  fi
  wait "$pid" 2>/dev/null || true
  forget_pid "$pid"
  # its output stamper ends at end of input; reap it now so that its pid is never reused under us
  local stamper=${STAMPER[$pid]:-}
  if [[ -n $stamper ]]; then
    unset 'STAMPER[$pid]'
    for (( i = 0; i < 20; i++ )); do
      is_alive "$stamper" || break
      sleep 0.1
    done
    stop_pid "$stamper"
  fi
}

cleanup() {
  local rc=$? p list
  set +e
  trap - EXIT INT TERM
  list=("${PIDS[@]}")
  for (( p = ${#list[@]} - 1; p >= 0; p-- )); do
    stop_pid "${list[p]}"
  done
  if [[ -n $WORK && -d $WORK ]]; then
    if (( KEEP || FAILED )); then
      log "work directory kept: $WORK"
    else
      rm -rf -- "$WORK"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

# Copies stdin to stdout, prefixing every line with the wall clock in microseconds, until a line
# matches $1; after that it passes the rest through unchanged (cheaply, with cat).
stamp_lines() {
  local ready=$1 line
  while IFS= read -r line || [[ -n $line ]]; do
    printf '%s %s\n' "${EPOCHREALTIME/[.,]/}" "$line"
    if [[ $line == *"$ready"* ]]; then
      exec cat
    fi
  done
}

# start_logged NAME READY_TEXT CMD... : starts CMD in the background with its stdout+stderr
# time-stamped into $WORK/NAME.log. Sets STARTED_PID (the command) and STARTED_AT_US.
start_logged() {
  local name=$1 ready=$2
  shift 2
  local fifo="$WORK/$name.fifo"
  rm -f -- "$fifo"
  mkfifo -- "$fifo"
  stamp_lines "$ready" < "$fifo" > "$WORK/$name.log" &
  local stamper=$!
  PIDS+=("$stamper")
  STARTED_AT_US=$(now_us)
  "$@" > "$fifo" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  STAMPER[$STARTED_PID]=$stamper
}

# wait_ready NAME READY_TEXT PID TIMEOUT_S : prints the time-stamped ready line, or fails
wait_ready() {
  local name=$1 ready=$2 pid=$3 timeout=$4 line deadline=$((SECONDS + $4))
  while (( SECONDS <= deadline )); do
    if line=$(grep -m1 -F -- "$ready" "$WORK/$name.log" 2>/dev/null); then
      printf '%s\n' "$line"
      return 0
    fi
    if ! is_alive "$pid"; then
      log "$name exited before it was ready; last lines of its log:"
      tail -n 30 "$WORK/$name.log" >&2 || true
      return 1
    fi
    sleep 0.05
  done
  log "$name not ready after ${timeout}s; last lines of its log:"
  tail -n 30 "$WORK/$name.log" >&2 || true
  return 1
}

java_pid_of() { # pid -> the java process: the pid itself when the launcher exec'd java, else a descendant
  local pid=$1 p
  for p in "$pid" $(descendants "$pid"); do
    if [[ $(cat "/proc/$p/comm" 2>/dev/null) == java ]]; then
      echo "$p"
      return 0
    fi
  done
  echo "$pid"
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Htan "( sport = :$1 )" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

free_port() { # a port below the ephemeral range, not in use
  local p i
  for (( i = 0; i < 200; i++ )); do
    p=$(( 15000 + RANDOM % 15000 ))
    if ! port_in_use "$p"; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# ------------------------------------------------------------------------------------ JDK + build

java_major() { # JAVA_HOME -> major version, or 0
  local v
  v=$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }') || true
  [[ -n $v ]] || { echo 0; return; }
  if [[ $v == 1.* ]]; then v=${v#1.}; fi
  v=${v%%[!0-9]*}
  echo "${v:-0}"
}

find_jdk() {
  local c candidates=() found=()
  if [[ -n ${JAVA_HOME:-} ]]; then candidates+=("$JAVA_HOME"); fi
  # newest first: Temurin, then any other JDK (an unmatched glob stays literal and fails the -x test)
  mapfile -t found < <(printf '%s\n' /usr/lib/jvm/*temurin* | sort -rV)
  candidates+=("${found[@]}")
  mapfile -t found < <(printf '%s\n' /usr/lib/jvm/* | sort -rV)
  candidates+=("${found[@]}")
  for c in "${candidates[@]}"; do
    if [[ -x $c/bin/java && -x $c/bin/javac ]] && (( $(java_major "$c") >= 21 )); then
      (cd "$c" && pwd -P)
      return 0
    fi
  done
  return 1
}

JDK=$(find_jdk) || die "no JDK >= 21 found (set JAVA_HOME or install one under /usr/lib/jvm)"
JAVA="$JDK/bin/java"
export JAVA_HOME="$JDK"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/openclaw-bench.XXXXXX")
log "JDK: $JDK ($(java_major "$JDK")); work directory: $WORK"

cd "$ROOT"
if (( BUILD )); then
  log "building: mvn -B -q -DskipTests package"
  if ! timeout --foreground 1800 mvn -B -q -DskipTests package > "$WORK/build.log" 2>&1; then
    tail -n 60 "$WORK/build.log" >&2 || true
    die "build failed (log: $WORK/build.log)"
  fi
fi
[[ -x ./openclaw ]] || die "launcher ./openclaw not found in $ROOT"
log "checking the launcher: ./openclaw --help"
if ! timeout --foreground 1800 ./openclaw --help > "$WORK/launcher-help.log" 2>&1; then
  tail -n 40 "$WORK/launcher-help.log" >&2 || true
  die "./openclaw --help failed"
fi
CP="$ROOT/openclaw-bench/target/classes:$ROOT/openclaw-bench/target/lib/*"
[[ -f $ROOT/openclaw-bench/target/classes/ai/openclaw/bench/LoadGenerator.class ]] \
  || die "openclaw-bench is not built (missing target/classes); run without --no-build"

# ------------------------------------------------------------------------------------ helpers

TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

jnum() { # FILE KEY -> the value of a top-level JSON field as printed by LoadGenerator/RssSampler, or n/a
  local v
  v=$(grep -o "\"$2\":[^,}]*" "$1" 2>/dev/null | head -n 1 | cut -d: -f2- | tr -d '"') || true
  [[ -n $v && $v != null ]] && echo "$v" || echo "n/a"
}

fmt() { # number [decimals] -> formatted, n/a passes through
  [[ $1 == n/a ]] && { echo "n/a"; return; }
  awk -v x="$1" -v d="${2:-2}" 'BEGIN { printf "%.*f\n", d, x }'
}

fmt_int() { # number -> integer with thousands separators
  [[ $1 == n/a ]] && { echo "n/a"; return; }
  awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }'
}

cmp_le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
cmp_ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }

verdict() { # value op target -> PASS/FAIL/n/a
  [[ $1 == n/a ]] && { echo "n/a"; return; }
  if [[ $2 == le ]]; then cmp_le "$1" "$3" && echo "PASS" || echo "FAIL"
  else cmp_ge "$1" "$3" && echo "PASS" || echo "FAIL"; fi
}

# load NAME LOADGEN-ARGS... : one LoadGenerator run, results in $WORK/NAME.json (text in NAME.txt)
load() {
  local name=$1 rc=0 limit
  shift
  # the generator stops itself; this is only a watchdog
  limit=$(( WARMUP + (DURATION > RATE_DURATION ? DURATION : RATE_DURATION) + 90 ))
  log "scenario $name: $*"
  timeout -k 10 "$limit" "$JAVA" -Xms64m -Xmx256m -XX:+UseSerialGC -cp "$CP" ai.openclaw.bench.LoadGenerator \
    --json --label "$name" --warmup-s "$WARMUP" "$@" > "$WORK/$name.json" 2> "$WORK/$name.txt" &
  local pid=$!
  PIDS+=("$pid")
  wait "$pid" || rc=$?
  forget_pid "$pid"
  cat "$WORK/$name.txt" >&2 || true
  if (( rc != 0 )) || [[ ! -s $WORK/$name.json ]]; then
    log "WARNING: load generator for $name failed (exit $rc)"
    echo '{}' > "$WORK/$name.json"
  fi
  sleep 1
}

rss_once() { # pid -> JSON line of one RssSampler sample (or {})
  "$JAVA" -Xmx32m -XX:+UseSerialGC -cp "$CP" ai.openclaw.bench.RssSampler --pid "$1" --once --json 2>/dev/null || echo '{}'
}

# ------------------------------------------------------------------------------------ fake upstream

log "starting the fake provider"
start_logged upstream "fake provider listening on " \
  "$JAVA" -cp "$CP" ai.openclaw.testkit.fake.FakeProviderMain --port 0 --reply "pong pong pong"
UPSTREAM_PID=$STARTED_PID
line=$(wait_ready upstream "fake provider listening on " "$UPSTREAM_PID" "$UPSTREAM_TIMEOUT_S") \
  || die "the fake provider did not start"
UPSTREAM_PORT=$(sed -E 's#.*listening on http://[^ ]*:([0-9]+).*#\1#' <<< "$line")
[[ $UPSTREAM_PORT =~ ^[0-9]+$ ]] || die "cannot parse the fake provider's port from: $line"
UPSTREAM="http://127.0.0.1:$UPSTREAM_PORT"
log "fake provider on $UPSTREAM"

UP_BODY='{"model":"fake-model","messages":[{"role":"user","content":"ping"}]}'
GW_BODY='{"model":"fake/fake-model","messages":[{"role":"user","content":"ping"}]}'
GW_STREAM_BODY='{"model":"fake/fake-model","messages":[{"role":"user","content":"ping"}],"stream":true}'
MSG_BODY='{"text":"ping","session":"bench-{{conn}}"}'
JSON_HEADER='Content-Type: application/json'

# a. baseline: the upstream directly
load a-upstream --url "$UPSTREAM/v1/chat/completions" --method POST --body "$UP_BODY" \
  --header "$JSON_HEADER" --connections "$CONNECTIONS" --duration-s "$DURATION"

# ------------------------------------------------------------------------------------ gateway

GW_PID="" GW_JAVA_PID="" GW_PORT="" GW_READY_MS=""

# start_gateway N : fresh state dir, start, wait for the ready line; sets GW_* variables
start_gateway() {
  local n=$1 state="$WORK/state-$1" port line ready_us
  mkdir -p "$state"
  cat > "$state/config.yaml" <<EOF
gateway:
  rate_limit: { requests_per_minute: 100000000, burst: 100000000 }
models:
  default: fake/fake-model
  providers:
    fake: { api: openai-completions, baseUrl: "http://127.0.0.1:$UPSTREAM_PORT/v1", apiKey: "bench" }
EOF
  port=$(free_port) || die "no free port found"
  start_logged "gateway-$n" "gateway listening on " \
    env -u OPENCLAW_CONFIG_PATH -u OPENCLAW_HOME OPENCLAW_STATE_DIR="$state" OPENCLAW_GATEWAY_TOKEN="$TOKEN" \
    JAVA_HOME="$JDK" ./openclaw gateway --port "$port"
  GW_PID=$STARTED_PID
  line=$(wait_ready "gateway-$n" "gateway listening on " "$GW_PID" "$GATEWAY_TIMEOUT_S") \
    || die "the gateway did not start (log: $WORK/gateway-$n.log)"
  ready_us=${line%% *}
  GW_READY_MS=$(awk -v a="$ready_us" -v b="$STARTED_AT_US" 'BEGIN { printf "%.0f", (a - b) / 1000 }')
  GW_PORT=$(sed -E 's#.*gateway listening on http://[^ ]*:([0-9]+).*#\1#' <<< "$line")
  [[ $GW_PORT =~ ^[0-9]+$ ]] || GW_PORT=$port
  GW_JAVA_PID=$(java_pid_of "$GW_PID")
  log "gateway start $n: ready in ${GW_READY_MS} ms on port $GW_PORT (pid $GW_PID, java pid $GW_JAVA_PID)"
}

READY_TIMES=()
for (( n = 1; n <= STARTS; n++ )); do
  start_gateway "$n"
  READY_TIMES+=("$GW_READY_MS")
  if (( n < STARTS )); then
    stop_pid "$GW_PID"
  fi
done
READY_MEDIAN=$(printf '%s\n' "${READY_TIMES[@]}" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.0f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
READY_MIN=$(printf '%s\n' "${READY_TIMES[@]}" | sort -n | head -n 1)
READY_ALL=$(IFS=,; echo "${READY_TIMES[*]}")
READY_ALL=${READY_ALL//,/, }

GW="http://127.0.0.1:$GW_PORT"
AUTH="Authorization: Bearer $TOKEN"
sleep 1
RSS_IDLE=$(rss_once "$GW_JAVA_PID")

gateway_alive() {
  if ! is_alive "$GW_JAVA_PID"; then
    log "WARNING: the gateway is gone; last lines of its log:"
    tail -n 30 "$WORK/gateway-$STARTS.log" >&2 || true
    return 1
  fi
}

# f. RSS sampled during b-d
log "sampling the gateway's RSS (java pid $GW_JAVA_PID)"
"$JAVA" -Xmx32m -XX:+UseSerialGC -cp "$CP" ai.openclaw.bench.RssSampler --pid "$GW_JAVA_PID" --interval-ms 200 \
  --duration-s $(( 3 * (WARMUP + DURATION + 10) + 60 )) --stop-file "$WORK/rss.stop" --json > "$WORK/rss-load.json" 2>/dev/null &
RSS_PID=$!
PIDS+=("$RSS_PID")

# b. gateway chat completions, non-stream
gateway_alive && load b-gateway-chat --url "$GW/v1/chat/completions" --method POST --body "$GW_BODY" \
  --header "$JSON_HEADER" --header "$AUTH" --connections "$CONNECTIONS" --duration-s "$DURATION"
# c. gateway chat completions, stream
gateway_alive && load c-gateway-stream --url "$GW/v1/chat/completions" --method POST --body "$GW_STREAM_BODY" \
  --header "$JSON_HEADER" --header "$AUTH" --connections "$CONNECTIONS" --duration-s "$DURATION"
# d. gateway /api/v1/message, one session per connection (turns in one session are serialized)
gateway_alive && load d-gateway-message --url "$GW/api/v1/message" --method POST --body "$MSG_BODY" \
  --header "$JSON_HEADER" --header "$AUTH" --connections "$CONNECTIONS" --duration-s "$DURATION"

touch "$WORK/rss.stop"
for (( i = 0; i < 50; i++ )); do
  is_alive "$RSS_PID" || break
  sleep 0.1
done
stop_pid "$RSS_PID"
sleep 3
RSS_AFTER=$(rss_once "$GW_JAVA_PID")

# e. fixed rate: upstream directly, then the gateway
load e1-upstream-rate --url "$UPSTREAM/v1/chat/completions" --method POST --body "$UP_BODY" \
  --header "$JSON_HEADER" --connections "$RATE_CONNECTIONS" --rate "$RATE" --duration-s "$RATE_DURATION"
gateway_alive && load e2-gateway-rate --url "$GW/v1/chat/completions" --method POST --body "$GW_BODY" \
  --header "$JSON_HEADER" --header "$AUTH" --connections "$RATE_CONNECTIONS" --rate "$RATE" \
  --duration-s "$RATE_DURATION" --overhead-header "$OVERHEAD_HEADER"
RSS_END=$(rss_once "$GW_JAVA_PID")

# ------------------------------------------------------------------------------------ report

for f in a-upstream b-gateway-chat c-gateway-stream d-gateway-message e1-upstream-rate e2-gateway-rate; do
  [[ -s $WORK/$f.json ]] || echo '{}' > "$WORK/$f.json"
done
printf '%s\n' "$RSS_IDLE" > "$WORK/rss-idle.json"
printf '%s\n' "$RSS_AFTER" > "$WORK/rss-after.json"
printf '%s\n' "$RSS_END" > "$WORK/rss-end.json"
[[ -s $WORK/rss-load.json ]] || echo '{}' > "$WORK/rss-load.json"

row() { # name label connections target-kind
  local f="$WORK/$1.json" rps ok_rps target=""
  rps=$(jnum "$f" throughput)
  ok_rps=$(jnum "$f" okThroughput)
  case $4 in
    tput) target="≥ 5,000 req/s: $(verdict "$ok_rps" ge 5000)" ;;
    base) target="baseline" ;;
    rate) target="see below" ;;
  esac
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$3" "$(fmt_int "$rps")" "$(fmt "$(jnum "$f" p50Ms)" 3)" \
    "$(fmt "$(jnum "$f" p99Ms)" 3)" "$(jnum "$f" errors)" "$target"
}

diff_ms() { # a b -> a - b, or n/a
  if [[ $1 == n/a || $2 == n/a ]]; then echo "n/a"; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", a - b }'; fi
}

E1="$WORK/e1-upstream-rate.json"
E2="$WORK/e2-gateway-rate.json"
ADDED_P50=$(diff_ms "$(jnum "$E2" p50Ms)" "$(jnum "$E1" p50Ms)")
ADDED_P99=$(diff_ms "$(jnum "$E2" p99Ms)" "$(jnum "$E1" p99Ms)")
OH_COUNT=$(jnum "$E2" overheadCount)
RSS_MAX=$(jnum "$WORK/rss-load.json" maxRssMb)
RSS_HWM=$(jnum "$WORK/rss-end.json" hwmMb)
[[ $RSS_HWM == n/a ]] && RSS_HWM=$(jnum "$WORK/rss-load.json" hwmMb)
RSS_AFTER_MB=$(jnum "$WORK/rss-after.json" lastRssMb)

CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
MEM_GB=$(free -g 2>/dev/null | awk '/^Mem:/ { print $2 }' || true)
JAVA_VERSION=$("$JAVA" -version 2>&1 | paste -sd';' - | sed 's/;/; /g')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)

REPORT="$WORK/report.md"
{
  echo "## Load benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores (\`nproc\`), ${MEM_GB:-?} GB RAM (\`free -g\` total), CPU: ${CPU_MODEL:-unknown}"
  echo "- JDK: \`$JAVA_VERSION\`"
  echo "- Commit: \`$COMMIT\`"
  echo "- Command: \`$COMMAND_LINE\`"
  echo "- Runs: ${WARMUP} s warm-up, then ${DURATION} s measured (closed loop, ${CONNECTIONS} connections); fixed-rate runs ${RATE} req/s over ${RATE_CONNECTIONS} connections for ${RATE_DURATION} s. Load generator (\`ai.openclaw.bench.LoadGenerator\`, keep-alive HTTP/1.1), fake provider and gateway share the same machine."
  echo
  echo "| scenario | connections | req/s | p50 (ms) | p99 (ms) | errors | target |"
  echo "|---|---|---|---|---|---|---|"
  row a-upstream "a. fake provider directly, \`POST /v1/chat/completions\`" "$CONNECTIONS" base
  row b-gateway-chat "b. gateway \`POST /v1/chat/completions\`" "$CONNECTIONS" tput
  row c-gateway-stream "c. gateway \`POST /v1/chat/completions\` \`stream:true\`" "$CONNECTIONS" tput
  row d-gateway-message "d. gateway \`POST /api/v1/message\` (1 session per connection)" "$CONNECTIONS" tput
  row e1-upstream-rate "e1. fake provider directly @ ${RATE} req/s" "$RATE_CONNECTIONS" rate
  row e2-gateway-rate "e2. gateway \`/v1/chat/completions\` @ ${RATE} req/s" "$RATE_CONNECTIONS" rate
  echo
  echo "- Gateway-added latency at ${RATE} req/s (e2 − e1, from intended send time): p50 $(fmt "$ADDED_P50" 3) ms, p99 $(fmt "$ADDED_P99" 3) ms — target p99 ≤ 1 ms: **$(verdict "$ADDED_P99" le 1)**"
  if [[ $OH_COUNT != n/a && $OH_COUNT != 0 ]]; then
    echo "- \`$OVERHEAD_HEADER\` (gateway's own measure, $(fmt_int "$OH_COUNT") responses): p50 $(fmt "$(jnum "$E2" overheadP50Ms)" 3) ms, p99 $(fmt "$(jnum "$E2" overheadP99Ms)" 3) ms, max $(fmt "$(jnum "$E2" overheadMaxMs)" 3) ms — target p99 ≤ 1 ms: **$(verdict "$(jnum "$E2" overheadP99Ms)" le 1)**"
  else
    echo "- \`$OVERHEAD_HEADER\`: not present in the gateway's responses"
  fi
  echo "- Ready time (process start → \`gateway listening on\` line, ${STARTS} starts, fresh state dir each): median ${READY_MEDIAN} ms, min ${READY_MIN} ms (all: ${READY_ALL} ms) — target ≤ 1,000 ms: **$(verdict "$READY_MEDIAN" le 1000)**"
  echo "- Gateway RSS (java process): idle after start $(fmt "$(jnum "$WORK/rss-idle.json" lastRssMb)" 1) MB, max sampled during b–d $(fmt "$RSS_MAX" 1) MB, after load $(fmt "$RSS_AFTER_MB" 1) MB, peak (VmHWM) $(fmt "$RSS_HWM" 1) MB — target ≤ 256 MB: **$(verdict "$RSS_HWM" le 256)**"
  for f in a-upstream b-gateway-chat c-gateway-stream d-gateway-message e1-upstream-rate e2-gateway-rate; do
    errs=$(jnum "$WORK/$f.json" errors)
    if [[ $errs == n/a ]]; then
      echo "- $f: no result (the load generator failed or the gateway was gone)"
    elif [[ $errs != 0 ]]; then
      echo "- $f: status counts \`$(grep -o '"statusCounts":{[^}]*}' "$WORK/$f.json" | cut -d: -f2-)\`; first I/O error: $(jnum "$WORK/$f.json" firstError | cut -c1-200)"
    fi
  done
  echo
  echo "<details><summary>raw results (JSON lines)</summary>"
  echo
  echo '```'
  for f in a-upstream b-gateway-chat c-gateway-stream d-gateway-message e1-upstream-rate e2-gateway-rate rss-idle rss-load rss-after rss-end; do
    printf '%s\n' "$(cat "$WORK/$f.json")"
  done
  echo '```'
  echo
  echo "</details>"
} > "$REPORT"

cat "$REPORT"
if [[ -n $OUT ]]; then
  cp -- "$REPORT" "$OUT"
  log "report written to $OUT"
fi
FAILED=0
