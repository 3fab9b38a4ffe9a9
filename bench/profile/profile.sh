#!/usr/bin/env bash
# Profile one running service while a load runs, and print CPU-ms per request of every process involved.
#
#   bench/profile/profile.sh <pid> <name> <command...>
#   e.g. bench/profile/profile.sh "$(pgrep -f vault-service.jar)" get-prompt \
#          wrk -t2 -c32 -d15s -s bench/wrk/request.lua http://127.0.0.1:3000
#
# Writes bench/results/profile-<name>.html (async-profiler flame graph, CPU, 500 µs interval) and
# bench/results/profile-<name>.collapsed (one stack per line, for bench/profile/categories.py). async-profiler comes
# from Maven Central (tools.profiler:async-profiler, whose jar carries libasyncProfiler.so) and is attached with
# `jcmd JVMTI.agent_load`, so the service needs no restart and no flag. Warm the scenario up first (see bench.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PID=$1 NAME=$2; shift 2
VERSION=4.1
JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar"
[ -f "$JAR" ] || mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION" >/dev/null
LIB="$ROOT/bench/results/async-profiler/linux-x64/libasyncProfiler.so"
[ -f "$LIB" ] || (mkdir -p "$ROOT/bench/results/async-profiler" && cd "$ROOT/bench/results/async-profiler" && unzip -q -o "$JAR")
OUT="$ROOT/bench/results/profile-$NAME"
agent() { jcmd "$PID" JVMTI.agent_load "$LIB" "\"$1\"" >/dev/null; }
agent "start,event=cpu,interval=500us"
python3 "$ROOT/bench/profile/cpu_per_request.py" "$@"
agent "stop,file=$OUT.collapsed"
agent "stop,file=$OUT.html" 2>/dev/null || true
echo "flame graph: $OUT.html; categories: python3 bench/profile/categories.py $OUT.collapsed"
