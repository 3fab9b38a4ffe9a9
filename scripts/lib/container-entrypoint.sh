#!/bin/sh
# Entrypoint of both service images (Dockerfile.vault, Dockerfile.prompt).
#
# 1. The `NAME_FILE` convention (as in the official postgres image) for the secrets that the services take
#    only as plain environment variables: when JWT_SECRET_FILE=/run/e2ee/jwt-secret is set, JWT_SECRET gets
#    that file's content. docker-compose uses this with the keys volume; Kubernetes sets the variables from
#    Secrets directly. (E2EE_KEK_FILE, E2EE_PEPPER_FILE and the *_KEY_PATH variables are read by the
#    services themselves.)
# 2. `exec` the JVM, so java is PID 1 and receives SIGTERM from `docker stop` / the kubelet directly: the JVM
#    installs handlers for SIGTERM/SIGINT and runs Spring Boot's graceful shutdown, and it starts no child
#    processes, so there are no zombies to reap and no init (tini/dumb-init) is needed.
set -eu

for name in JWT_SECRET E2EE_BOOTSTRAP_ADMIN_API_KEY DATABASE_PASSWORD REDIS_PASSWORD OPENAI_API_KEY; do
  eval "file=\${${name}_FILE:-}"
  if [ -n "$file" ]; then
    eval "current=\${${name}:-}"
    if [ -n "$current" ]; then
      echo "entrypoint: both $name and ${name}_FILE are set; set only one" >&2
      exit 64
    fi
    if [ ! -r "$file" ]; then
      echo "entrypoint: ${name}_FILE points to $file, which is not readable" >&2
      exit 66
    fi
    value="$(cat "$file")"
    export "$name=$value"
    unset "${name}_FILE"
  fi
done
unset file current value name

# 3. The extracted jar (APP_JAR) with the Java 25 AOT cache the image build trained on it (/app/app.aot; the
#    Dockerfiles' aot-train stage): classes come loaded and linked, hot methods with their profiles. A cache the JVM
#    cannot use (another JVM or other options) is ignored with a warning and the service starts without it.
aot=""
[ -f /app/app.aot ] && aot="-XX:AOTCache=/app/app.aot"
# JAVA_OPTS is a list of JVM options, split on spaces on purpose.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} $aot -jar "/app/${APP_JAR:?APP_JAR names the service jar in /app}" "$@"
