#!/usr/bin/env bash
# Creates the dev overlay's Secrets in the current kubectl context from freshly generated dev keys
# (kept in .local/k8s-dev-keys, git-ignored), plus a self-signed TLS certificate for e2ee.localtest.me.
# Existing Secrets are left alone (delete them first to regenerate). Never for production.
set -euo pipefail
cd "$(dirname "$0")/../../.."
KEYS=.local/k8s-dev-keys
NS=e2ee
scripts/gen-dev-keys.sh "$KEYS"
kubectl get namespace "$NS" >/dev/null 2>&1 || kubectl create namespace "$NS"

exists() { kubectl -n "$NS" get secret "$1" >/dev/null 2>&1; }

exists e2ee-secrets || kubectl -n "$NS" create secret generic e2ee-secrets \
  --from-file=JWT_SECRET="$KEYS/jwt-secret" \
  --from-file=DATABASE_PASSWORD="$KEYS/postgres-password" \
  --from-file=REDIS_PASSWORD="$KEYS/redis-password" \
  --from-file=E2EE_BOOTSTRAP_ADMIN_API_KEY="$KEYS/bootstrap-admin-api-key"
exists e2ee-vault-keys || kubectl -n "$NS" create secret generic e2ee-vault-keys \
  --from-file=vault-signing-private.pem="$KEYS/vault-signing-private.pem" \
  --from-file=prompt-receiving-public.pem="$KEYS/prompt-receiving-public.pem" \
  --from-file=kek="$KEYS/vault-kek" --from-file=pepper="$KEYS/pepper" \
  --from-file=hpke-private.pem="$KEYS/hpke-private.pem"
exists e2ee-prompt-keys || kubectl -n "$NS" create secret generic e2ee-prompt-keys \
  --from-file=prompt-receiving-private.pem="$KEYS/prompt-receiving-private.pem" \
  --from-file=vault-signing-public.pem="$KEYS/vault-signing-public.pem" \
  --from-file=kek="$KEYS/prompt-kek" \
  --from-file=hpke-private.pem="$KEYS/hpke-private.pem"
if ! exists e2ee-tls; then
  [ -f "$KEYS/tls.crt" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=e2ee.localtest.me" \
    -addext "subjectAltName=DNS:e2ee.localtest.me" -keyout "$KEYS/tls.key" -out "$KEYS/tls.crt" 2>/dev/null
  kubectl -n "$NS" create secret tls e2ee-tls --cert="$KEYS/tls.crt" --key="$KEYS/tls.key"
fi
echo "dev Secrets are in namespace $NS; bootstrap admin API key: $KEYS/bootstrap-admin-api-key"
