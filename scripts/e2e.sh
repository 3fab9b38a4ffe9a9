#!/usr/bin/env bash
# End-to-end check of the no-Docker topology through the nginx gateway (run by .ci/run after mvn verify).
# Starts scripts/run-local.sh --detach with its own state folder (.local/e2e) and a fresh database
# (e2ee_e2e), runs the seed's deployment verification (13-deployment-guide.md §10.2) through
# http://127.0.0.1:8080, then envelope → process → replay, prints PASS/FAIL per step and a final
# "N passed, M failed" line, and always stops everything it started. The services log ECS JSON (LOG_FORMAT=json)
# and export every span (TRACING_ENABLED=true, sample rate 1) to a local OTLP sink (scripts/otlp-sink.mjs on
# E2E_OTLP_PORT, default E2E_RECORDER_PORT + 1); the last step scans their logs and the exported spans for the
# confidential values the run sent, with a positive control.
#
#   scripts/e2e.sh              start the no-Docker topology, check it, stop it
#   scripts/e2e.sh --no-start   check an already running gateway (the compose smoke test in CI):
#                               E2E_GATEWAY_URL (http://127.0.0.1:8080), E2E_BOOTSTRAP_API_KEY (required)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT="$(pwd)"

export LOCAL_DIR="${LOCAL_DIR:-$ROOT/.local/e2e}"
export DATABASE_NAME="${E2E_DATABASE_NAME:-e2ee_e2e}"
export WAIT_SECONDS="${WAIT_SECONDS:-90}"
# Start-up speed over peak throughput for a short functional run on a small machine (C1 only, serial GC).
export LOCAL_JAVA_OPTS="${LOCAL_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED}"
GATEWAY="${E2E_GATEWAY_URL:-http://127.0.0.1:${GATEWAY_PORT:-8080}}"
START=yes
if [ "${1:-}" = --no-start ]; then START=no; fi
WORK="$LOCAL_DIR/e2e-work"
PASSED=0
FAILED=0

# shellcheck source=lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"

pass() { PASSED=$((PASSED + 1)); printf 'PASS  %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s%s\n' "$1" "${2:+ — $2}"; }

show_logs() {
  local f
  for f in "$LOCAL_DIR"/logs/*.log; do
    [ -f "$f" ] || continue
    echo "----- last lines of $f -----"; tail -n 60 "$f"
  done
}

finish() {
  if [ -n "${OTLP_SINK_PID:-}" ]; then kill "$OTLP_SINK_PID" 2>/dev/null; wait "$OTLP_SINK_PID" 2>/dev/null; fi
  if [ "$START" = yes ]; then
    if [ "$FAILED" -gt 0 ]; then show_logs; fi
    "$ROOT/scripts/run-local.sh" --stop >/dev/null 2>&1 || true
  fi
  echo "$PASSED passed, $FAILED failed"
  if [ "$FAILED" -gt 0 ]; then exit 1; fi
  exit 0
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# http METHOD PATH [curl args...] : request through the gateway; body in $WORK/body, headers in
# $WORK/headers, status in $STATUS.
http() {
  local method="$1" path="$2"; shift 2
  STATUS="$(curl -s --max-time 30 -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
    "$@" "$GATEWAY$path" || echo 000)"
}

body_snippet() { head -c 300 "$WORK/body" 2>/dev/null | tr '\n' ' '; }

# expect NAME STATUS... : PASS when $STATUS is one of the given codes.
expect() {
  local name="$1" code; shift
  for code in "$@"; do
    if [ "$STATUS" = "$code" ]; then pass "$name (HTTP $STATUS)"; return 0; fi
  done
  fail "$name" "expected HTTP $*, got $STATUS: $(body_snippet)"
  return 1
}

start_topology() {
  local port
  for port in "${VAULT_PORT:-3000}" "${PROMPT_PORT:-3001}" "${GATEWAY_PORT:-8080}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "e2e: port $port is already in use; stop whatever listens there (ss -ltnp 'sport = :$port')" >&2
      return 1
    fi
  done
  ensure_postgres && ensure_redis && ensure_command jq jq && ensure_command curl curl || return 1
  # This database belongs to the e2e run alone: recreate it so every run starts clean.
  dropdb --if-exists --force -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" "$DATABASE_NAME" || return 1
  # Run private copies of the jars, so a rebuild in the working tree cannot change them under a running JVM.
  mkdir -p "$LOCAL_DIR/jars"
  local module
  for module in vault-service prompt-response-service; do
    if [ ! -f "$ROOT/$module/target/$module.jar" ]; then
      echo "e2e: building the service jars"
      mvn -B -q -ntp -DskipTests -pl vault-service,prompt-response-service -am package || return 1
    fi
    cp "$ROOT/$module/target/$module.jar" "$LOCAL_DIR/jars/$module.jar" || return 1
  done
  VAULT_JAR="$LOCAL_DIR/jars/vault-service.jar" PROMPT_JAR="$LOCAL_DIR/jars/prompt-response-service.jar" \
    "$ROOT/scripts/run-local.sh" --detach
}

step_health() {
  http GET /api/v1/health
  expect "GET /api/v1/health through the gateway" 200
  if grep -qi '^x-request-id: [A-Za-z0-9]' "$WORK/headers"; then pass "gateway sets X-Request-ID"; else fail "gateway sets X-Request-ID"; fi
  http GET /api/v1/health -H 'X-Request-ID: e2e-check-1'
  if grep -qi '^x-request-id: e2e-check-1' "$WORK/headers"; then pass "gateway forwards a client X-Request-ID"; else fail "gateway forwards a client X-Request-ID"; fi
}

step_metrics() {
  # Not routed from outside (issue 14.2): the gateway answers 404; Prometheus scrapes the service directly.
  http GET /api/v1/metrics
  expect "GET /api/v1/metrics through the gateway is not routed" 404
  STATUS="$(curl -s --max-time 30 -o "$WORK/body" -w '%{http_code}' \
    "http://127.0.0.1:${VAULT_PORT:-3000}/api/v1/metrics" || echo 000)"
  if expect "GET /api/v1/metrics on the vault's own port" 200; then
    if grep -q '^# TYPE ' "$WORK/body"; then pass "metrics are Prometheus text"; else fail "metrics are Prometheus text" "$(body_snippet)"; fi
  fi
}

step_token() {
  local key="${E2E_BOOTSTRAP_API_KEY:-${E2EE_BOOTSTRAP_ADMIN_API_KEY:-}}"
  if [ -z "$key" ]; then key="$(cat "$LOCAL_DIR/dev-keys/bootstrap-admin-api-key")"; fi
  http POST /api/v1/auth/token -H "X-API-Key: $key"
  expect "POST /api/v1/auth/token with the bootstrap API key" 200 201 || return 1
  TOKEN="$(jq -r '.accessToken // .token // .access_token // empty' "$WORK/body" 2>/dev/null)"
  if [ -n "$TOKEN" ]; then pass "token issued"; else fail "token issued" "no token field: $(body_snippet)"; return 1; fi
}

step_openapi() {
  http GET /v3/api-docs
  if expect "OpenAPI JSON through the gateway" 200; then
    if jq -e '.openapi and .paths["/api/v1/prompts"]' "$WORK/body" >/dev/null 2>&1; then
      pass "OpenAPI document lists /api/v1/prompts"
    else
      fail "OpenAPI document lists /api/v1/prompts" "$(body_snippet)"
    fi
  fi
  # The UI: /api/docs redirects to /api/swagger-ui/index.html; both must be public and routed to the vault.
  http GET /api/docs -L
  if expect "OpenAPI UI at /api/docs (redirect followed, no token)" 200; then
    if grep -qi 'swagger' "$WORK/body"; then pass "OpenAPI UI page served"; else fail "OpenAPI UI page served" "$(body_snippet)"; fi
  fi
}

step_unauthenticated() {
  http POST /api/v1/prompts -d '{"promptText": "test", "secret": "test"}'
  expect "POST /api/v1/prompts without a token is refused" 401
}

step_seed_prompt() {
  # The seed's exact command (13-deployment-guide.md §10.2); -s/-o/-w only capture the outcome.
  STATUS="$(curl -s --max-time 30 -o "$WORK/body" -w '%{http_code}' \
    -X POST "$GATEWAY/api/v1/prompts" \
    -H "Authorization: Bearer $TOKEN" \
    -d '{"promptText": "test", "secret": "test"}' || echo 000)"
  expect "seed: curl -X POST /api/v1/prompts -d '{\"promptText\": \"test\", \"secret\": \"test\"}'" 201 || return 1
  PROMPT_ID="$(jq -r '.id // empty' "$WORK/body" 2>/dev/null)"
  if [ -n "$PROMPT_ID" ]; then pass "prompt id returned"; else fail "prompt id returned" "$(body_snippet)"; return 1; fi
}

step_envelope() {
  http POST /api/v1/envelopes -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"promptId\": \"$PROMPT_ID\", \"secret\": \"test\"}"
  expect "POST /api/v1/envelopes" 201 || return 1
  # The envelope is either nested or the response itself plus status: keep the wire fields only (the 15 of
  # docs/envelope-format.md#json-shape plus the signed audience, which the vault always sets).
  jq -c 'if .envelope then .envelope else del(.status) end | {envelope: .}' "$WORK/body" \
    > "$WORK/process-request.json" 2>/dev/null
  if jq -e '.envelope.version == 2 and (.envelope.signature | length > 0)' "$WORK/process-request.json" >/dev/null 2>&1; then
    pass "envelope is version 2 and signed"
  else
    fail "envelope is version 2 and signed" "$(body_snippet)"; return 1
  fi
}

step_process() {
  http POST /api/v1/prompts/process -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/process-request.json"
  expect "POST /api/v1/prompts/process through the gateway" 200 || return 1
  local result
  result="$(jq -r '.response.result // empty' "$WORK/body" 2>/dev/null)"
  if [ "$result" = "Processed: test" ]; then pass "result is \"Processed: test\""; else fail "result is \"Processed: test\"" "got: $(body_snippet)"; fi
  http POST /api/v1/prompts/process -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/process-request.json"
  expect "replaying the same envelope is refused" 409
}

# cli ARGS... : the e2ee CLI (e2ee-cli/target/e2ee.jar) through the recorder, its own config dir; output in
# $WORK/cli.out, exit code in $CLI_EXIT.
cli() {
  E2EE_URL="$RECORDED" E2EE_CONFIG_DIR="$WORK/cli-config" E2EE_API_KEY="$(bootstrap_key)" \
    "${JAVA:-java}" -jar "$ROOT/e2ee-cli/target/e2ee.jar" "$@" > "$WORK/cli.out" 2> "$WORK/cli.err"
  CLI_EXIT=$?
}

bootstrap_key() {
  local key="${E2E_BOOTSTRAP_API_KEY:-${E2EE_BOOTSTRAP_ADMIN_API_KEY:-}}"
  if [ -z "$key" ]; then key="$(cat "$LOCAL_DIR/dev-keys/bootstrap-admin-api-key")"; fi
  printf '%s' "$key"
}

# Encrypted bodies end to end (docs/ehbp.md): an independent EHBP client (Node, scripts/ehbp/ehbp-client.mjs) and
# the e2ee CLI walk the API through a recorder in front of the gateway that keeps every byte both ways; afterwards
# none of the texts, secrets, results or the API key may appear in the capture.
step_encrypted() {
  ensure_command node nodejs || { fail "node is needed for the independent EHBP client"; return 1; }
  if [ ! -f "$ROOT/e2ee-cli/target/e2ee.jar" ]; then
    mvn -B -q -ntp -DskipTests -pl e2ee-cli -am package || { fail "build e2ee-cli/target/e2ee.jar"; return 1; }
  fi
  local port="${E2E_RECORDER_PORT:-8088}" markers="$WORK/markers.txt" capture="$WORK/capture.bin"
  : > "$markers"; : > "$capture"
  RECORDED="http://127.0.0.1:$port"
  node "$ROOT/scripts/ehbp/record-proxy.mjs" "$port" "${GATEWAY#http://}" "$capture" > "$WORK/recorder.log" 2>&1 &
  local recorder=$!
  sleep 1
  bootstrap_key >> "$markers"; echo >> "$markers"

  if E2E_MARKERS_FILE="$markers" node "$ROOT/scripts/ehbp/ehbp-client.mjs" walk "$RECORDED" "$(bootstrap_key)" \
      > "$WORK/ehbp-client.out" 2>&1; then
    pass "independent EHBP client: keys, token, prompt, encrypted read, envelope, process, tampered body 400"
  else
    fail "independent EHBP client" "$(grep '"ok":false' "$WORK/ehbp-client.out" | head -3 | tr '\n' ' ')"
  fi

  local text secret id
  text="cli prompt $(openssl rand -hex 12)"; secret="cli-secret-$(openssl rand -hex 12)"
  printf '%s\n%s\n' "$text" "$secret" >> "$markers"
  cli login && [ "$CLI_EXIT" = 0 ] && pass "e2ee login (API key sent encrypted)" || fail "e2ee login" "$(cat "$WORK/cli.err")"
  cli prompt create --text "$text" --secret "$secret"; id="$(cat "$WORK/cli.out")"
  [ "$CLI_EXIT" = 0 ] && [ -n "$id" ] && pass "e2ee prompt create" || fail "e2ee prompt create" "$(cat "$WORK/cli.err")"
  cli prompt get "$id"
  [ "$(cat "$WORK/cli.out")" = "$text" ] && pass "e2ee prompt get" || fail "e2ee prompt get" "$(cat "$WORK/cli.err")"
  cli envelope create "$id" --secret "$secret" --expires-in 10m --out "$WORK/cli-envelope.json"
  [ "$CLI_EXIT" = 0 ] && pass "e2ee envelope create (signature checked)" || fail "e2ee envelope create" "$(cat "$WORK/cli.err")"
  cli process --envelope "$WORK/cli-envelope.json" --format text
  cat "$WORK/cli.out" >> "$markers"
  grep -qF "$text" "$WORK/cli.out" && pass "e2ee process --envelope" || fail "e2ee process --envelope" "$(cat "$WORK/cli.err")"
  mkdir -p "$WORK/import"
  local i
  for i in 1 2 3; do
    printf 'imported prompt %s %s\n' "$i" "$(openssl rand -hex 12)" | tee -a "$markers" > "$WORK/import/p$i.txt"
  done
  cli import "$WORK/import" --secret "$secret"
  [ "$(cat "$WORK/cli.out")" = "3 created, 0 failed" ] && pass "e2ee import" || fail "e2ee import" "$(cat "$WORK/cli.out" "$WORK/cli.err")"

  # Control: a plaintext body through the same recorder must show up, or the scan below proves nothing.
  local canary="plaintext-canary-$(openssl rand -hex 8)"
  curl -s -o /dev/null --max-time 10 -X POST "$RECORDED/api/v1/prompts" -H 'Content-Type: application/json' \
    -d "{\"promptText\": \"$canary\"}" || true
  sleep 1
  kill "$recorder" 2>/dev/null; wait "$recorder" 2>/dev/null
  if grep -qa 'Ehbp-Encapsulated-Key' "$capture" && grep -qaF "$canary" "$capture"; then
    pass "the recorder saw the encrypted traffic and a plaintext control"
  else
    fail "the recorder saw the encrypted traffic and a plaintext control"
  fi
  local leaked=0 line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    if grep -qaF -- "$line" "$capture"; then leaked=$((leaked + 1)); fi
  done < "$markers"
  if [ "$leaked" = 0 ] && [ "$(grep -c . "$markers")" -ge 10 ]; then
    pass "capture holds none of the $(grep -c . "$markers") texts, secrets, results and API keys"
  else
    fail "capture holds no confidential value" "$leaked of them found"
  fi
}

# The services' logs and exported spans hold none of the run's confidential values (issue 18). Control: a request id
# is logged verbatim by the job worker, so a marker sent as X-Request-ID must be found by the same scan.
step_log_and_span_scan() {
  [ "$START" = yes ] || return 0
  local control="leakcontrol$(openssl rand -hex 12)" markers="$WORK/markers.txt" logs leaked=0 line i
  http POST /api/v1/prompts/process -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H "X-Request-ID: $control" -d '{"promptText": "scan control", "options": {"async": true}}'
  for i in $(seq 1 40); do grep -qF "$control" "$LOCAL_DIR"/logs/prompt*.log 2>/dev/null && break; sleep 0.5; done
  sleep 6 # one more span export (every 5 s)
  logs="$(cat "$LOCAL_DIR"/logs/vault*.log "$LOCAL_DIR"/logs/prompt*.log 2>/dev/null)"
  if grep -qF "\"requestId\":\"$control\"" <<< "$logs" && grep -qaF 'job run' "$WORK/spans.otlp" \
      && grep -qaF 'http post /api/v1/prompts/process' "$WORK/spans.otlp"; then
    pass "JSON logs and exported spans were read (control value found in the worker's log line)"
  else
    fail "JSON logs and exported spans were read" "control $control or spans missing"
  fi
  # the vault's PostgreSQL statement spans (datasource-micrometer, on with tracing): span `query`, SQL text attribute
  if grep -qaF 'jdbc.query[0]' "$WORK/spans.otlp" && grep -qaF 'vault-db' "$WORK/spans.otlp"; then
    pass "the vault exported PostgreSQL statement spans"
  else
    fail "the vault exported PostgreSQL statement spans" "no jdbc.query[0] attribute in $WORK/spans.otlp"
  fi
  [ -s "$markers" ] || { fail "scan logs and spans" "no confidential values recorded by the earlier steps"; return 1; }
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    if grep -qaF -- "$line" <<< "$logs" || grep -qaF -- "$line" "$WORK/spans.otlp"; then leaked=$((leaked + 1)); fi
  done < "$markers"
  if [ "$leaked" = 0 ]; then
    pass "service logs and exported spans hold none of the $(grep -c . "$markers") texts, secrets, results and API keys"
  else
    fail "service logs and exported spans hold no confidential value" "$leaked of them found"
  fi
}

mkdir -p "$WORK"
if [ "$START" = no ] && ! ensure_command jq jq; then fail "jq is needed"; exit 1; fi
if [ "$START" = yes ]; then
  if ensure_command node nodejs; then
    OTLP_PORT="${E2E_OTLP_PORT:-$(( ${E2E_RECORDER_PORT:-8088} + 1 ))}"
    : > "$WORK/spans.otlp"
    node "$ROOT/scripts/otlp-sink.mjs" "$OTLP_PORT" "$WORK/spans.otlp" > "$WORK/otlp-sink.log" 2>&1 &
    OTLP_SINK_PID=$!
    export LOG_FORMAT=json TRACING_ENABLED=true TRACING_SAMPLE_RATE=1.0 \
      OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$OTLP_PORT"
  fi
  if ! start_topology; then
    fail "start the local topology (scripts/run-local.sh --detach)"
    exit 1
  fi
  pass "local topology started and healthy"
fi
TOKEN="" PROMPT_ID=""
step_health
step_metrics
step_openapi
step_unauthenticated
if step_token && step_seed_prompt && step_envelope; then
  step_process
else
  fail "envelope → process → replay" "skipped: an earlier step failed"
fi
step_encrypted
step_log_and_span_scan
