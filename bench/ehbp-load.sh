#!/usr/bin/env bash
# Create-envelope with and without encrypted bodies (EHBP), same machine, same build, same load generator:
# starts the no-Docker topology with rate limits off (scripts/run-local.sh, own state in .local/ehbp-bench), makes one
# prompt with the CLI, then runs benchmarks' EncryptedLoad (closed loop, CONNECTIONS connections, SECONDS each after a
# warm-up) against the vault's own port: plaintext, encrypted, plaintext again, encrypted again. Prints one line per run.
#
#   bench/ehbp-load.sh            SECONDS=30 CONNECTIONS=16 (JAVA: the services' and the generator's runtime)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
CONNECTIONS="${CONNECTIONS:-16}"
export JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n1)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
export LOCAL_DIR="$ROOT/.local/ehbp-bench" DATABASE_NAME=e2ee_ehbp_bench RATE_LIMIT_ENABLED=false LOG_LEVEL=WARN
export LOCAL_JAVA_OPTS="${LOCAL_JAVA_OPTS:--XX:MaxRAMPercentage=31.25 -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED}"

[ -f benchmarks/target/benchmarks.jar ] || mvn -B -q -ntp -Pbench -pl benchmarks -am package -DskipTests
[ -f e2ee-cli/target/e2ee.jar ] || mvn -B -q -ntp -pl e2ee-cli -am package -DskipTests
trap 'scripts/run-local.sh --stop >/dev/null 2>&1 || true' EXIT
scripts/run-local.sh --detach >/dev/null

export E2EE_URL=http://127.0.0.1:8080 E2EE_CONFIG_DIR="$LOCAL_DIR/cli"
E2EE_API_KEY="$(cat "$LOCAL_DIR/dev-keys/bootstrap-admin-api-key")"; export E2EE_API_KEY
SECRET="bench-$(openssl rand -hex 8)"
"$JAVA" -jar e2ee-cli/target/e2ee.jar login >/dev/null
PROMPT_ID="$("$JAVA" -jar e2ee-cli/target/e2ee.jar prompt create --text "$(head -c 1000 /dev/zero | tr '\0' p)" --secret "$SECRET")"
TOKEN="$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' "$E2EE_CONFIG_DIR/tokens.json")"

for mode in plain ehbp plain ehbp; do
  "$JAVA" -cp benchmarks/target/benchmarks.jar dev.e2ee.bench.http.EncryptedLoad \
    http://127.0.0.1:3000 "$TOKEN" "$PROMPT_ID" "$SECRET" "$mode" "$SECONDS_PER_RUN" "$CONNECTIONS"
done
