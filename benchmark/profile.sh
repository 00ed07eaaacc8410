#!/usr/bin/env bash
# CPU profiles of the server, one per scenario, with async-profiler (see docs/benchmarks.md, "Profiling").
#
#   benchmark/profile.sh [--scenarios "info history post post1 event sessions"] [--warmup SECONDS] [--postgres]
#                        [--results DIR] [--keep-data]
#
# Loads a medium store (2,000 history sessions x 100 messages, a user in 1,000 sessions, 1,000 posting sessions,
# a room of 1,000 events) into a temporary H2 database (or, with --postgres, a temporary database on the
# PostgreSQL at 127.0.0.1:5432), starts the server with async-profiler loaded but idle, and for each scenario
# warms up (20 s by default: shorter runs profile the JIT compiler more than the server), then profiles 8 s of
# wrk load (64 connections; 8 for get_sessions). Writes for each
# scenario SCENARIO.html (a flame graph), SCENARIO.collapsed (one line per stack, for grep and scripts) and
# SCENARIO.json (what wrk measured while the profiler ran). Uses the jars built by benchmark/run.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/benchmark
SERVER_JAR=$ROOT/bootstrap/target/chat-server.jar
SCENARIOS="info history post sessions"
RESULTS=$BENCH/results/profile-$(date -u +%Y%m%dT%H%M%SZ)
KEEP=0
WARMUP=20
STORAGE=h2
while [ $# -gt 0 ]; do
  case "$1" in
    --scenarios) SCENARIOS=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --keep-data) KEEP=1 ;;
    --warmup) WARMUP=$2; shift ;;
    --postgres) STORAGE=postgres ;;
    *) echo "profile.sh: unknown flag $1 (see the head of this file)" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "profile.sh: $*"; exit 1; }

[ -f "$SERVER_JAR" ] || die "no $SERVER_JAR: run benchmark/run.sh once, or mvn -B -q package -DskipTests"
command -v wrk >/dev/null 2>&1 || die "wrk is missing: apt-get install wrk (benchmark/run.sh installs it)"

# async-profiler from Maven Central (its jar carries the native library)
AP_DIR=$BENCH/target/async-profiler
AP_LIB=$AP_DIR/linux-x64/libasyncProfiler.so
if [ ! -f "$AP_LIB" ]; then
  log "fetching async-profiler"
  mkdir -p "$AP_DIR"
  (cd "$BENCH" && mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 -DoutputDirectory="$AP_DIR")
  (cd "$AP_DIR" && unzip -q -o async-profiler-3.0.jar 'linux-x64/*')
fi

WORK=$(mktemp -d /tmp/chat-profile.XXXXXX)
SERVER_PID=""
cleanup() {
  [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  if [ "$KEEP" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  [ -z "${PG_DB:-}" ] || psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $PG_DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
mkdir -p "$RESULTS" "$WORK/data"
if [ "$STORAGE" = postgres ]; then
  pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL does not answer at 127.0.0.1:5432"
  PG_DB=chat_profile_$$
  psql -h 127.0.0.1 -U postgres -q -c "create database $PG_DB" >/dev/null
  FLAGS=(--storage postgres --db-url "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --db-user postgres)
else
  FLAGS=(--storage h2 --data-dir "$WORK/h2")
fi
FLAGS+=(--chats-tenants benchmark.example=bench-poster.usr.localhost)
# the loader and the profiled load post far past what a person does
FLAGS+=(--user-budgets off)

log "loading"
java -Xmx3g -cp "$SERVER_JAR" "$BENCH/load/LoadData.java" "${FLAGS[@]}" --out "$WORK/data" \
  --history-ids history.ids --history-sessions 2000 --messages-per-session 100 --list-sessions 1000 \
  --post-sessions 1000 --room-events 1000 >"$WORK/load.log" 2>&1 || { tail -n 20 "$WORK/load.log"; die "loading failed"; }

# the agent is loaded idle; each scenario starts and stops it through jcmd (quoted: jcmd splits on '=')
# shellcheck disable=SC2086 # SERVER_JVM_OPTS is a list of options, e.g. "-Xlog:gc:file=/tmp/gc.log"
java ${SERVER_JVM_OPTS:-} -agentpath:"$AP_LIB" -jar "$SERVER_JAR" "${FLAGS[@]}" --host 127.0.0.1 --port 0 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do grep -q 'listening on port' "$WORK/server.log" && break; sleep 0.1; done
PORT=$(grep -Eo 'listening on port [0-9]+' "$WORK/server.log" | grep -Eo '[0-9]+$') || die "the server did not start"
log "server: pid $SERVER_PID, port $PORT"

token() {
  curl -s -X POST "http://127.0.0.1:$PORT/web/session/authenticate" -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"$1\",\"password\":\"benchmark-$1-password\"},\"id\":1}" \
    | grep -Eo '"session_id":"[^"]+"' | cut -d'"' -f4
}
READER=$(token bench-reader)
LISTER=$(token bench-lister)
POSTER=$(token bench-poster)

# cpu_ticks: CPU time so far (clock ticks) of the server and of the database's processes, as "server db"; what
# the 2 cores spend besides is mostly wrk
cpu_ticks() {
  local server db=0 pid
  server=$(awk '{print $14+$15}' "/proc/$SERVER_PID/stat")
  for pid in $(pgrep -x postgres || true); do
    db=$((db + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$server $db"
}

# profile KEY PATH BODY IDS TOKEN CONNECTIONS
profile() {
  local key=$1 path=$2 body=$3 ids=$4 token=$5 connections=$6
  local env=(BENCH_METHOD=POST BENCH_PATH="$path" BENCH_BODY="$body" BENCH_IDS="$ids" BENCH_TOKEN="$token")
  env "${env[@]}" BENCH_OUT="" wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"${WARMUP}s" --timeout 5s -s "$BENCH/wrk/scenario.lua" \
    "http://127.0.0.1:$PORT" >/dev/null 2>&1
  jcmd "$SERVER_PID" JVMTI.agent_load "$AP_LIB" '"start,event=cpu,interval=1ms"' >/dev/null
  local before after
  before=$(cpu_ticks)
  env "${env[@]}" BENCH_OUT="$RESULTS/$key.json" wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d8s --timeout 5s \
    -s "$BENCH/wrk/scenario.lua" "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
  local load=$!
  # read just before the load ends, so that the server and the database are counted under load only
  sleep 7.9; after=$(cpu_ticks); wait "$load"
  local s0 d0 s1 d1 hz
  read -r s0 d0 <<<"$before"; read -r s1 d1 <<<"$after"
  hz=$(getconf CLK_TCK)
  awk -v s="$((s1 - s0))" -v d="$((d1 - d0))" -v hz="$hz" \
    'BEGIN { printf "{\"server_cores\":%.2f,\"database_cores\":%.2f}\n", s / hz / 7.9, d / hz / 7.9 }' >"$RESULTS/$key.cpu.json"
  jcmd "$SERVER_PID" JVMTI.agent_load "$AP_LIB" "\"dump,file=$RESULTS/$key.collapsed,collapsed\"" >/dev/null
  jcmd "$SERVER_PID" JVMTI.agent_load "$AP_LIB" "\"stop,file=$RESULTS/$key.html\"" >/dev/null
  log "$key: $(cat "$RESULTS/$key.json") cpu: $(cat "$RESULTS/$key.cpu.json")"
}

RPC_EMPTY='{"jsonrpc":"2.0","method":"call","params":{},"id":1}'
for scenario in $SCENARIOS; do
  case $scenario in
    info) profile info /web/session/get_session_info "$RPC_EMPTY" "" "$READER" 64 ;;
    history) profile history /im_chat/api/history '{"jsonrpc":"2.0","method":"call","params":{"uuid":"@ID@","limit":50},"id":1}' \
      "$WORK/data/history.ids" "$READER" 64 ;;
    post) profile post /im_chat/post '{"jsonrpc":"2.0","method":"call","params":{"uuid":"@ID@","message_type":"message","message_content":"benchmark message @N@"},"id":1}' \
      "$WORK/data/post.ids" "$POSTER" 64 ;;
    post1) profile post1 /im_chat/post '{"jsonrpc":"2.0","method":"call","params":{"uuid":"@ID@","message_type":"message","message_content":"benchmark message @N@"},"id":1}' \
      "$WORK/data/post.ids" "$POSTER" 1 ;;
    event) printf '%s\n' "$(cat "$WORK/data/room.id")" >"$WORK/data/room.ids"
      profile event "/api/v1/chats/@ID@/events" '{"type":"message","data":{"text":"benchmark event @N@"}}' \
      "$WORK/data/room.ids" "$POSTER" 64 ;;
    sessions) profile sessions /im_chat/api/get_sessions "$RPC_EMPTY" "" "$LISTER" 8 ;;
    *) die "unknown scenario $scenario (info, history, post, post1, event, sessions)" ;;
  esac
done
log "profiles in $RESULTS"
