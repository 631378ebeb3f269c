#!/usr/bin/env bash
# Outbox relay benchmark (kept out of ./mvnw verify): events per second that storage's OutboxRelay publishes with
# publisher confirms, against a bare confirmed-publish loop of the same messages in the same run, with the ratio;
# also the relay's two halves alone (storage's EventPublisher without the database, its outbox transactions
# without the broker) and the relay at other batch sizes.
#
# Usage: cell/storage/bench/run-outbox-benchmark.sh [events, 20000] [rounds, 3]
#
# A database and a vhost of its own (dropped afterwards) on the PostgreSQL and RabbitMQ the integration tests use
# (127.0.0.1:5432 and 127.0.0.1:5672; `rabbitmqctl` makes the vhost); storage's migrations make the schema, its
# order service commits the events, a durable queue bound to the exchange stores every message.
#
# Environment:
#   ATOLL_BENCH_BATCH_SIZES  the other batch sizes the relay and the bare loop are measured at (default 50,200,500;
#                            empty for none)
#   ATOLL_BENCH_JAVA_OPTS    extra JVM options, e.g. -XX:StartFlightRecording=settings=profile,filename=outbox.jfr
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
module="$root/cell/storage"
events="${1:-20000}" rounds="${2:-3}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Storage's classes and test classes (the benchmark is in the test sources); the other modules come from ~/.m2.
(cd "$root" && ./mvnw -B -q -o -pl cell/storage test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath") \
  || { echo "build the project's modules first: ./mvnw -B -q install -DskipTests" >&2; exit 1; }
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
# shellcheck disable=SC2086 # the extra options are words
"$java" -Xmx512m ${ATOLL_BENCH_JAVA_OPTS:-} -Datoll.test.state="$module/target/test-servers" -cp "$classpath" \
  io.atoll.cell.storage.bench.OutboxRelayBenchmark --events="$events" --rounds="$rounds" \
  --batch-sizes="${ATOLL_BENCH_BATCH_SIZES-50,200,500}"
