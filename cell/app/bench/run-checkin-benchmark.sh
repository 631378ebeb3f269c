#!/usr/bin/env bash
# Check-in benchmark (kept out of ./mvnw verify): the app's check-ins per second and p50/p99 latency, and in
# the same run the same writes made directly with the DataStax driver, with the ratio of the two.
#
# Usage: cell/app/bench/run-checkin-benchmark.sh [seconds measured per path, 60] [concurrent devices, 16] [events per check-in, 5]
#
# Each path (the app over HTTP, the raw driver) is warmed up, then measured in 3 alternating windows.
#
# Needs a running Cassandra (`./atoll up` starts one) and the built module:
#   ./mvnw -B -q -pl cell/app -am package -DskipTests
#
# Environment:
#   ATOLL_BENCH_CASSANDRA   host:port of a node (default 127.0.0.1:9042)
#   ATOLL_BENCH_DATACENTER  its datacenter (default eu-west-1)
#   ATOLL_BENCH_TARGET      base URL of a running app or cell ingress; when unset the script starts the JAR
#                           on ATOLL_BENCH_PORT (default 18111) with a keyspace of its own, dropped afterwards
#   ATOLL_BENCH_KEYSPACE    the keyspace of the app at ATOLL_BENCH_TARGET (required with it)
#   ATOLL_BENCH_HEADER      an extra request header, e.g. "Authorization: Bearer <token>" through the ingress
#                           (all devices then belong to the token's member: at most
#                           atoll.app.devices.max-per-member concurrent devices, 10 by default)
#   ATOLL_BENCH_WARMUP      seconds of warm-up per path (default 90: the app's JVM starts cold)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module="$root/cell/app"
seconds="${1:-60}" concurrency="${2:-16}" events="${3:-5}"
cassandra="${ATOLL_BENCH_CASSANDRA:-127.0.0.1:9042}"
datacenter="${ATOLL_BENCH_DATACENTER:-eu-west-1}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

[ -f "$module/target/atoll-app.jar" ] && [ -d "$module/target/test-classes" ] \
  || { echo "build first: ./mvnw -B -q -pl cell/app -am package -DskipTests" >&2; exit 1; }
(cd "$root" && ./mvnw -B -q -pl cell/app dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath")
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

app_pid=""
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; }
trap stop_app EXIT

drop=false
if [ -n "${ATOLL_BENCH_TARGET:-}" ]; then
  target="$ATOLL_BENCH_TARGET"
  keyspace="${ATOLL_BENCH_KEYSPACE:?set ATOLL_BENCH_KEYSPACE to the keyspace of the app at $target}"
else
  port="${ATOLL_BENCH_PORT:-18111}"
  target="http://127.0.0.1:$port"
  keyspace="app_bench_$(date +%s)"
  drop=true
  log="$module/target/bench-app.log"
  MICRONAUT_SERVER_PORT="$port" ATOLL_APP_CASSANDRA_CONTACT_POINTS="$cassandra" \
  ATOLL_APP_CASSANDRA_LOCAL_DATACENTER="$datacenter" ATOLL_APP_CASSANDRA_KEYSPACE="$keyspace" \
  ATOLL_APP_CASSANDRA_REPLICATION="$datacenter:1" ATOLL_LOG_LEVEL=WARN \
    "$java" -Xmx512m -jar "$module/target/atoll-app.jar" >"$log" 2>&1 &
  app_pid=$!
  echo "app started (pid $app_pid, log $log), keyspace $keyspace; waiting for /health"
  for _ in $(seq 1 240); do
    curl -fs "$target/health" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; see $log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "$target/health" >/dev/null || { echo "the app did not become healthy; see $log" >&2; exit 1; }
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
args=(--target="$target" --cassandra="$cassandra" --datacenter="$datacenter" --keyspace="$keyspace"
      --seconds="$seconds" --warmup="${ATOLL_BENCH_WARMUP:-90}" --concurrency="$concurrency" --events="$events"
      --drop-keyspace="$drop")
[ -n "${ATOLL_BENCH_HEADER:-}" ] && args+=(--header="$ATOLL_BENCH_HEADER")
"$java" -Xmx512m -cp "$classpath" io.atoll.cell.app.bench.CheckinLoadGenerator "${args[@]}"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
