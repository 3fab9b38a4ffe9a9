#!/usr/bin/env bash
# Throughput of the vault's audit-chain sealer (vault/audit/AuditChainSealer: one sealer at a time across all
# instances, PostgreSQL advisory lock), in rows/s: inserts N unsealed audit rows straight into the database of a
# RUNNING vault and times until its scheduled sealer has chained them all. One command:
#
#   bench/audit-sealer.sh [DATABASE [N]]     # default: e2ee (scripts/run-local.sh's database), 100000 rows
#
# PostgreSQL from PG_HOST / PG_PORT (scripts/lib/infra.sh). The rows are test rows (action bench.seal, source bench);
# they stay in the append-only log like every audit row, so use a development database.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib/infra.sh"
DB="${1:-e2ee}"
N="${2:-100000}"
sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d "$DB" -Atqc "$1"; }

chained() { sql "select count(*) from audit_chain"; }
before=$(chained)
start=$(date +%s%N)
sql "insert into audit_logs (event_id, occurred_at, action, outcome, principal, resource_type, resource_id, details, source)
     select gen_random_uuid(), now(), 'bench.seal', 'success', 'bench', 'prompt', g::text, '{}'::jsonb, 'bench'
     from generate_series(1, $N) g" >/dev/null
inserted=$(date +%s%N)
target=$((before + N))
until [ "$(chained)" -ge "$target" ]; do sleep 0.2; done
done_at=$(date +%s%N)
seal_ms=$(( (done_at - inserted) / 1000000 ))
echo "inserted $N rows in $(( (inserted - start) / 1000000 )) ms; sealed in $seal_ms ms (includes up to 1 s of the sealer's schedule): $(( N * 1000 / (seal_ms > 0 ? seal_ms : 1) )) rows/s"
