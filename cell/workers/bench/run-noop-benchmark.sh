#!/usr/bin/env bash
# No-op pipeline benchmark (kept out of ./mvnw verify): job requests completed per second through the whole pipeline
# when the job does nothing, with the real no-op program (a JVM per job) and with a bare process start.
#
# Usage: cell/workers/bench/run-noop-benchmark.sh [requests, 200]
#
# Uses the machine's PostgreSQL and RabbitMQ and the build's S3Proxy (a database, vhost and bucket of its own), the
# test auth and storage's packaged JAR. Build first: ./mvnw -B -q -pl cell/workers -am install -DskipTests
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module="$root/cell/workers"
requests="${1:-200}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

(cd "$root" && ./mvnw -B -q -pl cell/workers test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath")
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
(cd "$module" && ATOLL_LOG_LEVEL=WARN "$java" -Xmx512m -XX:+UseSerialGC -Datoll.test.state="$root/target/test-servers" \
  -cp "$classpath" io.atoll.cell.workers.bench.NoopThroughputBenchmark "$requests")
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
