# shellcheck shell=bash
# Shared by .ci/run, scripts/run-local.sh and scripts/e2e.sh: start local PostgreSQL/Redis when they are
# installed but down, and create databases. Sourced, not executed.

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_SUPERUSER="${PG_SUPERUSER:-postgres}"
REDIS_HOST_LOCAL="${REDIS_HOST_LOCAL:-127.0.0.1}"
REDIS_PORT_LOCAL="${REDIS_PORT_LOCAL:-6379}"

ensure_postgres() {
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then return 0; fi
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    echo "PostgreSQL is down; starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  else
    echo "PostgreSQL is not reachable on $PG_HOST:$PG_PORT and is not installed here" >&2
    return 1
  fi
  for _ in $(seq 1 60); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return 0; sleep 1; done
  echo "PostgreSQL did not come up" >&2
  return 1
}

ensure_redis() {
  if redis-cli -h "$REDIS_HOST_LOCAL" -p "$REDIS_PORT_LOCAL" ping >/dev/null 2>&1; then return 0; fi
  if command -v redis-server >/dev/null; then
    echo "Redis is down; starting it"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT_LOCAL" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
  else
    echo "Redis is not reachable on $REDIS_HOST_LOCAL:$REDIS_PORT_LOCAL and is not installed here" >&2
    return 1
  fi
  for _ in $(seq 1 30); do redis-cli -h "$REDIS_HOST_LOCAL" -p "$REDIS_PORT_LOCAL" ping >/dev/null 2>&1 && return 0; sleep 1; done
  echo "Redis did not come up" >&2
  return 1
}

ensure_database() {
  local name="$1"
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -tAc \
      "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" "$name"
    echo "created database $name"
  fi
}

# ensure_command COMMAND [DEBIAN_PACKAGE]: installs the package with apt-get when the command is missing and we
# are root (without starting any service the package ships); otherwise says what to install and fails.
ensure_command() {
  local cmd="$1" pkg="${2:-$1}"
  if command -v "$cmd" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "$cmd is missing; installing Debian package $pkg"
    if [ -z "${E2EE_APT_UPDATED:-}" ]; then apt-get update -qq && E2EE_APT_UPDATED=1; fi
    RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null && command -v "$cmd" >/dev/null && return 0
  fi
  echo "$cmd is not installed; install it (Debian/Ubuntu: sudo apt-get install $pkg) and run again" >&2
  return 1
}

# The images' runtime (Java 25) if a Temurin 25 is installed under /usr/lib/jvm: its JAVA_HOME, or nothing.
java25_home() {
  ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n1 || true
}
