#!/usr/bin/env bash
# The benchmark suite: builds the server and the benchmark jar, measures the ceiling of this machine, starts a
# fresh server on a temporary database, loads data, runs every scenario, stops everything it started and
# writes the table (see docs/benchmarks.md).
#
#   benchmark/run.sh              full run on H2 (about 8 minutes on 2 cores)
#   benchmark/run.sh --postgres   full run on PostgreSQL at 127.0.0.1:5432, with the cross-node scenario
#   benchmark/run.sh --smoke      every scenario with tiny data and 1-second loads: proves the suite works
#
# Other flags: --no-build (use the jars already built), --profile (record the server with JFR),
# --keep (keep the temporary folder), --results DIR (where the table and raw results go).
# Traffic goes to 127.0.0.1 only; every load is bounded in time; nothing is asserted: numbers are reported.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/benchmark
SERVER_JAR=$ROOT/bootstrap/target/chat-server.jar
BENCH_JAR=$BENCH/target/benchmark.jar

STORAGE=h2
MODE=full
BUILD=1
PROFILE=0
KEEP=0
RESULTS=""
COMMAND="benchmark/run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) STORAGE=postgres ;;
    --smoke) MODE=smoke ;;
    --no-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    --keep) KEEP=1 ;;
    --results) RESULTS=$2; shift ;;
    *) echo "run.sh: unknown flag $1 (see the head of this file)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$MODE" = full ]; then
  THREADS=2; CONNECTIONS=64; WARMUP=5; DURATION=10
  SMALL_SESSIONS=100; HISTORY_SESSIONS=10000; MESSAGES_PER_SESSION=100
  LIST_SESSIONS=1000; LIST_PAGE=50; POST_SESSIONS=1000; ROOM_EVENTS=100000
  FAN_SUBSCRIBERS=1000; FAN_RATE=50; FAN_SECONDS=20; FAN_WARMUP=3; GROUP_MEMBERS=1000
  IDLE_CONNECTIONS=10000; CROSS_SUBSCRIBERS=100; CROSS_RATE=50; CROSS_SECONDS=20
  UPLOAD_CLIENTS=16; UPLOAD_MB=25; UPLOAD_ROUNDS=2
else
  THREADS=2; CONNECTIONS=16; WARMUP=0; DURATION=1
  SMALL_SESSIONS=3; HISTORY_SESSIONS=12; MESSAGES_PER_SESSION=60
  LIST_SESSIONS=20; LIST_PAGE=5; POST_SESSIONS=20; ROOM_EVENTS=300
  FAN_SUBSCRIBERS=10; FAN_RATE=20; FAN_SECONDS=1; FAN_WARMUP=0; GROUP_MEMBERS=10
  IDLE_CONNECTIONS=50; CROSS_SUBSCRIBERS=5; CROSS_RATE=20; CROSS_SECONDS=1
  UPLOAD_CLIENTS=16; UPLOAD_MB=2; UPLOAD_ROUNDS=1
fi
SMALL_MESSAGES=$((SMALL_SESSIONS * MESSAGES_PER_SESSION))
LARGE_MESSAGES=$((HISTORY_SESSIONS * MESSAGES_PER_SESSION))

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "run.sh: $*"; exit 1; }

# --- what the suite needs on a fresh machine ----------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else
    die "wrk is missing: apt-get install wrk"
  fi
fi
for tool in java mvn curl jcmd; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
if [ "$STORAGE" = postgres ]; then
  command -v psql >/dev/null 2>&1 || die "psql is missing"
  pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL does not answer at 127.0.0.1:5432"
fi

# 10,000 WebSockets need as many descriptors in the server and in the client
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# --- build ----------------------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ] && { [ "$MODE" = full ] || [ ! -f "$SERVER_JAR" ]; }; then
  log "building the server jar"
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
if [ "$BUILD" = 1 ] || [ ! -f "$BENCH_JAR" ]; then
  log "building the benchmark jar"
  (cd "$BENCH" && mvn -B -q package)
fi
[ -f "$SERVER_JAR" ] || die "no $SERVER_JAR: build it with mvn -B -q package -DskipTests"

# --- the temporary world and how it is torn down ----------------------------------------------------------------
WORK=$(mktemp -d /tmp/chat-bench.XXXXXX)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
[ -n "$RESULTS" ] || RESULTS=$BENCH/results/$STAMP-$STORAGE-$MODE
mkdir -p "$RESULTS" "$WORK/logs" "$WORK/data"
PIDS=()
PG_DB=""
PG_URL=""

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "process $pid did not stop within 30 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [ -n "$PG_DB" ]; then
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $PG_DB with (force)" >/dev/null 2>&1 || true
  fi
  if [ "$KEEP" = 1 ]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_bg NAME COMMAND...: runs it in the background, output to $WORK/logs/NAME.log; sets LAST_PID
start_bg() {
  local name=$1; shift
  "$@" >"$WORK/logs/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

# wait_for_line FILE REGEX SECONDS PID: prints the first match once it appears; fails if PID dies or time runs out
wait_for_line() {
  local file=$1 regex=$2 seconds=$3 pid=$4
  for _ in $(seq 1 $((seconds * 10))); do
    if grep -Eo "$regex" "$file" 2>/dev/null | head -n 1 | grep -q .; then
      grep -Eo "$regex" "$file" | head -n 1
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$file" >&2; die "process $pid ended early (log $file)"; }
    sleep 0.1
  done
  tail -n 30 "$file" >&2
  die "no '$regex' in $file within $seconds s"
}

# JVM options of the server processes, e.g. SERVER_JAVA_OPTS=-XX:+UseZGC (docs/PERFORMANCE.md compares collectors)
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
# the flags of the server and of the loaders: the storage, and bench-poster as the tenant of the benchmark's audience
server_flags() {
  if [ "$STORAGE" = postgres ]; then
    echo "--storage postgres --db-url $PG_URL --db-user postgres"
  else
    echo "--storage h2 --data-dir $WORK/h2"
  fi
  echo "--chats-tenants benchmark.example=bench-poster.usr.localhost"
  # the fan-out and idle measurements open their thousands of WebSockets as one user
  echo "--ws-per-user 20000"
  # the loaders and the measured load post, open sessions and react far past what a person does
  echo "--user-budgets off"
}

# start_server NAME: a fresh server process on the temporary database; sets SERVER_PID and SERVER_PORT
start_server() {
  local name=$1 jfr=()
  if [ "$PROFILE" = 1 ]; then
    jfr=("-XX:StartFlightRecording=filename=$RESULTS/$name.jfr,settings=profile,dumponexit=true")
  fi
  # shellcheck disable=SC2046,SC2086
  start_bg "$name" java $SERVER_JAVA_OPTS "${jfr[@]}" -jar "$SERVER_JAR" $(server_flags) --host 127.0.0.1 --port 0
  SERVER_PID=$LAST_PID
  SERVER_PORT=$(wait_for_line "$WORK/logs/$name.log" 'listening on port [0-9]+' 180 "$SERVER_PID" | grep -Eo '[0-9]+$')
  log "$name: pid $SERVER_PID, port $SERVER_PORT"
}

stop_server() {
  stop_pid "$1"
}

# sign_in PORT LOGIN: prints the session token
sign_in() {
  local answer
  answer=$(curl -s --max-time 30 -X POST "http://127.0.0.1:$1/web/session/authenticate" \
    -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"login\":\"$2\",\"password\":\"benchmark-$2-password\"},\"id\":1}")
  printf '%s' "$answer" | grep -Eo '"session_id":"[^"]+"' | cut -d'"' -f4 | grep . || die "cannot sign in as $2: $answer"
}

# --- results --------------------------------------------------------------------------------------------------
ROWS=$RESULTS/rows.tsv
: >"$ROWS"
# row KEY LABEL KIND TARGET: one line of the table; KIND tells the report how to read $RESULTS/KEY.json
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$ROWS"; }
skip() { printf '{"skipped":"%s"}\n' "$2" >"$RESULTS/$1.json"; log "skipped $1: $2"; }

# run_wrk KEY PORT METHOD PATH BODY IDS TOKEN: warms up, then measures; the JSON line goes to $RESULTS/KEY.json
# (WRK_CONNECTIONS, WRK_WARMUP and WRK_DURATION, when set, replace the run's settings; WRK_BODY_FILE and
# WRK_CONTENT_TYPE send a file's bytes as the body, as a file upload does)
run_wrk() {
  local key=$1 port=$2 method=$3 path=$4 body=$5 ids=$6 token=$7
  local url="http://127.0.0.1:$port" script=$BENCH/wrk/scenario.lua
  local connections=${WRK_CONNECTIONS:-$CONNECTIONS} warmup=${WRK_WARMUP:-$WARMUP} duration=${WRK_DURATION:-$DURATION}
  local threads=$THREADS
  [ "$connections" -ge "$threads" ] || threads=$connections
  if [ "$warmup" -gt 0 ]; then
    BENCH_METHOD=$method BENCH_PATH=$path BENCH_BODY=$body BENCH_IDS=$ids BENCH_TOKEN=$token BENCH_OUT="" \
      BENCH_BODY_FILE=${WRK_BODY_FILE:-} BENCH_CONTENT_TYPE=${WRK_CONTENT_TYPE:-} \
      timeout $((warmup + 30)) wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 5s -s "$script" "$url" \
      >"$WORK/logs/$key-warmup.log" 2>&1 || true
  fi
  BENCH_METHOD=$method BENCH_PATH=$path BENCH_BODY=$body BENCH_IDS=$ids BENCH_TOKEN=$token \
    BENCH_OUT="$RESULTS/$key.json" BENCH_BODY_FILE=${WRK_BODY_FILE:-} BENCH_CONTENT_TYPE=${WRK_CONTENT_TYPE:-} \
    timeout $((duration + 30)) wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -s "$script" "$url" \
    >"$WORK/logs/$key.log" 2>&1 || die "wrk failed for $key: $(tail -n 5 "$WORK/logs/$key.log")"
  log "$key: $(cat "$RESULTS/$key.json")"
}

# probe PORT METHOD PATH BODY TOKEN: succeeds when the route answers below 400 and not with an error result;
# prints the answer when it does not
probe() {
  local port=$1 method=$2 path=$3 body=$4 token=$5 answer code
  local args=(-s --max-time 30 -o "$WORK/probe.out" -w '%{http_code}' -X "$method" "http://127.0.0.1:$port$path"
    -H 'Content-Type: application/json' -H "Authorization: Bearer $token")
  [ -z "$body" ] || args+=(-d "$body")
  code=$(curl "${args[@]}") || code=000
  answer=$(head -c 300 "$WORK/probe.out" 2>/dev/null | tr -d '\n"' || true)
  if [ "$code" -ge 400 ] || [ "$code" = 000 ] || grep -q '"status":"error"' "$WORK/probe.out" 2>/dev/null; then
    printf 'HTTP %s %s' "$code" "$answer"
    return 1
  fi
}

NOT_MEASURED=0
# one client alone: the service time of a request, without the queueing of 64 connections on 2 cores
SOLO_DURATION=$([ "$MODE" = full ] && echo 5 || echo 1)
solo() {
  WRK_CONNECTIONS=1 WRK_WARMUP=${WRK_WARMUP:-0} WRK_DURATION=$SOLO_DURATION measure "$@"
}
# measure KEY LABEL TARGET PORT METHOD PATH BODY IDS TOKEN: one wrk scenario, after one probing request
measure() {
  local key=$1 label=$2 target=$3 port=$4 method=$5 path=$6 body=$7 ids=$8 token=$9 id="" why
  row "$key" "$label" wrk "$target"
  [ -z "$ids" ] || id=$(head -n 1 "$ids")
  local p=${path//@ID@/$id} b=${body//@ID@/$id}
  b=${b//@N@/0}
  if ! why=$(probe "$port" "$method" "$p" "$b" "$token"); then
    skip "$key" "the route did not answer: $why"
    NOT_MEASURED=$((NOT_MEASURED + 1))
    return 0
  fi
  run_wrk "$key" "$port" "$method" "$path" "$body" "$ids" "$token"
}

heap_used_kb() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  heap_now_kb "$1"
}

# heap_now_kb PID: the heap used as it is (garbage not collected yet included)
heap_now_kb() {
  # the first line is the heap: G1 prints "used 85764K", ZGC "used 106M"
  jcmd "$1" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+[KMG]' | head -n 1 \
    | awk '{ n = substr($2, 1, length($2) - 1); u = substr($2, length($2)); print n * (u == "G" ? 1048576 : u == "M" ? 1024 : 1) }'
}

log "results go to $RESULTS"
cat >"$RESULTS/meta.txt" <<EOF
date	$(date -u '+%Y-%m-%d %H:%M UTC')
command	$COMMAND
storage	$STORAGE
mode	$MODE
commit	$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$([ "$BUILD" = 1 ] || echo " (--no-build: server jar built $(date -u -r "$SERVER_JAR" '+%Y-%m-%d %H:%M UTC'))")
machine	$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB
java	$(java -version 2>&1 | head -n 1)
server JVM options	${SERVER_JAVA_OPTS:-none (G1, default heap)}
wrk	$THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up, ${DURATION}s measured
load before	$(cut -d' ' -f1-3 /proc/loadavg)
EOF

POST_BODY='{"jsonrpc":"2.0","method":"call","params":{"uuid":"@ID@","message_type":"message","message_content":"benchmark message @N@"},"id":1}'

# --- 1. the ceiling ---------------------------------------------------------------------------------------------
log "ceiling: a bare Javalin endpoint that parses the same JSON"
start_bg ceiling java -jar "$BENCH_JAR" ceiling --port 0 --max-seconds 300
CEILING_PID=$LAST_PID
CEILING_PORT=$(wait_for_line "$WORK/logs/ceiling.log" 'listening on 127.0.0.1:[0-9]+' 60 "$CEILING_PID" | grep -Eo '[0-9]+$')
printf 'ceiling-session\n' >"$WORK/data/ceiling.ids"
run_wrk ceiling "$CEILING_PORT" POST /im_chat/post "$POST_BODY" "$WORK/data/ceiling.ids" ""
stop_pid "$CEILING_PID"
row ceiling "ceiling: bare Javalin, parse JSON, constant answer" wrk "-"

# --- 2. the database and the data ---------------------------------------------------------------------------------
if [ "$STORAGE" = postgres ]; then
  PG_DB=chat_bench_$(date +%s)_$$
  psql -h 127.0.0.1 -U postgres -q -c "create database $PG_DB" >/dev/null
  PG_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
fi

# load STAGE LOADER ARGS...: a loader (benchmark/load/LOADER.java, compiled against the server jar by Java's
# source launcher) drives the server's own use cases on the temporary database while no server runs
load() {
  local stage=$1 loader=$2; shift 2
  log "loading ($stage)"
  local start=$SECONDS
  # shellcheck disable=SC2046
  local status=0
  java -Xmx3g -cp "$SERVER_JAR" "$BENCH/load/$loader.java" $(server_flags) --out "$WORK/data" "$@" \
    >"$WORK/logs/load-$stage.log" 2>&1 || status=$?
  grep -v 'http.request' "$WORK/logs/load-$stage.log" >"$RESULTS/load-$stage.log" || true
  if [ "$status" != 0 ]; then
    tail -n 20 "$WORK/logs/load-$stage.log" >&2
    log "loading ($stage) failed"
    return 1
  fi
  log "loaded ($stage) in $((SECONDS - start)) s: $(grep -E '^loaded:' "$WORK/logs/load-$stage.log" | tail -n 1)"
}

# --- 3. history on the small store (the full run only: the smoke starts one server) --------------------------------
HISTORY_BODY='{"jsonrpc":"2.0","method":"call","params":{"uuid":"@ID@","limit":50},"id":1}'
if [ "$MODE" = full ]; then
  load small LoadData --history-ids history-small.ids --history-sessions "$SMALL_SESSIONS" --messages-per-session "$MESSAGES_PER_SESSION" \
    || die "loading failed"
  start_server server-small
  READER_TOKEN=$(sign_in "$SERVER_PORT" bench-reader)
  measure history_small "history page of 50, store of $SMALL_MESSAGES messages" "p99 < 5 ms" \
    "$SERVER_PORT" POST /im_chat/api/history "$HISTORY_BODY" "$WORK/data/history-small.ids" "$READER_TOKEN"
  solo history_small_1 "history page of 50, store of $SMALL_MESSAGES messages, 1 connection" "p99 < 5 ms" \
    "$SERVER_PORT" POST /im_chat/api/history "$HISTORY_BODY" "$WORK/data/history-small.ids" "$READER_TOKEN"
  stop_server "$SERVER_PID"
else
  row history_small "history page of 50, store of $SMALL_MESSAGES messages" wrk "p99 < 5 ms"
  skip history_small "the smoke starts one server only"
  row history_small_1 "history page of 50, store of $SMALL_MESSAGES messages, 1 connection" wrk "p99 < 5 ms"
  skip history_small_1 "the smoke starts one server only"
fi

# --- 4. the large store ----------------------------------------------------------------------------------------------
load large LoadData --history-ids history-large.ids --history-sessions "$HISTORY_SESSIONS" --messages-per-session "$MESSAGES_PER_SESSION" \
  --list-sessions "$LIST_SESSIONS" --post-sessions "$POST_SESSIONS" --room-events "$ROOM_EVENTS" \
  --group-members "$GROUP_MEMBERS" || die "loading failed"

start_server server
READER_TOKEN=$(sign_in "$SERVER_PORT" bench-reader)
LISTER_TOKEN=$(sign_in "$SERVER_PORT" bench-lister)
POSTER_TOKEN=$(sign_in "$SERVER_PORT" bench-poster)
SUBSCRIBER_TOKEN=$(sign_in "$SERVER_PORT" bench-subscriber)

measure session_info "signed-in no-op (get_session_info): HTTP + token check" "-" \
  "$SERVER_PORT" POST /web/session/get_session_info '{"jsonrpc":"2.0","method":"call","params":{},"id":1}' "" "$READER_TOKEN"

measure history_large "history page of 50, store of $LARGE_MESSAGES messages" "p99 < 5 ms, same as the small store" \
  "$SERVER_PORT" POST /im_chat/api/history "$HISTORY_BODY" "$WORK/data/history-large.ids" "$READER_TOKEN"
solo history_large_1 "history page of 50, store of $LARGE_MESSAGES messages, 1 connection" "p99 < 5 ms" \
  "$SERVER_PORT" POST /im_chat/api/history "$HISTORY_BODY" "$WORK/data/history-large.ids" "$READER_TOKEN"

# one word of the loader's vocabulary at a time, over every history message (the reader is in all those sessions);
# no 64-connection row comes before it to warm the store's pages, so it has the warm-up of one (a word's first
# search reads its index pages from disk: without it the p99 is those first reads)
SEARCH_BODY='{"jsonrpc":"2.0","method":"call","params":{"query":"@ID@","limit":20},"id":1}'
WRK_WARMUP=$WARMUP solo search_1 "search one word (1 in 500 messages), page of 20, store of $LARGE_MESSAGES messages, 1 connection" "p99 < 50 ms" \
  "$SERVER_PORT" POST /im_chat/api/search "$SEARCH_BODY" "$WORK/data/search-words.ids" "$READER_TOKEN"

measure get_sessions "get_sessions, user in $LIST_SESSIONS sessions" "p99 < 20 ms" \
  "$SERVER_PORT" POST /im_chat/api/get_sessions '{"jsonrpc":"2.0","method":"call","params":{},"id":1}' "" "$LISTER_TOKEN"
solo get_sessions_1 "get_sessions, user in $LIST_SESSIONS sessions, 1 connection" "p99 < 20 ms" \
  "$SERVER_PORT" POST /im_chat/api/get_sessions '{"jsonrpc":"2.0","method":"call","params":{},"id":1}' "" "$LISTER_TOKEN"

# pages of LIST_PAGE anywhere in the listing: before_id is the id of a session that has a full page older than it
# (the session ids are those of the unpaged answer, each entry starting {"id":N,"uuid":...)
curl -s --max-time 60 -X POST "http://127.0.0.1:$SERVER_PORT/im_chat/api/get_sessions" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $LISTER_TOKEN" -d '{"jsonrpc":"2.0","method":"call","params":{},"id":1}' \
  | grep -Eo '\{"id":[0-9]+,"uuid"' | grep -Eo '[0-9]+' | head -n -"$LIST_PAGE" >"$WORK/data/list-cursors.ids" || true
[ -s "$WORK/data/list-cursors.ids" ] || echo 9223372036854775807 >"$WORK/data/list-cursors.ids"
PAGE_BODY="{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"limit\":$LIST_PAGE,\"before_id\":@ID@},\"id\":1}"
measure get_sessions_page "get_sessions, page of $LIST_PAGE (limit, before_id), user in $LIST_SESSIONS sessions" "p99 < 200 ms" \
  "$SERVER_PORT" POST /im_chat/api/get_sessions "$PAGE_BODY" "$WORK/data/list-cursors.ids" "$LISTER_TOKEN"
solo get_sessions_page_1 "get_sessions, page of $LIST_PAGE, user in $LIST_SESSIONS sessions, 1 connection" "p99 < 20 ms" \
  "$SERVER_PORT" POST /im_chat/api/get_sessions "$PAGE_BODY" "$WORK/data/list-cursors.ids" "$LISTER_TOKEN"

measure post "post a message, $POST_SESSIONS sessions, durable" ">= 1/3 of ceiling (aim 1/2), p99 < 20 ms" \
  "$SERVER_PORT" POST /im_chat/post "$POST_BODY" "$WORK/data/post.ids" "$POSTER_TOKEN"
solo post_1 "post a message, 1 connection" "-" \
  "$SERVER_PORT" POST /im_chat/post "$POST_BODY" "$WORK/data/post.ids" "$POSTER_TOKEN"

# --- Chats: events and state of a room (loaded by LoadData) -------------------------------------------------------------
CHAT_EVENTS_WORK=0
ROOM_ID=$(cat "$WORK/data/room.id")
EVENT_BODY='{"type":"message","data":{"text":"benchmark event @N@"}}'
printf '%s\n' "$ROOM_ID" >"$WORK/data/room.ids"
measure chat_event "create a chat event (room of $ROOM_EVENTS events)" "-" \
  "$SERVER_PORT" POST "/api/v1/chats/@ID@/events" "$EVENT_BODY" "$WORK/data/room.ids" "$POSTER_TOKEN"
grep -q skipped "$RESULTS/chat_event.json" || CHAT_EVENTS_WORK=1
measure room_state "read a room's state ($ROOM_EVENTS events)" "-" \
  "$SERVER_PORT" GET "$(cat "$WORK/data/room-state.path")" "" "" "$POSTER_TOKEN"

# --- 5. fan-out: one poster, many WebSocket subscribers of one room ---------------------------------------------------
# fanout KEY WS_PORT POST_PORT SUBSCRIBERS RATE SECONDS: posts on one node, receives on the WebSockets of another
# (or the same); the subscribers follow the Chats room when its events route works, else the IM session of the
# poster and the subscriber (the subscriber's user channel)
fanout() {
  local key=$1 ws_port=$2 post_port=$3 subscribers=$4 rate=$5 seconds=$6 channel post_path post_body
  if [ "$CHAT_EVENTS_WORK" = 1 ]; then
    channel="room:$(cat "$WORK/data/room-event-room.id")"
    post_path="/api/v1/chats/$ROOM_ID/events"
    post_body='{"type":"message","data":{"text":"@MARK@"}}'
  else
    channel="user:$(cat "$WORK/data/subscriber.id")"
    post_path=/im_chat/post
    post_body="{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"uuid\":\"$(head -n 1 "$WORK/data/fanout-session.ids")\",\"message_type\":\"message\",\"message_content\":\"@MARK@\"},\"id\":1}"
  fi
  log "$key: $subscribers subscribers of $channel on port $ws_port, $rate posts/s to $post_path on port $post_port"
  timeout $((seconds + FAN_WARMUP + 300)) java -Xmx1g -jar "$BENCH_JAR" fanout \
    --ws "ws://127.0.0.1:$ws_port/websocket" --tokens "$SUBSCRIBER_TOKEN" --channel "$channel" \
    --subscribers "$subscribers" --rate "$rate" --seconds "$seconds" --warmup-seconds "$FAN_WARMUP" \
    --post-url "http://127.0.0.1:$post_port$post_path" --post-token "$POSTER_TOKEN" \
    --post-body "$post_body" --out "$RESULTS/$key.json" \
    >"$WORK/logs/$key.log" 2>&1 || die "$key failed: $(tail -n 5 "$WORK/logs/$key.log")"
  log "$key: $(cat "$RESULTS/$key.json")"
  printf '%s\n' "$channel" >"$RESULTS/$key.channel"
  if grep -q '"deliveries":0,' "$RESULTS/$key.json"; then
    NOT_MEASURED=$((NOT_MEASURED + 1))
  fi
}

fanout fanout "$SERVER_PORT" "$SERVER_PORT" "$FAN_SUBSCRIBERS" "$FAN_RATE" "$FAN_SECONDS"
row fanout "fan-out: 1 poster, $FAN_SUBSCRIBERS WebSocket subscribers of $(sed 's/:.*//' "$RESULTS/fanout.channel") channel, $FAN_RATE posts/s" fanout "p99 < 50 ms"

# --- 5b. one group of GROUP_MEMBERS members, each connected as themselves (issue 27: one notification per post) ----
# post-to-receipt on each member's own user channel (the loader signed every member in: group-member.tokens,
# group-member.channels), then posts per second into the group against the private sessions of the "post" row
# (after the fan-out: its thousands of posts would otherwise be the members' catch-up)
GROUP_UUID=$(head -n 1 "$WORK/data/group-session.ids")
log "group_fanout: $GROUP_MEMBERS members of group $GROUP_UUID, each on its own channel, $FAN_RATE posts/s"
timeout $((FAN_SECONDS + FAN_WARMUP + 300)) java -Xmx1g -jar "$BENCH_JAR" fanout \
  --ws "ws://127.0.0.1:$SERVER_PORT/websocket" --tokens "$(cat "$WORK/data/group-member.tokens")" \
  --channels "$(cat "$WORK/data/group-member.channels")" \
  --subscribers "$((GROUP_MEMBERS - 1))" --rate "$FAN_RATE" --seconds "$FAN_SECONDS" --warmup-seconds "$FAN_WARMUP" \
  --post-url "http://127.0.0.1:$SERVER_PORT/im_chat/post" --post-token "$POSTER_TOKEN" \
  --post-body "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"uuid\":\"$GROUP_UUID\",\"message_type\":\"message\",\"message_content\":\"@MARK@\"},\"id\":1}" \
  --out "$RESULTS/group_fanout.json" >"$WORK/logs/group_fanout.log" 2>&1 \
  || die "group_fanout failed: $(tail -n 5 "$WORK/logs/group_fanout.log")"
log "group_fanout: $(cat "$RESULTS/group_fanout.json")"
if grep -q '"deliveries":0,' "$RESULTS/group_fanout.json"; then
  NOT_MEASURED=$((NOT_MEASURED + 1))
fi
row group_fanout "group fan-out: 1 poster, $((GROUP_MEMBERS - 1)) members of one group, each its own WebSocket and user channel, $FAN_RATE posts/s" fanout "p99 < 50 ms"
measure post_group "post a message into a group of $GROUP_MEMBERS members, durable" "as the private post row" \
  "$SERVER_PORT" POST /im_chat/post "$POST_BODY" "$WORK/data/group-session.ids" "$POSTER_TOKEN"

# --- 6. across nodes (PostgreSQL only; before the idle sockets, whose closing keeps a node busy) ---------------------------------------------------------------------------------
if [ "$STORAGE" = postgres ]; then
  NODE_A_PORT=$SERVER_PORT NODE_A_PID=$SERVER_PID
  start_server server-b
  fanout cross_node "$SERVER_PORT" "$NODE_A_PORT" "$CROSS_SUBSCRIBERS" "$CROSS_RATE" "$CROSS_SECONDS"
  stop_server "$SERVER_PID"
  SERVER_PORT=$NODE_A_PORT SERVER_PID=$NODE_A_PID
else
  skip cross_node "needs --postgres"
fi
row cross_node "across nodes: post on A, $CROSS_SUBSCRIBERS subscribers on B" fanout "p99 < 100 ms"

# --- 7. idle connections and the heap they take --------------------------------------------------------------------
log "idle: $IDLE_CONNECTIONS WebSockets"
HEAP_BEFORE=$(heap_used_kb "$SERVER_PID")
start_bg idle java -Xmx1g -jar "$BENCH_JAR" idle --ws "ws://127.0.0.1:$SERVER_PORT/websocket" \
  --tokens "$SUBSCRIBER_TOKEN" --channel "user:$(cat "$WORK/data/subscriber.id")" \
  --connections "$IDLE_CONNECTIONS" --ready "$WORK/idle.ready" --release "$WORK/idle.release" --hold-seconds 300
IDLE_PID=$LAST_PID
wait_for_line "$WORK/idle.ready" '"opened":[0-9]+' 240 "$IDLE_PID" >/dev/null
HEAP_AFTER=$(heap_used_kb "$SERVER_PID")
RSS_AFTER=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
touch "$WORK/idle.release"
for _ in $(seq 1 300); do kill -0 "$IDLE_PID" 2>/dev/null || break; sleep 0.1; done
stop_pid "$IDLE_PID"
sed "s/}\$/,\"heap_before_kb\":$HEAP_BEFORE,\"heap_after_kb\":$HEAP_AFTER,\"rss_after_kb\":$RSS_AFTER}/" \
  "$WORK/idle.ready" >"$RESULTS/idle.json"
log "idle: $(cat "$RESULTS/idle.json")"
row idle "$IDLE_CONNECTIONS idle WebSockets held" idle "< 512 MiB heap in all"

# --- 7b. files: upload and download of 1 MB, and the heap while large files stream in ---------------------------------
FILE_SESSION=$(head -n 1 "$WORK/data/post.ids")
FILE_BOUNDARY=benchmark-file-boundary
{
  printf -- '--%s\r\nContent-Disposition: form-data; name="uuid"\r\n\r\n%s\r\n' "$FILE_BOUNDARY" "$FILE_SESSION"
  printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="one-megabyte.bin"\r\n' "$FILE_BOUNDARY"
  printf -- 'Content-Type: application/octet-stream\r\n\r\n'
  head -c 1048576 /dev/urandom
  printf -- '\r\n--%s--\r\n' "$FILE_BOUNDARY"
} >"$WORK/data/upload-1mb.body"
row upload_1mb "upload a 1 MB file (multipart, stored durably, typed by its bytes)" wrk "-"
FILE_ID=$(curl -s --max-time 60 -X POST "http://127.0.0.1:$SERVER_PORT/im_chat/api/attachments" \
  -H "Authorization: Bearer $POSTER_TOKEN" -H "Content-Type: multipart/form-data; boundary=$FILE_BOUNDARY" \
  --data-binary @"$WORK/data/upload-1mb.body" | grep -Eo '"id":"[0-9a-f-]{36}"' | head -n 1 | cut -d'"' -f4 || true)
if [ -z "$FILE_ID" ]; then
  skip upload_1mb "the upload route did not answer an id"
  NOT_MEASURED=$((NOT_MEASURED + 1))
else
  WRK_BODY_FILE="$WORK/data/upload-1mb.body" WRK_CONTENT_TYPE="multipart/form-data; boundary=$FILE_BOUNDARY" \
    run_wrk upload_1mb "$SERVER_PORT" POST /im_chat/api/attachments "" "" "$POSTER_TOKEN"
fi
measure download_1mb "download a 1 MB file" "-" \
  "$SERVER_PORT" GET "/im_chat/attachment/${FILE_ID:-none}" "" "" "$POSTER_TOKEN"

log "uploads: $UPLOAD_CLIENTS clients, $UPLOAD_ROUNDS files of $UPLOAD_MB MB each"
row upload_heap "$UPLOAD_CLIENTS clients each uploading $UPLOAD_ROUNDS files of $UPLOAD_MB MB at once: the server's heap" heap \
  "heap flat: its peak far below the $((UPLOAD_CLIENTS * UPLOAD_MB)) MB in flight"
UPLOAD_HEAP_BEFORE=$(heap_used_kb "$SERVER_PID")
start_bg uploads java -Xmx256m -jar "$BENCH_JAR" uploads --url "http://127.0.0.1:$SERVER_PORT/im_chat/api/attachments" \
  --token "$POSTER_TOKEN" --uuid "$FILE_SESSION" --clients "$UPLOAD_CLIENTS" --size-mb "$UPLOAD_MB" \
  --rounds "$UPLOAD_ROUNDS" --out "$WORK/uploads.json"
UPLOADS_PID=$LAST_PID
UPLOAD_HEAP_MAX=0
while kill -0 "$UPLOADS_PID" 2>/dev/null; do
  used=$(heap_now_kb "$SERVER_PID")
  if [ -n "$used" ] && [ "$used" -gt "$UPLOAD_HEAP_MAX" ]; then UPLOAD_HEAP_MAX=$used; fi
  sleep 0.5
done
UPLOADS_STATUS=0
wait "$UPLOADS_PID" || UPLOADS_STATUS=$?
if [ "$UPLOADS_STATUS" != 0 ] || [ ! -s "$WORK/uploads.json" ]; then
  skip upload_heap "the uploads client failed: $(tail -n 3 "$WORK/logs/uploads.log" | tr -d '\n"')"
  NOT_MEASURED=$((NOT_MEASURED + 1))
else
  UPLOAD_HEAP_AFTER=$(heap_used_kb "$SERVER_PID")
  sed "s/}\$/,\"heap_before_kb\":$UPLOAD_HEAP_BEFORE,\"heap_max_kb\":$UPLOAD_HEAP_MAX,\"heap_after_kb\":$UPLOAD_HEAP_AFTER}/" \
    "$WORK/uploads.json" >"$RESULTS/upload_heap.json"
  log "upload_heap: $(cat "$RESULTS/upload_heap.json")"
fi

# --- 8. the table -------------------------------------------------------------------------------------------------------
printf 'load after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/meta.txt"
java -jar "$BENCH_JAR" report --results "$RESULTS" --out "$RESULTS/table.md" >/dev/null
cat "$RESULTS/table.md"
log "done: $RESULTS/table.md"
if [ "$NOT_MEASURED" -gt 0 ] && [ "$MODE" = smoke ]; then
  die "$NOT_MEASURED scenarios could not run: the suite has rotted (see the table)"
fi
