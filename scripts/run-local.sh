#!/usr/bin/env bash
# The docker-compose topology without Docker: PostgreSQL + Redis (started when installed but down), both
# services from their fat jars, and nginx as the API gateway on port 8080, rendered from the same routing
# rules as the compose gateway (gateway/routes.conf).
#
#   scripts/run-local.sh             start, wait until healthy, print URLs; Ctrl-C / SIGTERM stops everything
#   scripts/run-local.sh --detach    start, wait until healthy, leave it running (scripts/e2e.sh uses this)
#   scripts/run-local.sh --stop      stop what a --detach run started
#   scripts/run-local.sh --status    show what is running
#
# Environment (all optional): JWT_SECRET, E2EE_BOOTSTRAP_ADMIN_API_KEY (else generated once into
# .local/dev-keys), DATABASE_NAME (e2ee), VAULT_PORT (3000), PROMPT_PORT (3001), GATEWAY_PORT (8080),
# REDIS_DATABASE_INDEX (1, to keep the local run's Redis keys apart from test runs), JAVA (java),
# LOCAL_JAVA_OPTS, WAIT_SECONDS (90), LOCAL_DIR (.local), VAULT_JAR / PROMPT_JAR (the module jars), LOCAL_AOT (1:
# on Java 25+ the services start from their extracted jars with the AOT cache scripts/aot-train.sh builds or
# refreshes in .local/aot when missing or stale, a training run of a few minutes; 0 or Java 17: the fat jars).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

LOCAL_DIR="${LOCAL_DIR:-$ROOT/.local}"
KEYS_DIR="$LOCAL_DIR/dev-keys"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"
NGINX_DIR="$LOCAL_DIR/nginx"
DATABASE_NAME="${DATABASE_NAME:-e2ee}"
VAULT_PORT="${VAULT_PORT:-3000}"
PROMPT_PORT="${PROMPT_PORT:-3001}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
REDIS_DATABASE_INDEX="${REDIS_DATABASE_INDEX:-1}"
WAIT_SECONDS="${WAIT_SECONDS:-90}"
JAVA="${JAVA:-java}"
LOCAL_JAVA_OPTS="${LOCAL_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED}"
VAULT_JAR="${VAULT_JAR:-$ROOT/vault-service/target/vault-service.jar}"
PROMPT_JAR="${PROMPT_JAR:-$ROOT/prompt-response-service/target/prompt-response-service.jar}"
COMPONENTS=(nginx prompt-response-service vault-service)
LOCAL_AOT="${LOCAL_AOT:-1}"
AOT_DIR="$LOCAL_DIR/aot"
VAULT_LAUNCH=(-jar "$VAULT_JAR")
PROMPT_LAUNCH=(-jar "$PROMPT_JAR")

source "$ROOT/scripts/lib/infra.sh"

log() { printf '[run-local] %s\n' "$*"; }
die() { printf '[run-local] ERROR: %s\n' "$*" >&2; exit 1; }

pid_of() { cat "$RUN_DIR/$1.pid" 2>/dev/null || true; }
is_running() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_one() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in 15 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

stop_all() {
  for name in "${COMPONENTS[@]}"; do stop_one "$name"; done
}

status() {
  for name in "${COMPONENTS[@]}"; do
    if is_running "$name"; then echo "$name: running (pid $(pid_of "$name"))"; else echo "$name: stopped"; fi
  done
}

check_ports_free() {
  local port
  for port in "$VAULT_PORT" "$PROMPT_PORT" "$GATEWAY_PORT"; do
    if port_in_use "$port"; then
      die "port $port is already in use (another run? try: $0 --stop, or: ss -ltnp 'sport = :$port')"
    fi
  done
}

build_jars_if_missing() {
  if [ -f "$VAULT_JAR" ] && [ -f "$PROMPT_JAR" ]; then return 0; fi
  log "building the service jars (mvn -B -q -DskipTests package)"
  mvn -B -q -ntp -DskipTests -pl vault-service,prompt-response-service -am package
  [ -f "$VAULT_JAR" ] && [ -f "$PROMPT_JAR" ] || die "the build did not produce $VAULT_JAR and $PROMPT_JAR"
}

ensure_tools() {
  # nginx is installed without starting its system service (RUNLEVEL=1); run-local runs its own instance.
  ensure_command nginx nginx && ensure_command curl curl && ensure_command openssl openssl && ensure_command jq jq \
    || die "missing tools (see above)"
}

mime_types() {
  local f
  for f in /etc/nginx/mime.types /usr/local/nginx/conf/mime.types /opt/homebrew/etc/nginx/mime.types; do
    [ -f "$f" ] && { echo "$f"; return 0; }
  done
  die "cannot find nginx's mime.types"
}

render_nginx_conf() {
  mkdir -p "$NGINX_DIR"
  sed -e "s#@RUN_DIR@#$RUN_DIR#g" -e "s#@LOG_DIR@#$LOG_DIR#g" -e "s#@GATEWAY_DIR@#$ROOT/gateway#g" \
      -e "s#@MIME_TYPES@#$(mime_types)#g" -e "s#@LISTEN@#127.0.0.1:$GATEWAY_PORT#g" \
      -e "s#@VAULT_UPSTREAM@#127.0.0.1:$VAULT_PORT#g" -e "s#@PROMPT_UPSTREAM@#127.0.0.1:$PROMPT_PORT#g" \
      "$ROOT/gateway/nginx.local.conf.template" > "$NGINX_DIR/nginx.conf"
  nginx -q -t -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log" \
    || die "the rendered nginx config is invalid: $NGINX_DIR/nginx.conf"
}

# start NAME FUNCTION : runs FUNCTION (which exports its environment and execs the process) in a subshell of
# its own session, output to .local/logs/NAME.log, pid recorded. Secrets travel in the environment, never
# on a command line.
start() {
  local name="$1" fn="$2"
  : > "$LOG_DIR/$name.log"
  ( "$fn" ) >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
  log "started $name (pid $!, log $LOG_DIR/$name.log)"
}

export_common_env() {
  export JWT_SECRET E2EE_BOOTSTRAP_ADMIN_API_KEY
  export REDIS_HOST="$REDIS_HOST_LOCAL" REDIS_PORT="$REDIS_PORT_LOCAL"
  export SPRING_DATA_REDIS_DATABASE="$REDIS_DATABASE_INDEX"
  export E2EE_HPKE_PRIVATE_KEY_PATH="$KEYS_DIR/hpke-private.pem"
  # Behind the gateway: the client address comes from X-Forwarded-For (Tomcat trusts it from 127.0.0.1).
  export FORWARD_HEADERS_STRATEGY=native
}

exec_vault() {
  export_common_env
  export PORT="$VAULT_PORT" DATABASE_HOST="$PG_HOST" DATABASE_PORT="$PG_PORT" DATABASE_USER="$PG_SUPERUSER" \
    DATABASE_PASSWORD="" DATABASE_NAME="$DATABASE_NAME" \
    SENDER_PRIVATE_KEY_PATH="$KEYS_DIR/vault-signing-private.pem" \
    RECEIVER_PUBLIC_KEY_PATH="$KEYS_DIR/prompt-receiving-public.pem" \
    E2EE_KEK_FILE="$KEYS_DIR/vault-kek" E2EE_PEPPER_FILE="$KEYS_DIR/pepper"
  # shellcheck disable=SC2086 # LOCAL_JAVA_OPTS is a list of JVM options
  exec setsid "$JAVA" $LOCAL_JAVA_OPTS "${VAULT_LAUNCH[@]}"
}

exec_prompt() {
  export_common_env
  export PORT="$PROMPT_PORT" RECEIVER_PRIVATE_KEY_PATH="$KEYS_DIR/prompt-receiving-private.pem" \
    SENDER_PUBLIC_KEY_PATH="$KEYS_DIR/vault-signing-public.pem" \
    E2EE_KEK_FILE="$KEYS_DIR/prompt-kek" PROMPT_PROCESSOR="${PROMPT_PROCESSOR:-echo}"
  # shellcheck disable=SC2086
  exec setsid "$JAVA" $LOCAL_JAVA_OPTS "${PROMPT_LAUNCH[@]}"
}

# The AOT caches (Java 25+): built or refreshed by scripts/aot-train.sh, then both services start from the extracted
# jars the caches were trained on. On Java 17, with LOCAL_AOT=0 or when training fails: the fat jars, as before.
use_aot_cache() {
  [ "$LOCAL_AOT" = 1 ] || return 0
  local rc=0
  JAVA="$JAVA" AOT_JAVA_OPTS="$LOCAL_JAVA_OPTS" VAULT_JAR="$VAULT_JAR" PROMPT_JAR="$PROMPT_JAR" \
    "$ROOT/scripts/aot-train.sh" "$AOT_DIR" || rc=$?
  if [ "$rc" = 0 ]; then
    VAULT_LAUNCH=(-XX:AOTCache="$AOT_DIR/vault/app.aot" -jar "$AOT_DIR/vault/$(basename "$VAULT_JAR")")
    PROMPT_LAUNCH=(-XX:AOTCache="$AOT_DIR/prompt/app.aot" -jar "$AOT_DIR/prompt/$(basename "$PROMPT_JAR")")
    log "starting with the AOT caches in $AOT_DIR"
  elif [ "$rc" != 3 ]; then
    log "AOT cache training failed (exit $rc); starting the fat jars without a cache"
  fi
}

exec_nginx() {
  exec setsid nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log"
}

# wait_healthy NAME URL : polls URL until HTTP 200, at most WAIT_SECONDS; fails early if NAME died.
wait_healthy() {
  local name="$1" url="$2" deadline=$((SECONDS + WAIT_SECONDS))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! is_running "$name"; then
      echo "----- last lines of $LOG_DIR/$name.log -----" >&2; tail -n 40 "$LOG_DIR/$name.log" >&2 || true
      die "$name exited before it became healthy"
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" || true)" = 200 ]; then
      log "$name is healthy ($url)"; return 0
    fi
    sleep 1
  done
  echo "----- last lines of $LOG_DIR/$name.log -----" >&2; tail -n 40 "$LOG_DIR/$name.log" >&2 || true
  die "$name was not healthy within ${WAIT_SECONDS} s ($url)"
}

print_usage_hint() {
  local key_source="\$(cat $KEYS_DIR/bootstrap-admin-api-key)"
  if [ "$E2EE_BOOTSTRAP_ADMIN_API_KEY" != "$(cat "$KEYS_DIR/bootstrap-admin-api-key")" ]; then
    key_source="\$E2EE_BOOTSTRAP_ADMIN_API_KEY"
  fi
  cat <<EOF

  Gateway (use this):   http://127.0.0.1:$GATEWAY_PORT/api/v1/health
  vault-service:        http://127.0.0.1:$VAULT_PORT/api/v1/health   (OpenAPI UI: /api/docs)
  prompt-response:      http://127.0.0.1:$PROMPT_PORT/api/v1/health
  Logs:                 $LOG_DIR/
  Dev keys and secrets: $KEYS_DIR/   (git-ignored; never use them in production)

  Get a token with the bootstrap admin API key:
    TOKEN=\$(curl -s -X POST http://127.0.0.1:$GATEWAY_PORT/api/v1/auth/token \\
      -H "X-API-Key: $key_source" | jq -r .accessToken)
  Then follow the walk-through in README.md ("Walk-through with curl").

EOF
}

start_all() {
  local detach="$1"
  mkdir -p "$KEYS_DIR" "$LOG_DIR" "$RUN_DIR"
  for name in "${COMPONENTS[@]}"; do
    is_running "$name" && die "$name is already running (pid $(pid_of "$name")); stop it first: $0 --stop"
  done
  check_ports_free
  build_jars_if_missing
  ensure_postgres
  ensure_redis
  ensure_database "$DATABASE_NAME"
  ensure_tools
  "$ROOT/scripts/gen-dev-keys.sh" "$KEYS_DIR" >/dev/null
  JWT_SECRET="${JWT_SECRET:-$(cat "$KEYS_DIR/jwt-secret")}"
  E2EE_BOOTSTRAP_ADMIN_API_KEY="${E2EE_BOOTSTRAP_ADMIN_API_KEY:-$(cat "$KEYS_DIR/bootstrap-admin-api-key")}"
  render_nginx_conf
  use_aot_cache

  if [ "$detach" = no ]; then trap 'stop_all; exit 130' INT; trap 'stop_all; exit 143' TERM; fi
  trap 'if [ "$?" != 0 ]; then stop_all; fi' EXIT
  # Both JVMs start together (independent of each other); ready = /health/ready answers 200, which is after the
  # in-process warm-up (e2ee.warmup.*), as the Kubernetes readiness probe sees it.
  start vault-service exec_vault
  start prompt-response-service exec_prompt
  wait_healthy vault-service "http://127.0.0.1:$VAULT_PORT/api/v1/health/ready"
  wait_healthy prompt-response-service "http://127.0.0.1:$PROMPT_PORT/api/v1/health/ready"
  start nginx exec_nginx
  wait_healthy nginx "http://127.0.0.1:$GATEWAY_PORT/api/v1/health"
  log "all healthy"
  print_usage_hint
  trap - EXIT
}

run_foreground() {
  start_all no
  trap 'stop_all; exit 0' INT TERM
  log "running; press Ctrl-C to stop everything"
  while true; do
    for name in "${COMPONENTS[@]}"; do
      if ! is_running "$name"; then
        log "$name exited; stopping the rest (see $LOG_DIR/$name.log)"; stop_all; exit 1
      fi
    done
    sleep 2 & wait $!
  done
}

case "${1:-}" in
  "") run_foreground ;;
  --detach) start_all yes ;;
  --stop) stop_all ;;
  --status) status ;;
  -h|--help) sed -n '2,14p' "$0" ;;
  *) die "unknown option: $1 (try --help)" ;;
esac
