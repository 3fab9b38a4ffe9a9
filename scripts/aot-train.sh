#!/usr/bin/env bash
# Java 25 AOT cache of both services (JEP 483 classes loaded and linked, JEP 515 method profiles; JEP 514 one-step
# -XX:AOTCacheOutput). A training run serves a short representative workload, then the services exit cleanly and
# the JVM writes the cache; a later start with -XX:AOTCache=... skips class loading/linking and compiles the hot
# paths from the recorded profiles (docs/performance.md, "Elastic start").
#
#   scripts/aot-train.sh DIR     # DIR/vault/vault-service.jar + lib/ + app.aot, DIR/prompt/... ; fresh: no-op
#
# The JVM checks at start that the class path is the one the cache was trained on, so the services must later start
# from these very directories (AOT_VAULT_DIR / AOT_PROMPT_DIR put one elsewhere, e.g. at /app in an image).
#
# It extracts the fat jars (Boot's `jarmode=tools extract`: the cache only works on the extracted form), and
# trains only when DIR/stamp differs from the jars' checksums + the JVM's version + the JVM options (a cache made
# by another JVM or with other options is rejected by the JVM). Needs Java 25+: on an older JVM it exits 3 and
# callers start the fat jars as before. The training run uses its own throwaway keys, database (e2ee_aot_training,
# dropped afterwards) and Redis database (AOT_REDIS_DATABASE, flushed), never the caller's.
#
# Environment: JAVA (java), AOT_JAVA_OPTS (the options the services will run with; they must match),
# VAULT_JAR / PROMPT_JAR (the module jars), AOT_VAULT_PORT (3140) / AOT_PROMPT_PORT (3141), AOT_ITERATIONS (200
# create-envelope + open/process pairs), AOT_REDIS_DATABASE (14), AOT_WAIT_SECONDS (600: a service's start in the
# training run, slow on a busy machine), PG_PORT / REDIS_PORT_LOCAL (scripts/lib/infra.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib/infra.sh"

DIR="${1:?usage: aot-train.sh DIR}"
JAVA="${JAVA:-java}"
AOT_JAVA_OPTS="${AOT_JAVA_OPTS:-}"
VAULT_JAR="${VAULT_JAR:-$ROOT/vault-service/target/vault-service.jar}"
PROMPT_JAR="${PROMPT_JAR:-$ROOT/prompt-response-service/target/prompt-response-service.jar}"
VAULT_PORT="${AOT_VAULT_PORT:-3140}"
PROMPT_PORT="${AOT_PROMPT_PORT:-3141}"
ITERATIONS="${AOT_ITERATIONS:-200}"
REDIS_DB="${AOT_REDIS_DATABASE:-14}"
WAIT_SECONDS="${AOT_WAIT_SECONDS:-600}"
TRAINING_DB=e2ee_aot_training
VAULT_DIR="${AOT_VAULT_DIR:-$DIR/vault}"
PROMPT_DIR="${AOT_PROMPT_DIR:-$DIR/prompt}"

log() { printf '[aot-train] %s\n' "$*"; }

version="$("$JAVA" -version 2>&1 | head -n1)"
"$JAVA" -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1 || { log "no AOT cache on this JVM ($version)"; exit 3; }

stamp="$(sha256sum "$VAULT_JAR" "$PROMPT_JAR" | cut -d' ' -f1 | tr '\n' ' ')$version $AOT_JAVA_OPTS"
if [ -f "$DIR/stamp" ] && [ "$(cat "$DIR/stamp")" = "$stamp" ] && [ -s "$VAULT_DIR/app.aot" ] && [ -s "$PROMPT_DIR/app.aot" ]; then
  exit 0
fi
log "training the AOT caches in $DIR (the jars, the JVM or its options changed)"
rm -rf "$DIR" "$VAULT_DIR" "$PROMPT_DIR"
mkdir -p "$DIR"
"$JAVA" -Djarmode=tools -jar "$VAULT_JAR" extract --destination "$VAULT_DIR" >/dev/null
"$JAVA" -Djarmode=tools -jar "$PROMPT_JAR" extract --destination "$PROMPT_DIR" >/dev/null

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -qc "drop database if exists $TRAINING_DB" >/dev/null 2>&1 || true
  redis-cli -h "$REDIS_HOST_LOCAL" -p "$REDIS_PORT_LOCAL" -n "$REDIS_DB" flushdb >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

ensure_postgres
ensure_redis
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -qc "drop database if exists $TRAINING_DB" >/dev/null
ensure_database "$TRAINING_DB" >/dev/null
redis-cli -h "$REDIS_HOST_LOCAL" -p "$REDIS_PORT_LOCAL" -n "$REDIS_DB" flushdb >/dev/null
"$ROOT/scripts/gen-dev-keys.sh" "$work/keys" >/dev/null
admin_key="training-$(openssl rand -hex 16)"

train() { # name app-dir port env...: starts one service writing its AOT cache at exit
  local name=$1 app=$2 port=$3; shift 3
  # shellcheck disable=SC2086 # AOT_JAVA_OPTS is a list of options
  (cd "$app" && exec env "$@" PORT="$port" JWT_SECRET="$(cat "$work/keys/jwt-secret")" \
    E2EE_BOOTSTRAP_ADMIN_API_KEY="$admin_key" RATE_LIMIT_ENABLED=false LOG_LEVEL=WARN \
    REDIS_HOST="$REDIS_HOST_LOCAL" REDIS_PORT="$REDIS_PORT_LOCAL" SPRING_DATA_REDIS_DATABASE="$REDIS_DB" \
    E2EE_HPKE_PRIVATE_KEY_PATH="$work/keys/hpke-private.pem" \
    "$JAVA" $AOT_JAVA_OPTS -XX:AOTCacheOutput=app.aot -jar "$(ls "$app"/*.jar)") > "$work/$name.log" 2>&1 &
  pids+=($!)
  local deadline=$((SECONDS + WAIT_SECONDS))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health/ready")" = 200 ]; do
    kill -0 "${pids[-1]}" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ] || { tail -30 "$work/$name.log" >&2; log "$name did not get ready within $WAIT_SECONDS s"; exit 1; }
    sleep 0.5
  done
}

train vault "$VAULT_DIR" "$VAULT_PORT" DATABASE_HOST="$PG_HOST" DATABASE_PORT="$PG_PORT" DATABASE_USER="$PG_SUPERUSER" \
  DATABASE_PASSWORD="" DATABASE_NAME="$TRAINING_DB" SENDER_PRIVATE_KEY_PATH="$work/keys/vault-signing-private.pem" \
  RECEIVER_PUBLIC_KEY_PATH="$work/keys/prompt-receiving-public.pem" E2EE_KEK_FILE="$work/keys/vault-kek" \
  E2EE_PEPPER_FILE="$work/keys/pepper"
train prompt "$PROMPT_DIR" "$PROMPT_PORT" RECEIVER_PRIVATE_KEY_PATH="$work/keys/prompt-receiving-private.pem" \
  SENDER_PUBLIC_KEY_PATH="$work/keys/vault-signing-public.pem" E2EE_KEK_FILE="$work/keys/prompt-kek" PROMPT_PROCESSOR=echo

# The workload: the calls a pod serves most (create prompt, read it, create envelope; open and process envelopes).
vault="http://127.0.0.1:$VAULT_PORT" prompt="http://127.0.0.1:$PROMPT_PORT"
token="$(curl -fsS -X POST "$vault/api/v1/auth/token" -H "X-API-Key: $admin_key" | jq -r '.token // .accessToken')"
json=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
for i in $(seq 1 "$ITERATIONS"); do
  if [ $((i % 20)) = 1 ]; then
    id="$(curl -fsS -X POST "$vault/api/v1/prompts" "${json[@]}" -d "{\"promptText\":\"training prompt $i\",\"secret\":\"training-secret\"}" | jq -r .id)"
    curl -fsS -o /dev/null "$vault/api/v1/prompts/$id" "${json[@]}"
  fi
  curl -fsS -X POST "$vault/api/v1/envelopes" "${json[@]}" -d "{\"promptId\":\"$id\",\"secret\":\"training-secret\"}" \
    | jq -c 'if .envelope then .envelope else del(.status) end | {envelope: .}' > "$work/open.json"
  if [ $((i % 4)) = 0 ]; then
    jq -c '. + {options: {format: "json"}}' "$work/open.json" > "$work/process.json"
    curl -fsS -o /dev/null -X POST "$prompt/api/v1/prompts/process" "${json[@]}" -d @"$work/process.json"
  else
    curl -fsS -o /dev/null -X POST "$prompt/api/v1/envelopes/decrypt" "${json[@]}" -d @"$work/open.json"
  fi
done
log "workload done ($ITERATIONS envelopes); stopping the services to write the caches"
for pid in "${pids[@]}"; do kill -TERM "$pid"; done
for pid in "${pids[@]}"; do wait "$pid" || true; done
pids=()
[ -s "$VAULT_DIR/app.aot" ] && [ -s "$PROMPT_DIR/app.aot" ] || { tail -20 "$work"/*.log >&2; log "no cache written"; exit 1; }
echo "$stamp" > "$DIR/stamp"
log "caches written: $(du -sh "$VAULT_DIR/app.aot" "$PROMPT_DIR/app.aot" | awk '{ printf "%s %s  ", $2, $1 }')"
