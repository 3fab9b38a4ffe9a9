#!/bin/sh
# Generates the DEV keys and secrets of a local or docker-compose installation into one folder, once.
# Idempotent: a file that already exists is kept, so restarts keep the same keys (and the same data stays
# readable). POSIX sh + openssl only, so it runs both here and in an alpine container (compose `keygen`).
#
#   scripts/gen-dev-keys.sh DIR [OWNER_UID[:GID]]
#
# Never use these for production: production keys come from a secret store (see docs/deployment.md).
set -eu

DIR="${1:?usage: gen-dev-keys.sh DIR [OWNER_UID[:GID]]}"
OWNER="${2:-}"
umask 077
mkdir -p "$DIR"

# write_once NAME COMMAND... : runs COMMAND (stdout = file content) into DIR/NAME unless it exists.
write_once() {
  name="$1"; shift
  if [ -s "$DIR/$name" ]; then return 0; fi
  "$@" > "$DIR/.$name.tmp"
  mv "$DIR/.$name.tmp" "$DIR/$name"
  echo "generated $DIR/$name"
}

rsa_private() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_keygen_pubexp:65537 2>/dev/null; }
rsa_public() { openssl pkey -in "$DIR/$1" -pubout; }
random_base64() { printf '%s' "$(openssl rand -base64 "$1" | tr -d '\n')"; }
random_hex() { printf '%s' "$(openssl rand -hex "$1")"; }

# RSA-2048 PKCS#8 pairs: the vault signs envelopes, the prompt-response service opens them.
write_once vault-signing-private.pem rsa_private
write_once vault-signing-public.pem rsa_public vault-signing-private.pem
write_once prompt-receiving-private.pem rsa_private
write_once prompt-receiving-public.pem rsa_public prompt-receiving-private.pem

# X25519 PKCS#8: the API's encrypted-body (EHBP) key pair, shared by both services (docs/ehbp.md).
write_once hpke-private.pem openssl genpkey -algorithm X25519

# 32-byte keys, base64: key-encryption keys (one per service) and the vault's secret-verifier pepper.
write_once vault-kek random_base64 32
write_once prompt-kek random_base64 32
write_once pepper random_base64 32

# Shared HS256 JWT secret (48 random bytes as base64 = 64 ASCII bytes) and the bootstrap admin API key.
# Values already in the environment win, so a developer can pin them (run-local honours them too).
if [ -n "${JWT_SECRET:-}" ] && [ ! -s "$DIR/jwt-secret" ]; then printf '%s' "$JWT_SECRET" > "$DIR/jwt-secret"; fi
write_once jwt-secret random_base64 48
if [ -n "${E2EE_BOOTSTRAP_ADMIN_API_KEY:-}" ] && [ ! -s "$DIR/bootstrap-admin-api-key" ]; then
  printf '%s' "$E2EE_BOOTSTRAP_ADMIN_API_KEY" > "$DIR/bootstrap-admin-api-key"
fi
write_once bootstrap-admin-api-key random_hex 32

# Dev database password (compose: postgres reads it through POSTGRES_PASSWORD_FILE).
write_once postgres-password random_hex 16

# Dev Redis password (AUTH): the services read it through REDIS_PASSWORD_FILE; compose's redis loads redis.conf.
write_once redis-password random_hex 24
redis_conf() { printf 'requirepass %s\n' "$(cat "$DIR/redis-password")"; }
write_once redis.conf redis_conf

chmod 0400 "$DIR"/*
# The postgres and redis images read their password files as their own user (uid 70/999), not as the services' uid.
chmod 0444 "$DIR/postgres-password" "$DIR/redis-password" "$DIR/redis.conf"
if [ -n "$OWNER" ]; then chown -R "$OWNER" "$DIR"; fi
chmod 0755 "$DIR"
