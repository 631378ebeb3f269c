#!/usr/bin/env bash
# Pipeline benchmark (kept out of ./mvnw verify): the job pipeline's overhead per photo on the running platform —
# upload acknowledged through the router → the photo's job item in the member's feed, minus the time its jobs ran —
# as p50/p90/max over photos sent one at a time.
#
# Usage: e2e/bench/run-pipeline-benchmark.sh [photos, 30] [pause between photos in ms, 3000]
#
# Needs the platform running (`./atoll up`, state in .atoll): the router on 127.0.0.1:8080 and cell eu-west-1 with its
# workers. Reads the jobs' run times through `atoll jobs show`, as an operator.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/e2e"
photos="${1:-30}" pause="${2:-3000}"
router="${ATOLL_BENCH_ROUTER:-http://127.0.0.1:8080}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$router/" || true)" = "000" ]; then
  echo "no router answers at $router: start the platform first (./atoll up), then run this again" >&2
  exit 1
fi

# With the modules it needs from this checkout (-am), whatever another checkout last installed.
(cd "$root" && ./mvnw -B -q -pl e2e -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$module/target/bench.classpath") \
  || { echo "the build failed: fix it, or run ./mvnw -B -q install -DskipTests once online" >&2; exit 1; }
classpath="$module/target/test-classes:$(cat "$module/target/bench.classpath")"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
(cd "$root" && "$java" -Xmx256m -cp "$classpath" io.atoll.e2e.bench.PipelineOverheadBenchmark \
  --router="$router" --region="${ATOLL_BENCH_REGION:-eu-west-1}" --photos="$photos" --pause-ms="$pause")
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
