#!/usr/bin/env bash
# HTTP benchmark of both services on this machine. One command:
#
#   bench/bench.sh                 # native (ACCP) and JDK crypto paths, all scenarios, writes docs/performance.md
#   bench/bench.sh --modes native  # one crypto path only
#   bench/bench.sh --soak 10m      # also the fixed-rate mixed soak (on demand; not run in CI)
#   bench/bench.sh --modes native --soak 10m --soak-only   # only the soak (leaves docs/performance.md alone)
#   bench/bench.sh --scenarios create-prompt,get-prompt    # a subset (leaves docs/performance.md alone)
#   bench/bench.sh --elastic-only  # only the elastic start (below); rewrites only its table in docs/performance.md
#
# Elastic start (issue 17; first in a full run, BENCH_ELASTIC=0 skips it): how fast a new instance is ready and how it
# serves in its first 20 s at full load. Time of `scripts/run-local.sh --detach` (its own work included: the AOT-cache
# freshness check, keys, nginx; the cache is trained by an untimed first call), then each service alone,
# for each variant in BENCH_ELASTIC_VARIANTS (aot: extracted jar + AOT cache + warm-up, as run-local and the images
# start it; plain: the fat jar, no cache, no warm-up, i.e. before issue 17): launch -> /health/ready 200 (seconds and
# CPU-seconds), then at once create-envelope (vault) / open-envelope (prompt-response) at CONNECTIONS for
# BENCH_COLD (20s) = the cold figures, then the usual low-concurrency warm-up and BENCH_COLD again = the warm figures.
#
# It builds the jars if needed, starts PostgreSQL/Redis if they are installed but down, starts both services
# with rate limits off (RATE_LIMIT_ENABLED=false) on a fresh database, measures the RSA-2048 signing ceiling
# with `openssl speed`, and for each scenario waits until both JVMs are idle (the vault drains the audit events of
# the previous scenario), warms the same scenario up, then drives it with wrk straight at the service (no gateway, so
# the figures are per instance). Each scenario runs twice:
#   - saturation: closed-loop, CONNECTIONS connections sending back to back: the most requests/s the service does;
#   - paced (PACED_MODES, default native): open-loop at the scenario's target rate from bench/targets.json,
#     latency measured from each request's scheduled time (bench/wrk/paced.lua): the latency at that rate.
# Results: bench/results/<run>/ (raw) and docs/performance.md (table).
#
# The warm-up runs at LOW concurrency (4 connections): on 2 cores, 32 busy request threads starve HotSpot's single
# C2 compiler thread (CFS shares the CPU per thread), so under full load the hot path stays in C1 code for minutes
# and the figures measure the JIT backlog, not the service (docs/performance.md, "What dominated").
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/lib/infra.sh

DURATION="${BENCH_DURATION:-30s}"
WARMUP="${BENCH_WARMUP:-60s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP_CONNECTIONS="${BENCH_WARMUP_CONNECTIONS:-4}" # low on purpose: see the header
THREADS="${BENCH_THREADS:-2}"
PACED_CONNECTIONS="${BENCH_PACED_CONNECTIONS:-32}" # open-loop runs: one wrk thread per connection (paced.lua)
PACED_MODES="${BENCH_PACED_MODES:-native}" # the JDK path cannot reach every target rate; its saturation rows are the record
SOAK_VAULT_RATE="${BENCH_SOAK_VAULT_RATE:-600}" # requests/s of the mixed vault calls during the soak
SOAK_PROMPT_RATE="${BENCH_SOAK_PROMPT_RATE:-80}" # process-envelope requests/s during the soak
ENVELOPES="${BENCH_ENVELOPES:-100000}" # per open/process file (warm-up and measured); > 30 s x 3,000/s
# The containers' JVM settings (Dockerfile JAVA_OPTS and MALLOC_ARENA_MAX: heap 31.25 % of the 512 MiB limit,
# Parallel GC, native heap trimmed every 10 s), so RSS here is what a pod would use (docs/performance.md, "Memory").
# The services run on the containers' runtime, Java 25 (requests on virtual threads): BENCH_JAVA_HOME, else a
# Temurin 25 under /usr/lib/jvm, else the java on PATH (on 17 they run on platform threads; the report names it).
SERVICE_JAVA_HOME="${BENCH_JAVA_HOME:-$(java25_home)}"
export BENCH_SERVICE_JAVA="${SERVICE_JAVA_HOME:+$SERVICE_JAVA_HOME/bin/}java"
COMPACT_HEADERS="" # Java 24+ only, like the containers' runtime
"$BENCH_SERVICE_JAVA" -XX:+UseCompactObjectHeaders -version >/dev/null 2>&1 && COMPACT_HEADERS="-XX:+UseCompactObjectHeaders"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx160m $COMPACT_HEADERS -XX:+UseParallelGC -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# BENCH_NMT=1: Native Memory Tracking on; each JVM's NMT summary and RSS are saved after the last scenario of a mode, and an
# NMT baseline and summary.diff around the soak (native_memory).
[ "${BENCH_NMT:-}" = 1 ] && JAVA_OPTS_BENCH="$JAVA_OPTS_BENCH -XX:NativeMemoryTracking=summary"
# Its own Redis database, emptied before and after each mode: one-time-use keys and the audit stream (up to 1M
# entries) must not pile up in the database the tests use.
REDIS_DB="${BENCH_REDIS_DATABASE:-9}"
CREATE_ENVELOPE_PROMPTS="${BENCH_CREATE_ENVELOPE_PROMPTS:-64}" # prompts the create-envelope requests take turns on
LIST_PROMPTS="${BENCH_LIST_PROMPTS:-200}" # prompts of the user the list-prompts scenario lists as
MODES="native,jdk"
SOAK=""
SOAK_ONLY=""
SCENARIOS="" # empty: all, and docs/performance.md is rewritten
ELASTIC="${BENCH_ELASTIC:-1}"
ELASTIC_ONLY=""
ELASTIC_VARIANTS="${BENCH_ELASTIC_VARIANTS:-aot,plain}"
COLD="${BENCH_COLD:-20s}"
ELASTIC_WARMUP="${BENCH_ELASTIC_WARMUP:-$WARMUP}"
ELASTIC_ENVELOPES="${BENCH_ELASTIC_ENVELOPES:-60000}" # per open-envelope file (cold, warm-up, warm)
while [ $# -gt 0 ]; do
  case "$1" in
    --modes) MODES="$2"; shift 2 ;;
    --soak) SOAK="$2"; shift 2 ;;
    --soak-only) SOAK_ONLY=1; shift ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --paced-modes) PACED_MODES="$2"; shift 2 ;;
    --elastic-only) ELASTIC_ONLY=1; ELASTIC=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

RUN="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
KEYS="$RUN/keys"
# BENCH_GC_LOG=1: each JVM writes a GC log ($RUN/gc-<pid>.log), e.g. to see the old generation level off in a soak.
[ "${BENCH_GC_LOG:-}" = 1 ] && JAVA_OPTS_BENCH="$JAVA_OPTS_BENCH -Xlog:gc:file=$ROOT/$RUN/gc-%p.log:uptime,level"
mkdir -p "$KEYS"
# Ports (BENCH_VAULT_PORT / BENCH_PROMPT_PORT; PostgreSQL and Redis from PG_PORT / REDIS_PORT_LOCAL, scripts/lib/infra.sh)
VAULT_PORT="${BENCH_VAULT_PORT:-3000}"
PROMPT_PORT="${BENCH_PROMPT_PORT:-3001}"
VAULT=http://127.0.0.1:$VAULT_PORT
PROMPT=http://127.0.0.1:$PROMPT_PORT
export PGPORT="$PG_PORT"
PIDS=()

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need jq jq

flush_redis() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT_LOCAL" -n "$REDIS_DB" flushdb >/dev/null 2>&1 || true; }

stop_services() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  PIDS=()
  flush_redis
}

# PostgreSQL's checkpoint spacing during the run (BENCH_PG_SETTINGS; empty leaves the server alone), set with ALTER
# SYSTEM + reload and put back on exit. With the defaults (max_wal_size 1GB, 5 min) the write scenarios checkpoint
# every 40-100 s, and each checkpoint start is a burst of full-page images in the WAL that stalled a paced run for up
# to 1.3 s: which 30 s window caught one decided the figures. This is the spacing a database taking thousands of
# audited writes per second would be given; durability is untouched (every commit is still flushed before it returns).
PG_SETTINGS="${BENCH_PG_SETTINGS-max_wal_size=8GB checkpoint_timeout=30min}"
PG_RESTORE=()
pg_sql() { psql -h "$PG_HOST" -U "$PG_SUPERUSER" -d postgres -Atqc "$1"; }
pg_settings_apply() {
  local pair name
  for pair in $PG_SETTINGS; do
    name="${pair%%=*}"
    # an earlier ALTER SYSTEM value is restored as it was; otherwise the setting is reset to postgresql.conf's
    PG_RESTORE+=("$name=$(pg_sql "select case when sourcefile like '%postgresql.auto.conf' then current_setting(name) end from pg_settings where name = '$name'")")
    pg_sql "alter system set $name = '${pair#*=}'" >/dev/null
  done
  [ -z "$PG_SETTINGS" ] || pg_sql "select pg_reload_conf()" >/dev/null
  pg_sql "select 'PostgreSQL ' || current_setting('server_version') || ': ' || string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings where name in ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'synchronous_commit', 'fsync')" > "$RUN/postgres.txt"
  [ -z "$PG_SETTINGS" ] || echo "(set by bench.sh for the run: $PG_SETTINGS)" >> "$RUN/postgres.txt"
}
pg_settings_restore() {
  local pair
  for pair in "${PG_RESTORE[@]:-}"; do
    [ -n "$pair" ] || continue
    if [ -n "${pair#*=}" ]; then pg_sql "alter system set ${pair%%=*} = '${pair#*=}'"; else pg_sql "alter system reset ${pair%%=*}"; fi >/dev/null || true
  done
  [ ${#PG_RESTORE[@]} -eq 0 ] || pg_sql "select pg_reload_conf()" >/dev/null || true
  PG_RESTORE=()
}
cleanup() { stop_services; pg_settings_restore; }
trap cleanup EXIT INT TERM

build_jars() {
  if [ ! -f vault-service/target/vault-service.jar ] || [ ! -f prompt-response-service/target/prompt-response-service.jar ]; then
    echo "== building jars"
    mvn -B -q -DskipTests package
  fi
  mvn -B -q -pl crypto-common dependency:build-classpath -Dmdep.outputFile="$ROOT/$RUN/crypto.classpath" >/dev/null
}

generate_keys() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/vault-sign.pem" 2>/dev/null
  openssl pkey -in "$KEYS/vault-sign.pem" -pubout -out "$KEYS/vault-sign.pub.pem"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/prompt-enc.pem" 2>/dev/null
  openssl pkey -in "$KEYS/prompt-enc.pem" -pubout -out "$KEYS/prompt-enc.pub.pem"
  openssl rand -base64 32 > "$KEYS/kek"
  openssl rand -base64 32 > "$KEYS/pepper"
  JWT_SECRET_VALUE="$(openssl rand -base64 48)"
  ADMIN_KEY="bench-$(openssl rand -hex 24)"
}

wait_healthy() { # url name pid
  for _ in $(seq 1 120); do
    curl -fsS "$1/api/v1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 died; see $RUN/$2.log" >&2; tail -30 "$RUN/$2.log" >&2; return 1; }
    sleep 1
  done
  echo "$2 did not become ready" >&2
  return 1
}

service_env() { # the two services' own variables (after generate_keys)
  VAULT_ENV=(PORT="$VAULT_PORT" DATABASE_HOST=127.0.0.1 DATABASE_PORT="$PG_PORT" DATABASE_NAME=e2ee_bench
    DATABASE_USER=postgres DATABASE_PASSWORD= E2EE_PEPPER_FILE="$KEYS/pepper"
    SENDER_PRIVATE_KEY_PATH="$KEYS/vault-sign.pem" RECEIVER_PUBLIC_KEY_PATH="$KEYS/prompt-enc.pub.pem")
  PROMPT_ENV=(PORT="$PROMPT_PORT" RECEIVER_PRIVATE_KEY_PATH="$KEYS/prompt-enc.pem"
    SENDER_PUBLIC_KEY_PATH="$KEYS/vault-sign.pub.pem" PROMPT_PROCESSOR=echo)
}

# How the services start: the fat jars (plain), or as run-local.sh and the images start them (aot: the extracted jars
# with the AOT cache scripts/aot-train.sh keeps in AOT_DIR, trained with these JVM options; Java 25+ only).
AOT_DIR="$ROOT/bench/results/local/aot"
launch_variant() { # aot|plain
  VAULT_LAUNCH=(-jar vault-service/target/vault-service.jar)
  PROMPT_LAUNCH=(-jar prompt-response-service/target/prompt-response-service.jar)
  LAUNCH_ENV=(E2EE_WARMUP_ENABLED=false)
  [ "$1" = aot ] || return 0
  LAUNCH_ENV=(E2EE_WARMUP_ENABLED=true)
  JAVA="$BENCH_SERVICE_JAVA" AOT_JAVA_OPTS="$JAVA_OPTS_BENCH" "$ROOT/scripts/aot-train.sh" "$AOT_DIR" || return 0
  VAULT_LAUNCH=(-XX:AOTCache="$AOT_DIR/vault/app.aot" -jar "$AOT_DIR/vault/vault-service.jar")
  PROMPT_LAUNCH=(-XX:AOTCache="$AOT_DIR/prompt/app.aot" -jar "$AOT_DIR/prompt/prompt-response-service.jar")
}

common_env() { # crypto provider ("" = native): COMMON, the variables both services get
  COMMON=("${LAUNCH_ENV[@]}" JWT_SECRET="$JWT_SECRET_VALUE" E2EE_BOOTSTRAP_ADMIN_API_KEY="$ADMIN_KEY" RATE_LIMIT_ENABLED=false
    E2EE_KEK_FILE="$KEYS/kek" E2EE_CRYPTO_PROVIDER="$1" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT_LOCAL" LOG_LEVEL=WARN
    SPRING_DATA_REDIS_DATABASE="$REDIS_DB")
}

fresh_database() {
  psql -h "$PG_HOST" -U "$PG_SUPERUSER" -d postgres -qc "drop database if exists e2ee_bench" >/dev/null
  ensure_database e2ee_bench >/dev/null
}

start_services() { # mode
  local provider=""
  [ "$1" = "jdk" ] && provider="jdk"
  fresh_database
  common_env "$provider"
  local common=("${COMMON[@]}")
  flush_redis
  # shellcheck disable=SC2086 # JAVA_OPTS_BENCH is a list of options
  env "${common[@]}" "${VAULT_ENV[@]}" "$BENCH_SERVICE_JAVA" $JAVA_OPTS_BENCH "${VAULT_LAUNCH[@]}" > "$RUN/vault-$1.log" 2>&1 &
  VAULT_PID=$!
  env "${common[@]}" "${PROMPT_ENV[@]}" "$BENCH_SERVICE_JAVA" $JAVA_OPTS_BENCH "${PROMPT_LAUNCH[@]}" > "$RUN/prompt-$1.log" 2>&1 &
  PROMPT_PID=$!
  PIDS=("$VAULT_PID" "$PROMPT_PID")
  wait_healthy "$VAULT" "vault-$1" "$VAULT_PID"
  wait_healthy "$PROMPT" "prompt-$1" "$PROMPT_PID"
}

prepare_data() {
  TOKEN="$(curl -fsS -X POST "$VAULT/api/v1/auth/token" -H "X-API-Key: $ADMIN_KEY" | jq -r '.token // .accessToken // .access_token')"
  PROMPT_ID="$(curl -fsS -X POST "$VAULT/api/v1/prompts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"promptText":"benchmark prompt about encryption","secret":"bench-secret"}' | jq -r .id)"
  [ -n "$TOKEN" ] && [ "$PROMPT_ID" != "null" ] || { echo "could not obtain a token and a prompt" >&2; return 1; }
  # list-prompts lists as an ordinary user owning LIST_PROMPTS prompts: the admin owns the ~150k prompts the
  # create-prompt scenario made, and an exact page total over all of them is a full count (docs/performance.md).
  local user_key
  user_key="$(curl -fsS -X POST "$VAULT/api/v1/api-keys" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench-lister","roles":["user"]}' | jq -r .key)"
  USER_TOKEN="$(curl -fsS -X POST "$VAULT/api/v1/auth/token" -H "X-API-Key: $user_key" | jq -r '.token // .accessToken // .access_token')"
  for i in $(seq 1 "$LIST_PROMPTS"); do
    curl -fsS -o /dev/null -X POST "$VAULT/api/v1/prompts" -H "Authorization: Bearer $USER_TOKEN" \
      -H 'Content-Type: application/json' -d "{\"promptText\":\"listed prompt $i\",\"secret\":\"bench-secret\"}"
  done
  if [ -n "$SOAK" ]; then # the soak's process calls, and its warm-up's (one connection: < 1,000/s)
    envelopes process $((SOAK_PROMPT_RATE * $(seconds "$SOAK") * 11 / 10)) soak
    envelopes process $((1000 * $(seconds "$WARMUP"))) soak-warm
  fi
  create_envelope_bodies "$VAULT" "$TOKEN"
  for kind in open process; do
    selected "$kind-envelope" || continue
    envelopes "$kind" "$ENVELOPES" "$kind"
    envelopes "$kind" "$ENVELOPES" "$kind-warm"
    if paced "$1" "$kind-envelope"; then
      envelopes "$kind" $(($(target_rate "$kind-envelope") * $(seconds "$DURATION") * 11 / 10)) "$kind-paced"
    fi
  done
}

create_envelope_bodies() { # origin token: CREATE_ENVELOPE_PROMPTS prompts, one create-envelope body each
  # (a prompt holds at most its secret-attempt limit of concurrent reservations; 32 connections on one prompt get
  # 429 by design, docs/security.md finding 7)
  local i id
  : > "$RUN/create-envelope-bodies.jsonl"
  for i in $(seq 1 "$CREATE_ENVELOPE_PROMPTS"); do
    id="$(curl -fsS -X POST "$1/api/v1/prompts" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
      -d "{\"promptText\":\"benchmark prompt $i about encryption\",\"secret\":\"bench-secret\"}" | jq -r .id)"
    echo "{\"promptId\":\"$id\",\"secret\":\"bench-secret\"}" >> "$RUN/create-envelope-bodies.jsonl"
  done
}

envelopes() { # kind(open|process) count file-prefix: distinct signed envelopes, one request body per line
  java -cp "$(cat "$RUN/crypto.classpath"):crypto-common/target/classes" bench/EnvelopeFactory.java \
    "$KEYS/vault-sign.pem" "$KEYS/prompt-enc.pub.pem" "$PROMPT_ID" "$2" "$RUN/$3-bodies.jsonl" "$1"
}

seconds() { # wrk duration (30s, 10m, 1h) -> seconds
  case "$1" in *h) echo $((${1%h} * 3600)) ;; *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac
}

target_rate() { jq -r --arg s "$1" '.[$s].rps // empty' bench/targets.json; }

paced() { [[ ",$PACED_MODES," == *",$1,"* ]] && [ -n "$(target_rate "$2")" ]; } # mode scenario

selected() { [ -z "$SOAK_ONLY" ] && { [ -z "$SCENARIOS" ] || [[ ",$SCENARIOS," == *",$1,"* ]]; }; }

rss_mib() { awk -v f="$2" '$1 == f":" { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

max_db_connections() { # sampled every 0.5 s while the scenario runs; printed at the end
  local max=0 n
  while kill -0 "$1" 2>/dev/null; do
    n=$(psql -h "$PG_HOST" -U "$PG_SUPERUSER" -d postgres -tAc \
      "select count(*) from pg_stat_activity where datname = 'e2ee_bench'" 2>/dev/null || echo 0)
    [ "${n:-0}" -gt "$max" ] && max=$n
    sleep 0.5
  done
  echo "$max"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

postgres_ticks() { # all PostgreSQL processes (backends, WAL writer, checkpointer...)
  local total=0 pid t
  for pid in $(pgrep -x postgres); do t=$(cpu_ticks "$pid" 2>/dev/null) && total=$((total + t)); done
  echo "$total"
}

wait_quiet() { # until both JVMs use < 10 % of a core over a second (max 120 s): no backlog leaks into a scenario
  for _ in $(seq 1 120); do
    local v0 p0 v1 p1
    v0=$(cpu_ticks "$VAULT_PID"); p0=$(cpu_ticks "$PROMPT_PID")
    sleep 1
    v1=$(cpu_ticks "$VAULT_PID"); p1=$(cpu_ticks "$PROMPT_PID")
    [ $((v1 - v0)) -lt 10 ] && [ $((p1 - p0)) -lt 10 ] && return 0
  done
  echo "   (JVMs still busy after 120 s; measuring anyway)"
}

scenario() { # mode name origin script [env...]; BENCH_BODIES_FILE=<x>-bodies.jsonl warms up on <x>-warm-bodies.jsonl
  local mode=$1 name=$2 origin=$3 script=$4; shift 4
  selected "$name" || return 0
  echo "== $mode / $name (warm-up $WARMUP, then $DURATION saturated$(paced "$mode" "$name" && echo ", then $DURATION at $(target_rate "$name")/s"))"
  wait_quiet
  local token="${SCENARIO_TOKEN:-$TOKEN}"
  env "$@" "$(bodies warm "$@")" BENCH_TOKEN="$token" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$WARMUP_CONNECTIONS" \
    -d"$WARMUP" -s "bench/wrk/$script" "$origin" > "$RUN/$mode-$name-warmup.txt" 2>&1 || true
  measure "$mode" "$name" saturation "$RUN/$mode-$name.txt" "$@" BENCH_TOKEN="$token" BENCH_THREADS="$THREADS" \
    -- -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/wrk/$script" "$origin"
  paced "$mode" "$name" || return 0
  measure "$mode" "$name" paced "$RUN/$mode-$name-paced.txt" "$@" "$(bodies paced "$@")" BENCH_TOKEN="$token" \
    BENCH_THREADS="$PACED_CONNECTIONS" BENCH_RATE="$(target_rate "$name")" \
    -- -t"$PACED_CONNECTIONS" -c"$PACED_CONNECTIONS" -d"$DURATION" -s "bench/wrk/$script" "$origin"
}

bodies() { # variant env...: BENCH_BODIES_FILE switched to <x>-<variant>-bodies.jsonl (a no-op assignment if none)
  local variant=$1 kv; shift
  for kv in "$@"; do
    [[ "$kv" == BENCH_BODIES_FILE=* ]] && { echo "${kv/-bodies.jsonl/-$variant-bodies.jsonl}"; return; }
  done
  echo "BENCH_VARIANT=$variant"
}

measure() { # mode name load out-file env... -- wrk-args...: one row of results.jsonl, after both JVMs are idle
  local mode=$1 name=$2 load=$3 out=$4; shift 4
  local vars=()
  while [ "$1" != "--" ]; do vars+=("$1"); shift; done
  shift
  wait_quiet
  local v0 p0 g0
  v0=$(cpu_ticks "$VAULT_PID"); p0=$(cpu_ticks "$PROMPT_PID"); g0=$(postgres_ticks)
  env "${vars[@]}" wrk "$@" > "$out" 2>&1 &
  local wrk_pid=$!
  local db
  db=$(max_db_connections "$wrk_pid")
  wait "$wrk_pid" || true
  # CPU time per request of each process (ticks of 10 ms): on 2 shared cores their sum bounds the rate.
  local cpu
  cpu=$(jq -nc --argjson v $(($(cpu_ticks "$VAULT_PID") - v0)) --argjson p $(($(cpu_ticks "$PROMPT_PID") - p0)) \
    --argjson g $(($(postgres_ticks) - g0)) '{vault: $v, prompt: $p, postgres: $g}')
  local result
  result=$(grep '^BENCH_RESULT ' "$out" | sed 's/^BENCH_RESULT //')
  [ -n "$result" ] || result='{"requests":0,"rps":0,"p50_ms":0,"p95_ms":0,"p99_ms":0,"max_ms":0,"socket_errors":1,"non_2xx":0}'
  jq -c --arg mode "$mode" --arg name "$name" --arg load "$load" --argjson db "$db" --argjson cpu "$cpu" \
    --argjson vault "$(rss_mib "$VAULT_PID" VmHWM)" --argjson prompt "$(rss_mib "$PROMPT_PID" VmHWM)" \
    '. as $r | $r + {mode: $mode, scenario: $name, load: $load, db_connections: $db, vault_peak_rss_mib: $vault,
      prompt_peak_rss_mib: $prompt,
      cpu_ms_per_request: ($cpu | map_values(if $r.requests > 0 then (. * 10000 / $r.requests | round) / 1000 else 0 end))}' \
    <<<"$result" >> "$RUN/results.jsonl"
  tail -1 "$RUN/results.jsonl"
}

run_mode() { # mode
  start_services "$1"
  prepare_data "$1"
  if [ -n "$SOAK_ONLY" ]; then soak "$1"; stop_services; return; fi
  scenario "$1" create-envelope "$VAULT" request.lua BENCH_METHOD=POST BENCH_PATH=/api/v1/envelopes \
    BENCH_BODY_CYCLE="$RUN/create-envelope-bodies.jsonl"
  scenario "$1" open-envelope "$PROMPT" bodies.lua BENCH_PATH=/api/v1/envelopes/decrypt \
    BENCH_BODIES_FILE="$RUN/open-bodies.jsonl"
  scenario "$1" process-envelope "$PROMPT" bodies.lua BENCH_PATH=/api/v1/prompts/process \
    BENCH_BODIES_FILE="$RUN/process-bodies.jsonl"
  scenario "$1" create-prompt "$VAULT" request.lua BENCH_METHOD=POST BENCH_PATH=/api/v1/prompts \
    BENCH_BODY='{"promptText":"benchmark prompt alpha beta gamma","secret":"bench-secret"}'
  scenario "$1" get-prompt "$VAULT" request.lua BENCH_METHOD=GET BENCH_PATH="/api/v1/prompts/$PROMPT_ID"
  SCENARIO_TOKEN="$USER_TOKEN" scenario "$1" list-prompts "$VAULT" request.lua BENCH_METHOD=GET BENCH_PATH="/api/v1/prompts?limit=20"
  if [ -n "$SOAK" ]; then soak "$1"; fi
  native_memory "$1" end summary
  stop_services
}

native_memory() { # mode label jcmd-subcommand: with BENCH_NMT=1, each JVM's RSS and NMT output, saved as
  # $RUN/<mode>-<service>-nmt-<label>.txt (summary after the scenarios; baseline and summary.diff around the soak)
  [ "${BENCH_NMT:-}" = 1 ] || return 0
  local service pid
  for service in vault prompt; do
    pid=$VAULT_PID; [ "$service" = prompt ] && pid=$PROMPT_PID
    { grep -E '^Vm(RSS|HWM)' "/proc/$pid/status"; jcmd "$pid" VM.native_memory "$3"; } > "$RUN/$1-$service-nmt-$2.txt" 2>&1 || true
  done
}

soak() { # mode: fixed-rate (open-loop) mixed load on both services; RSS sampled every 10 s to show it stays flat
  echo "== $1 / soak ($SOAK at $SOAK_VAULT_RATE + $SOAK_PROMPT_RATE requests/s), after a warm-up of the same calls ($WARMUP at $WARMUP_CONNECTIONS connections, see the header)"
  local vault_env=(BENCH_TOKEN="$TOKEN" BENCH_LIST_TOKEN="$USER_TOKEN" BENCH_PROMPT_ID="$PROMPT_ID")
  local prompt_env=(BENCH_TOKEN="$TOKEN" BENCH_PATH=/api/v1/prompts/process)
  env "${vault_env[@]}" wrk -t"$THREADS" -c"$WARMUP_CONNECTIONS" -d"$WARMUP" -s bench/wrk/mixed.lua "$VAULT" \
    > "$RUN/$1-soak-warmup.txt" 2>&1 &
  local warm_pid=$!
  env "${prompt_env[@]}" BENCH_THREADS=1 BENCH_BODIES_FILE="$RUN/soak-warm-bodies.jsonl" \
    wrk -t1 -c1 -d"$WARMUP" -s bench/wrk/bodies.lua "$PROMPT" > "$RUN/$1-soak-prompt-warmup.txt" 2>&1 || true
  wait "$warm_pid" || true # by pid: a bare `wait` would also wait for the services
  wait_quiet
  native_memory "$1" soak-start baseline
  env "${vault_env[@]}" BENCH_RATE="$SOAK_VAULT_RATE" BENCH_THREADS=16 BENCH_TRACE="$ROOT/$RUN/$1-soak-trace.txt" \
    wrk -t16 -c16 -d"$SOAK" -s bench/wrk/mixed.lua "$VAULT" > "$RUN/$1-soak.txt" 2>&1 &
  local wrk_pid=$!
  env "${prompt_env[@]}" BENCH_RATE="$SOAK_PROMPT_RATE" BENCH_THREADS=2 BENCH_BODIES_FILE="$RUN/soak-bodies.jsonl" \
    wrk -t2 -c2 -d"$SOAK" -s bench/wrk/bodies.lua "$PROMPT" > "$RUN/$1-soak-prompt.txt" 2>&1 &
  local prompt_wrk=$!
  echo "epoch vault_rss_mib prompt_rss_mib" > "$RUN/$1-soak-rss.txt"
  while kill -0 "$wrk_pid" 2>/dev/null; do
    echo "$(date -u +%s) $(rss_mib "$VAULT_PID" VmRSS) $(rss_mib "$PROMPT_PID" VmRSS)" >> "$RUN/$1-soak-rss.txt"
    sleep 10
  done
  wait "$wrk_pid" "$prompt_wrk" || true
  native_memory "$1" soak-end summary.diff
  local file errors
  for file in "$RUN/$1-soak.txt" "$RUN/$1-soak-prompt.txt"; do
    errors=$(sed -n 's/^BENCH_RESULT //p' "$file" | jq '.socket_errors + .non_2xx' 2>/dev/null || echo "no result")
    echo "$(basename "$file"): $(sed -n 's/^BENCH_RESULT //p' "$file" | jq -c '{requests, rps, p50_ms, p95_ms, p99_ms, max_ms}' 2>/dev/null) errors: ${errors:-no result}"
    [ "$errors" = 0 ] || echo "   SOAK ERRORS in $file" >&2
  done
  # RSS by thirds of the run: flat memory means the last third's mean is no higher than the second's.
  awk 'NR > 1 { n++; v[n] = $2; p[n] = $3; if ($2 > vm) vm = $2; if ($3 > pm) pm = $3 }
    END { for (i = 1; i <= n; i++) { t = int((i - 1) * 3 / n); vs[t] += v[i]; ps[t] += p[i]; c[t]++ }
      printf "RSS MiB, mean of each third (max): vault %d / %d / %d (%d), prompt %d / %d / %d (%d)\n",
        vs[0] / c[0], vs[1] / c[1], vs[2] / c[2], vm, ps[0] / c[0], ps[1] / c[1], ps[2] / c[2], pm }' "$RUN/$1-soak-rss.txt"
}

# ---- elastic start (issue 17) ----
launch_timed() { # variant service(vault|prompt): starts it, waits for /health/ready, sets NEW_PID, READY_MS, READY_CPU_S
  local variant=$1 service=$2 url=$VAULT t0
  local env=("${VAULT_ENV[@]}") launch=("${VAULT_LAUNCH[@]}")
  [ "$service" = prompt ] && { url=$PROMPT; env=("${PROMPT_ENV[@]}"); launch=("${PROMPT_LAUNCH[@]}"); }
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  env "${COMMON[@]}" "${env[@]}" "$BENCH_SERVICE_JAVA" $JAVA_OPTS_BENCH "${launch[@]}" > "$RUN/elastic-$variant-$service.log" 2>&1 &
  NEW_PID=$!
  PIDS+=("$NEW_PID")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/health/ready")" = 200 ]; do
    kill -0 "$NEW_PID" 2>/dev/null || { echo "$service died; see $RUN/elastic-$variant-$service.log" >&2; return 1; }
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  READY_CPU_S=$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$NEW_PID/stat")
}

wait_idle() { # pid: until it uses < 10 % of a core over a second (max 60 s)
  local a b
  for _ in $(seq 1 60); do a=$(cpu_ticks "$1"); sleep 1; b=$(cpu_ticks "$1"); [ $((b - a)) -lt 10 ] && return 0; done
}

cold_and_warm() { # variant service origin script env...: cold run at once, warm-up, warm run; one elastic.jsonl row
  local variant=$1 service=$2 origin=$3 script=$4 pid=$NEW_PID; shift 4
  local base="$RUN/elastic-$variant-$service"
  env "$@" "$(bodies cold "$@")" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$COLD" --latency \
    -s "bench/wrk/$script" "$origin" > "$base-cold.txt" 2>&1 || true
  env "$@" "$(bodies warm "$@")" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$WARMUP_CONNECTIONS" -d"$ELASTIC_WARMUP" \
    -s "bench/wrk/$script" "$origin" > "$base-warmup.txt" 2>&1 || true
  wait_idle "$pid"
  env "$@" "$(bodies hot "$@")" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$COLD" --latency \
    -s "bench/wrk/$script" "$origin" > "$base-warm.txt" 2>&1 || true
  local cold warm
  cold=$(sed -n 's/^BENCH_RESULT //p' "$base-cold.txt"); warm=$(sed -n 's/^BENCH_RESULT //p' "$base-warm.txt")
  jq -nc --arg variant "$variant" --arg service "$service" --argjson ready_ms "$READY_MS" \
    --argjson ready_cpu_s "$READY_CPU_S" --argjson cold "${cold:-null}" --argjson warm "${warm:-null}" \
    --argjson rss "$(rss_mib "$pid" VmHWM)" --arg cold_duration "$COLD" \
    '{variant: $variant, service: $service, ready_ms: $ready_ms, ready_cpu_s: $ready_cpu_s, cold: $cold, warm: $warm,
      peak_rss_mib: $rss, cold_duration: $cold_duration}' | tee -a "$RUN/elastic.jsonl"
}

run_local_timed() { # variant: wall time of `scripts/run-local.sh --detach` (after an untimed call that trains the cache)
  local variant=$1 t0 ms
  local env=(LOCAL_DIR="$ROOT/bench/results/local" LOCAL_JAVA_OPTS="$JAVA_OPTS_BENCH" JAVA="$BENCH_SERVICE_JAVA"
    VAULT_PORT="$VAULT_PORT" PROMPT_PORT="$PROMPT_PORT" GATEWAY_PORT="${BENCH_GATEWAY_PORT:-8080}"
    DATABASE_NAME=e2ee_bench_local REDIS_DATABASE_INDEX="$REDIS_DB" LOCAL_AOT=1 E2EE_WARMUP_ENABLED=true)
  [ "$variant" = aot ] || env+=(LOCAL_AOT=0 E2EE_WARMUP_ENABLED=false)
  if [ "$variant" = aot ]; then
    env "${env[@]}" scripts/run-local.sh --detach > "$RUN/run-local-$variant-untimed.txt" 2>&1 || true
    env "${env[@]}" scripts/run-local.sh --stop >/dev/null 2>&1 || true
  fi
  t0=$(date +%s%N)
  env "${env[@]}" scripts/run-local.sh --detach > "$RUN/run-local-$variant.txt" 2>&1 || echo "run-local.sh failed: $RUN/run-local-$variant.txt" >&2
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  env "${env[@]}" scripts/run-local.sh --stop >/dev/null 2>&1 || true
  flush_redis
  jq -nc --arg variant "$variant" --argjson ms "$ms" '{variant: $variant, service: "run-local.sh", ready_ms: $ms}' \
    | tee -a "$RUN/elastic.jsonl"
}

elastic() {
  echo "== elastic start: variants $ELASTIC_VARIANTS, cold $COLD at $CONNECTIONS connections right after ready"
  service_env
  local fake_prompt variant
  fake_prompt=$(cat /proc/sys/kernel/random/uuid) # the prompt-response service does not look prompts up
  for variant in cold warm hot; do
    java -cp "$(cat "$RUN/crypto.classpath"):crypto-common/target/classes" bench/EnvelopeFactory.java "$KEYS/vault-sign.pem" \
      "$KEYS/prompt-enc.pub.pem" "$fake_prompt" "$ELASTIC_ENVELOPES" "$RUN/elastic-open-$variant-bodies.jsonl" open >/dev/null
  done
  IFS=',' read -r -a variants <<<"$ELASTIC_VARIANTS"
  local label
  for variant in "${variants[@]}"; do
    run_local_timed "$variant"
    launch_variant "$variant"
    label=$variant # a failed training leaves the fat jars: say so in the table
    [ "$variant" = aot ] && [ "${VAULT_LAUNCH[0]}" = -jar ] && label="warm-up only (cache training failed)"
    variant=$label
    fresh_database
    flush_redis
    common_env ""
    echo "== elastic / $variant / vault"
    launch_timed "$variant" vault
    TOKEN="$(curl -fsS -X POST "$VAULT/api/v1/auth/token" -H "X-API-Key: $ADMIN_KEY" | jq -r '.token // .accessToken')"
    PROMPT_ID="$(curl -fsS -X POST "$VAULT/api/v1/prompts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"promptText":"benchmark prompt about encryption","secret":"bench-secret"}' | jq -r .id)"
    create_envelope_bodies "$VAULT" "$TOKEN"
    cold_and_warm "$variant" vault "$VAULT" request.lua BENCH_TOKEN="$TOKEN" BENCH_METHOD=POST \
      BENCH_PATH=/api/v1/envelopes BENCH_BODY_CYCLE="$RUN/create-envelope-bodies.jsonl"
    wait_idle "$NEW_PID"
    echo "== elastic / $variant / prompt-response"
    launch_timed "$variant" prompt
    cold_and_warm "$variant" prompt "$PROMPT" bodies.lua BENCH_TOKEN="$TOKEN" BENCH_PATH=/api/v1/envelopes/decrypt \
      BENCH_BODIES_FILE="$RUN/elastic-open-bodies.jsonl"
    stop_services
  done
}

ceiling() {
  echo "== openssl speed -multi $(nproc) rsa2048"
  openssl speed -seconds 5 -multi "$(nproc)" rsa2048 2>/dev/null | tee "$RUN/openssl.txt" | tail -2
  SIGN_CEILING=$(awk '/^rsa 2048 bits/ { print $(NF-1) }' "$RUN/openssl.txt" | tail -1)
}

ensure_postgres
ensure_redis
pg_settings_apply
build_jars
generate_keys
ceiling
: > "$RUN/results.jsonl"
if [ "$ELASTIC" = 1 ] && [ -z "$SOAK_ONLY" ]; then
  elastic
  if [ -n "$ELASTIC_ONLY" ]; then
    python3 bench/render_report.py docs/performance.md "$RUN" "$SIGN_CEILING" "$DURATION" "$CONNECTIONS" "$THREADS" "$WARMUP" --elastic-only
    echo "== results in $RUN; elastic-start table written to docs/performance.md"
    exit 0
  fi
fi
# the scenarios run the services as run-local.sh and the images start them (AOT cache, warm-up);
# BENCH_SCENARIO_VARIANT=plain runs them on the fat jars (for a like-for-like pair with a build that had no cache)
launch_variant "${BENCH_SCENARIO_VARIANT:-aot}"
service_env
IFS=',' read -r -a mode_list <<<"$MODES"
for mode in "${mode_list[@]}"; do run_mode "$mode"; done
[ -n "$SOAK_ONLY" ] && { echo "== soak results in $RUN"; exit 0; }
[ -n "$SCENARIOS" ] && { echo "== results in $RUN (a subset: docs/performance.md left alone)"; exit 0; }
python3 bench/render_report.py docs/performance.md "$RUN" "$SIGN_CEILING" "$DURATION" "$CONNECTIONS" "$THREADS" "$WARMUP"
echo "== results in $RUN; table written to docs/performance.md"
