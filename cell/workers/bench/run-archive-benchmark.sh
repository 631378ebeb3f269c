#!/usr/bin/env bash
# Archive benchmark (kept out of ./mvnw verify): check-ins per second moved by the cleanup's archive from Cassandra to
# Parquet files in the landing zone (partition scan, reads, merge, Parquet, upload, read-back, checkpoint, deletes),
# against a baseline in the same run: the same rows read by one paged driver scan and written to one Parquet file per
# day with the same writer. Prints both rates, their ratio per round and the median ratio.
#
# Usage: cell/workers/bench/run-archive-benchmark.sh [check-ins per round, 200000] [days, 4] [check-ins per device and day, 20] [rounds, 3]
#
# Uses the build's test servers (Cassandra on 19042, S3Proxy on 18333; started here when none answers, and
# stopped when this script ends), with a keyspace and a bucket of its own, dropped afterwards. Build first:
#   ./mvnw -B -q -pl cell/workers -am install -DskipTests && ./mvnw -B -q -pl cell/workers test-compile
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module="$root/cell/workers"
rows="${1:-200000}" days="${2:-4}" per_device="${3:-20}" rounds="${4:-3}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

[ -d "$module/target/test-classes/cql" ] \
  || { echo "build first: ./mvnw -B -q -pl cell/workers test-compile (the app's CQL scripts are test resources)" >&2; exit 1; }
(cd "$root" && ./mvnw -B -q -o -pl cell/workers dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath")
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
ATOLL_LOG_LEVEL=WARN "$java" -Xmx1g -XX:+UseSerialGC -Datoll.test.state="$root/target/test-servers" \
  -cp "$classpath" io.atoll.cell.workers.bench.ArchiveBenchmark --rows="$rows" --days="$days" --per-device="$per_device" --rounds="$rounds"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
