#!/usr/bin/env bash
# Create-envelope with and without encrypted bodies (EHBP), same machine, same build, same load generator:
# starts the no-Docker topology with rate limits off (scripts/run-local.sh, own state in .local/ehbp-bench), logs in
# with the CLI, then runs benchmarks' EncryptedLoad (one process; closed loop, CONNECTIONS connections, one prompt
# each) straight at the vault: a WARMUP_SECONDS warm-up per mode, then ROUNDS alternating pairs (plain, ehbp, plain,
# ehbp, ...; each run SECONDS_PER_RUN after a short warm-up of its mode) so drift from other load hits both modes.
# Prints one line per run (load average before it, req/s, latency, CPU per request of the vault and the client, error
# classes), then the medians per mode and the encrypted/plaintext ratios.
#
#   bench/ehbp-load.sh      SECONDS_PER_RUN=30 CONNECTIONS=16 ROUNDS=5 WARMUP_SECONDS=60
#                           JAVA (the services' and the generator's runtime; default Temurin 25)
#                           VAULT_PORT PROMPT_PORT GATEWAY_PORT PG_PORT REDIS_PORT_LOCAL as for scripts/run-local.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
CONNECTIONS="${CONNECTIONS:-16}"
ROUNDS="${ROUNDS:-5}"
WARMUP_SECONDS="${WARMUP_SECONDS:-60}"
export VAULT_PORT="${VAULT_PORT:-3000}" PROMPT_PORT="${PROMPT_PORT:-3001}" GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export PG_PORT="${PG_PORT:-5432}" REDIS_PORT_LOCAL="${REDIS_PORT_LOCAL:-6379}" WAIT_SECONDS="${WAIT_SECONDS:-300}" # slow starts on a busy machine
export JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n1)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
export LOCAL_DIR="${LOCAL_DIR:-$ROOT/.local/ehbp-bench}" DATABASE_NAME=e2ee_ehbp_bench RATE_LIMIT_ENABLED=false LOG_LEVEL=WARN
export LOCAL_JAVA_OPTS="${LOCAL_JAVA_OPTS:--XX:MaxRAMPercentage=31.25 -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED}"

[ -f benchmarks/target/benchmarks.jar ] || mvn -B -q -ntp -Pbench -pl benchmarks -am package -DskipTests
[ -f e2ee-cli/target/e2ee.jar ] || mvn -B -q -ntp -pl e2ee-cli -am package -DskipTests
trap 'scripts/run-local.sh --stop >/dev/null 2>&1 || true' EXIT
scripts/run-local.sh --detach >/dev/null

export E2EE_URL="http://127.0.0.1:$GATEWAY_PORT" E2EE_CONFIG_DIR="$LOCAL_DIR/cli"
E2EE_API_KEY="$(cat "$LOCAL_DIR/dev-keys/bootstrap-admin-api-key")"; export E2EE_API_KEY
SECRET="bench-$(openssl rand -hex 8)"
"$JAVA" -jar e2ee-cli/target/e2ee.jar login >/dev/null
TOKEN="$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' "$E2EE_CONFIG_DIR/tokens.json")"

MODES="$(for _ in $(seq 1 "$ROUNDS"); do printf 'plain,ehbp,'; done)"
RESULTS="$LOCAL_DIR/results.txt"
"$JAVA" --enable-native-access=ALL-UNNAMED -Dbench.vaultPid="$(cat "$LOCAL_DIR/run/vault-service.pid")" \
  -Dbench.warmupSeconds="$WARMUP_SECONDS" -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.http.EncryptedLoad \
  "http://127.0.0.1:$VAULT_PORT" "$TOKEN" "$SECRET" "${MODES%,}" "$SECONDS_PER_RUN" "$CONNECTIONS" | tee "$RESULTS"

# Medians per mode of req/s, p50, p99 and CPU per request, and the encrypted/plaintext ratios of the medians.
awk '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  /^load .* create-envelope: / {
    m = ($4 == "plain") ? "plain" : "ehbp"; n[m]++
    for (i = 1; i <= NF; i++) {
      if ($i == "req/s") rps[m, n[m]] = $(i - 1)
      if ($i == "p50") p50[m, n[m]] = $(i + 1)
      if ($i == "p99") p99[m, n[m]] = $(i + 1)
      if ($i == "vault") vcpu[m, n[m]] = $(i + 1)
      if ($i == "client") ccpu[m, n[m]] = $(i + 1)
    }
    load_sum += $2; runs++
  }
  END {
    for (k = 1; k <= 2; k++) {
      m = k == 1 ? "plain" : "ehbp"
      for (i = 1; i <= n[m]; i++) { r[i] = rps[m, i]; a[i] = p50[m, i]; b[i] = p99[m, i]; v[i] = vcpu[m, i]; c[i] = ccpu[m, i] }
      med[m] = median(r, n[m]); cpu[m] = median(v, n[m]) + median(c, n[m])
      printf "median %-5s (%d runs): %.0f req/s, p50 %.1f ms, p99 %.1f ms, CPU/request vault %.2f ms + client %.2f ms\n",
        m, n[m], med[m], median(a, n[m]), median(b, n[m]), median(v, n[m]), median(c, n[m])
    }
    printf "encrypted / plaintext: throughput %.3f, CPU per request (vault + client) %.3f (mean load average %.1f over %d runs)\n",
      med["ehbp"] / med["plain"], cpu["ehbp"] / cpu["plain"], load_sum / runs, runs
  }' "$RESULTS"
