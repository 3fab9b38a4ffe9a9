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

# JAVA_OPTS is a list of JVM options, split on spaces on purpose.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp /app org.springframework.boot.loader.launch.JarLauncher "$@"
