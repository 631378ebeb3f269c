#!/usr/bin/env bash
# The data-access benchmarks (kept out of ./mvnw verify), on a platform of their own:
#   1. the analytics team's queries as one person, on the replica directly (PostgreSQL JDBC) and through Trino
#      (trino-jdbc over HTTPS), median and p95 of each and the ratio, checking both answer the same rows;
#   2. the replica's lag under a fixed write rate of orders with their lines on the primary.
#
# Usage: data-access/bench/run.sh
#
# It starts `atoll up --servers-only --regions eu-west-1` in a state folder and on ports of its own (so a platform
# already running in .atoll is left alone), creates core_eu_west_1 on the core primary, applies storage's migrations
# and the teams' scopes, grants an analytics person with `atoll data grant`, loads members, orders and their lines,
# measures, then revokes the person, drops the database and runs `atoll down` if it ran `up`. The state folder is
# kept (Trino unpacked, the servers' data) so that the next run starts faster; delete it to start from nothing.
# Needs the data-access module and the CLI built: ./mvnw -B -q -pl data-access,devstack/cli -am install -DskipTests
#
# Environment (defaults in brackets):
#   BENCH_ORDERS [100000], BENCH_MEMBERS [20000]   the data the queries read (lines: 1-4 per order)
#   BENCH_RUNS [20], BENCH_QUERY_WARMUP [3]         timed runs of each query on each path, after warm-up runs
#   BENCH_RATES ["200 1000"]                         transactions/s written to the primary, one measurement each
#   BENCH_SECONDS [60], BENCH_WARMUP [10]            seconds measured at each rate, after a warm-up at that rate
#   BENCH_WRITERS [16]                               writer connections sharing the fixed-rate schedule
#   BENCH_STATE_DIR [data-access/bench/.atoll]       the platform's state folder
#   BENCH_PORT_OFFSET [10000]                        added to every default port of the platform
#   BENCH_LOCK                                       a file to hold a lock on (flock) while measuring, e.g. the one
#                                                    builds on a shared machine take, so that none runs meanwhile
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"
state="${BENCH_STATE_DIR:-$here/.atoll}"
offset="${BENCH_PORT_OFFSET:-10000}"
orders="${BENCH_ORDERS:-100000}" members="${BENCH_MEMBERS:-20000}"
runs="${BENCH_RUNS:-20}" query_warmup="${BENCH_QUERY_WARMUP:-3}"
rates="${BENCH_RATES:-200 1000}" seconds="${BENCH_SECONDS:-60}" warmup="${BENCH_WARMUP:-10}" writers="${BENCH_WRITERS:-16}"
lock="${BENCH_LOCK:-}"
for number in "$orders" "$members" "$runs" "$query_warmup" "$seconds" "$warmup" "$writers" "$offset" $rates; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "run.sh: '$number' is not a whole number (see the settings at the top of $0)" >&2; exit 2; }
done

primary_port=$((5442 + offset)) replica_port=$((5443 + offset)) trino_https_port=$((8443 + offset))
user=bench_analyst
database=core_eu_west_1
cli_jar="$root/devstack/cli/target/atoll-cli.jar"
service_jar="$root/data-access/target/atoll-data-access-service.jar"
trino_jdbc="$HOME/.m2/repository/io/trino/trino-jdbc/483/trino-jdbc-483.jar"
for built in "$cli_jar" "$service_jar"; do
  [[ -f "$built" ]] || { echo "run.sh: $built is missing; build first: ./mvnw -B -q -pl data-access,devstack/cli -am install -DskipTests" >&2; exit 1; }
done
if [[ ! -f "$trino_jdbc" ]]; then
  (cd "$root" && ./mvnw -B -q dependency:get -Dartifact=io.trino:trino-jdbc:483)
fi

# Copies, so that a build of the checkout while this runs changes nothing under it. The CLI runs as built rather than
# through ./atoll, whose launcher would rebuild it whenever a source in the checkout is newer.
mkdir -p "$work"
cp "$cli_jar" "$service_jar" "$trino_jdbc" "$work/"
classpath="$work/$(basename "$service_jar"):$work/$(basename "$trino_jdbc")"
atoll() {
  ATOLL_HOME="$root" ATOLL_STATE_DIR="$state" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$work/atoll-cli.jar" "$@"
}
bench() {
  java -Duser.timezone=UTC -cp "$classpath" "$here/DataAccessBench.java" "$@"
}
measuring() {
  if [[ -n "$lock" ]]; then flock "$lock" "$@"; else "$@"; fi
}

started_platform=false granted=false created=false
cleanup() {
  set +e
  $granted && atoll data revoke --team analytics --user "$user" --cell eu-west-1 >/dev/null
  $created && psql -q -h 127.0.0.1 -p "$primary_port" -U postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
  $started_platform && atoll down
}
trap cleanup EXIT

# A platform already running in the state folder is used and left running; `up` is harmless on it and waits until
# every server answers (status alone may still find a busy Trino starting).
status="$(atoll status 2>/dev/null || true)"
if grep -q '^postgres-primary .* ready' <<< "$status"; then
  echo "using the platform already up in $state"
else
  started_platform=true
fi
atoll up --servers-only --regions eu-west-1 --cassandra-heap 512m \
  --postgres-primary-port "$primary_port" --postgres-replica-port "$replica_port" \
  --trino-port $((8090 + offset)) --trino-https-port "$trino_https_port" --s3-port $((8333 + offset)) \
  --cassandra-port $((9042 + offset)) --cassandra-storage-port $((7000 + offset)) | tail -1

primary="jdbc:postgresql://127.0.0.1:$primary_port/$database"
replica="jdbc:postgresql://127.0.0.1:$replica_port/$database"
if [[ -n "$(psql -h 127.0.0.1 -p "$primary_port" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]]; then
  echo "run.sh: $database already exists on 127.0.0.1:$primary_port; the benchmark makes its own and drops it (drop it, or use another BENCH_STATE_DIR)" >&2
  exit 1
fi
psql -q -h 127.0.0.1 -p "$primary_port" -U postgres -c "CREATE DATABASE $database"
created=true
bench setup --primary="$primary" --cell=eu-west-1 --scopes="$root/data-access/scopes" \
  --migrations="$root/cell/storage/src/main/resources/db/migration" 2>&1 | grep -v ' INFO '
password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
granted=true
echo "$password" | atoll data grant --team analytics --user "$user" --cell eu-west-1 --password-stdin >/dev/null
bench load --primary="$primary" --replica="$replica" --orders="$orders" --members="$members"

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg) before measuring; $(java -version 2>&1 | head -1)"
echo
echo "== The analytics team's queries as $user: on the replica (127.0.0.1:$replica_port) and through Trino (https://127.0.0.1:$trino_https_port)"
measuring java -Duser.timezone=UTC -cp "$classpath" "$here/DataAccessBench.java" queries \
  --replica="$replica?currentSchema=analytics" \
  --trino="jdbc:trino://127.0.0.1:$trino_https_port/$database/analytics?SSL=true&SSLTrustStorePath=$state/trino/etc/trino.pem" \
  --user="$user" --password="$password" --runs="$runs" --warmup="$query_warmup"

for rate in $rates; do
  echo
  echo "== Replica lag at $rate transactions/s"
  measuring java -Duser.timezone=UTC -cp "$classpath" "$here/DataAccessBench.java" lag \
    --primary="$primary" --replica="$replica" --rate="$rate" --seconds="$seconds" --warmup="$warmup" --writers="$writers"
done
