#!/usr/bin/env bash
# Check-in benchmark (kept out of ./mvnw verify): check-ins per second and p50/p99 latency through a cell's
# ingress (auth in front of app, each device's member signed up and calling with its bearer token), at the app
# called directly, and in the same run the same writes made directly with the DataStax driver, with the ratio
# of each to the driver's rate.
#
# Usage: cell/app/bench/run-checkin-benchmark.sh [seconds measured per path, 60] [concurrent devices, 16] [events per check-in, 5]
#
# Each path is warmed up, then measured in alternating windows (3 unless ATOLL_BENCH_ROUNDS says otherwise),
# each round beginning with the next path.
#
# Needs a running Cassandra (`./atoll up` starts one), PostgreSQL on 127.0.0.1:5432 (a scratch database for
# the cell's auth, dropped afterwards) and the built modules:
#   ./mvnw -B -q -pl cell/app,cell/auth -am package -DskipTests
#
# Environment:
#   ATOLL_BENCH_CASSANDRA   host:port of a node (default 127.0.0.1:9042)
#   ATOLL_BENCH_DATACENTER  its datacenter (default eu-west-1)
#   ATOLL_BENCH_TARGET      base URL of a running cell ingress to measure instead (members sign up there);
#                           when unset the script starts app on ATOLL_BENCH_PORT + 1 (default 18112) with a
#                           keyspace of its own, dropped afterwards, and auth in front of it on ATOLL_BENCH_PORT
#   ATOLL_BENCH_KEYSPACE    the keyspace of the app behind ATOLL_BENCH_TARGET (required with it)
#   ATOLL_BENCH_WARMUP      seconds of warm-up per path (default 90: the services' JVMs start cold)
#   ATOLL_BENCH_ROUNDS      alternating windows the measured seconds are split into (default 3)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module="$root/cell/app"
seconds="${1:-60}" concurrency="${2:-16}" events="${3:-5}"
cassandra="${ATOLL_BENCH_CASSANDRA:-127.0.0.1:9042}"
datacenter="${ATOLL_BENCH_DATACENTER:-eu-west-1}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

auth_jar="$root/cell/auth/target/atoll-auth.jar"
[ -f "$module/target/atoll-app.jar" ] && [ -d "$module/target/test-classes" ] && [ -f "$auth_jar" ] \
  || { echo "build first: ./mvnw -B -q -pl cell/app,cell/auth -am package -DskipTests" >&2; exit 1; }
# With -am the project's own modules resolve to their compiled classes: nothing needs installing first.
(cd "$root" && ./mvnw -B -q -pl cell/app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath")
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

auth_database="auth_bench_checkins"
pids=()
stop_services() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${ATOLL_BENCH_TARGET:-}" ] || psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $auth_database WITH (FORCE)" 2>/dev/null || true
}
trap stop_services EXIT

# start NAME URL COMMAND...: runs a service in the background and waits until it is healthy.
start() {
  local name="$1" url="$2"; shift 2
  local log="$module/target/bench-$name.log"
  "$@" >"$log" 2>&1 &
  pids+=($!)
  echo "$name started (pid $!, log $log); waiting for $url/health/readiness"
  for _ in $(seq 1 240); do
    curl -fs "$url/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$!" 2>/dev/null || { echo "$name exited; see $log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name did not become healthy; see $log" >&2; exit 1
}

drop=false
args=()
if [ -n "${ATOLL_BENCH_TARGET:-}" ]; then
  target="$ATOLL_BENCH_TARGET"
  keyspace="${ATOLL_BENCH_KEYSPACE:?set ATOLL_BENCH_KEYSPACE to the keyspace of the app behind $target}"
else
  port="${ATOLL_BENCH_PORT:-18111}"
  target="http://127.0.0.1:$port"
  app="http://127.0.0.1:$((port + 1))"
  keyspace="app_bench_$(date +%s)"
  drop=true
  MICRONAUT_SERVER_PORT="$((port + 1))" ATOLL_APP_CASSANDRA_CONTACT_POINTS="$cassandra" \
  ATOLL_APP_CASSANDRA_LOCAL_DATACENTER="$datacenter" ATOLL_APP_CASSANDRA_KEYSPACE="$keyspace" \
  ATOLL_APP_CASSANDRA_REPLICATION="$datacenter:1" ATOLL_LOG_LEVEL=WARN \
    start app "$app" "$java" -Xmx512m -jar "$module/target/atoll-app.jar"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $auth_database WITH (FORCE)" -c "CREATE DATABASE $auth_database"
  ATOLL_AUTH_INGRESS_PORT="$port" ATOLL_AUTH_UPSTREAM_URL="$app" ATOLL_LOG_LEVEL=WARN \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$auth_database" DATASOURCES_DEFAULT_USERNAME=postgres \
    start auth "$target" "$java" -Xmx512m -jar "$auth_jar"
  args+=(--direct-target="$app")
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
args+=(--target="$target" --sign-up=true --cassandra="$cassandra" --datacenter="$datacenter" --keyspace="$keyspace"
      --seconds="$seconds" --warmup="${ATOLL_BENCH_WARMUP:-90}" --rounds="${ATOLL_BENCH_ROUNDS:-3}" --concurrency="$concurrency" --events="$events"
      --drop-keyspace="$drop")
"$java" -Xmx512m -cp "$classpath" io.atoll.cell.app.bench.CheckinLoadGenerator "${args[@]}"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
