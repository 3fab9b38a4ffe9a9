#!/usr/bin/env bash
# Create-envelope with and without encrypted bodies (EHBP), same machine, same build, same load generator:
# starts the no-Docker topology with rate limits off (scripts/run-local.sh, own state in .local/ehbp-bench), logs in
# with the CLI, then runs benchmarks' EncryptedLoad (closed loop, CONNECTIONS connections, one prompt each, a warm-up
# then SECONDS_PER_RUN measured) straight at the vault: one unmeasured warm-up pair, then ROUNDS alternating pairs
# (plain, ehbp, plain, ehbp, ...) so drift from other load hits both modes. Prints one line per run (with the load
# average), any error classes, and the medians per mode with the ratio.
#
#   bench/ehbp-load.sh      SECONDS_PER_RUN=30 CONNECTIONS=16 ROUNDS=3 WARMUP_SECONDS=20
#                           JAVA (the services' and the generator's runtime; default Temurin 25)
#                           VAULT_PORT PROMPT_PORT GATEWAY_PORT PG_PORT REDIS_PORT_LOCAL as for scripts/run-local.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
CONNECTIONS="${CONNECTIONS:-16}"
ROUNDS="${ROUNDS:-3}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
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

load() { # mode seconds: one EncryptedLoad run, its line prefixed with the 1-minute load average before it
  local before
  before="$(cut -d' ' -f1 /proc/loadavg)"
  "$JAVA" -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.http.EncryptedLoad \
    "http://127.0.0.1:$VAULT_PORT" "$TOKEN" "$SECRET" "$1" "$2" "$CONNECTIONS" | sed "1s/^/load $before | /"
}

load plain "$WARMUP_SECONDS" | sed 's/^/warm-up: /'
load ehbp "$WARMUP_SECONDS" | sed 's/^/warm-up: /'
RESULTS="$LOCAL_DIR/results.txt"
: > "$RESULTS"
for _ in $(seq 1 "$ROUNDS"); do
  for mode in plain ehbp; do load "$mode" "$SECONDS_PER_RUN" | tee -a "$RESULTS"; done
done

# Medians per mode of req/s, p50 and p99, and the encrypted/plaintext ratio of the median rates.
awk '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  / create-envelope: / {
    m = ($4 == "plain") ? "plain" : "ehbp"; n[m]++
    for (i = 1; i <= NF; i++) {
      if ($i == "req/s") rps[m, n[m]] = $(i - 1)
      if ($i == "p50") p50[m, n[m]] = $(i + 1)
      if ($i == "p99") p99[m, n[m]] = $(i + 1)
    }
    load_sum += $2; runs++
  }
  END {
    for (k = 1; k <= 2; k++) {
      m = k == 1 ? "plain" : "ehbp"
      for (i = 1; i <= n[m]; i++) { r[i] = rps[m, i]; a[i] = p50[m, i]; b[i] = p99[m, i] }
      med[m] = median(r, n[m])
      printf "median %-5s (%d runs): %.0f req/s, p50 %.1f ms, p99 %.1f ms\n", m, n[m], med[m], median(a, n[m]), median(b, n[m])
    }
    printf "encrypted / plaintext throughput: %.3f (mean load average %.1f over %d runs)\n", med["ehbp"] / med["plain"], load_sum / runs, runs
  }' "$RESULTS"
