#!/usr/bin/env bash
# Order benchmark (kept out of ./mvnw verify): orders per second and p50/p99 latency placed through the global
# router (router, the cell's auth, app, storage, PostgreSQL), against the same inserts made directly over JDBC
# into the cell's business database in the same run, with the ratio.
#
# Usage: cell/storage/bench/run-order-benchmark.sh [seconds measured per path and round, 30] [concurrent workers, 8]
#
# Needs the platform running (`./atoll up`: the router on 127.0.0.1:8080, cell eu-west-1 with its storage and
# core_eu_west_1). Members sign up through the router and stay; so do the orders of both paths, whose events
# the cell's relay publishes as it does any other.
#
# Environment:
#   ATOLL_BENCH_ROUTER    the router (default http://127.0.0.1:8080)
#   ATOLL_BENCH_REGION    the members' region, sent as X-Client-Region (default eu-west-1)
#   ATOLL_BENCH_DATABASE  JDBC URL of that cell's business database (default jdbc:postgresql://127.0.0.1:5432/core_eu_west_1),
#                         written as the user postgres
#   ATOLL_BENCH_MEMBERS   members signed up (default 32)
#   ATOLL_BENCH_WARMUP    seconds of warm-up per path (default 30)
#   ATOLL_BENCH_ROUNDS    alternating rounds (default 3)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module="$root/cell/storage"
seconds="${1:-30}" concurrency="${2:-8}"
router="${ATOLL_BENCH_ROUTER:-http://127.0.0.1:8080}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$router/" || true)" = "000" ]; then
  echo "no router answers at $router: start the platform first (./atoll up), then run this again" >&2
  exit 1
fi

(cd "$root" && ./mvnw -B -q -o -pl cell/storage test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath") \
  || { echo "build the project's modules first: ./mvnw -B -q install -DskipTests" >&2; exit 1; }
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
"$java" -Xmx256m -cp "$classpath" io.atoll.cell.storage.bench.OrderLoadGenerator \
  --router="$router" --region="${ATOLL_BENCH_REGION:-eu-west-1}" \
  --database="${ATOLL_BENCH_DATABASE:-jdbc:postgresql://127.0.0.1:5432/core_eu_west_1}" \
  --members="${ATOLL_BENCH_MEMBERS:-32}" --concurrency="$concurrency" --seconds="$seconds" \
  --warmup="${ATOLL_BENCH_WARMUP:-30}" --rounds="${ATOLL_BENCH_ROUNDS:-3}"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
