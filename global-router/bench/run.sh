#!/usr/bin/env bash
# The router against nginx as a reverse proxy in front of the same upstream, on this machine, in one run:
#   - saturation: wrk, requests/s through each proxy (and straight to the upstream, for scale);
#   - fixed rate: FixedRateLoad.java, latency percentiles straight to the upstream and through each proxy; the
#     difference is the latency a proxy adds.
# All traffic goes to 127.0.0.1 and every load is bounded in time or count. Installs nginx and wrk with apt-get
# when they are missing. Needs PostgreSQL on 127.0.0.1:5432 (the router's placement directory; a scratch
# database is created and dropped). Settings via environment: see the defaults below.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/global-router/target/bench"
jar="$root/global-router/target/atoll-router.jar"

upstream_port="${UPSTREAM_PORT:-18091}"
nginx_port="${NGINX_PORT:-18090}"
router_port="${ROUTER_PORT:-18080}"
admin_port="${ROUTER_ADMIN_PORT:-18081}"
wrk_threads="${WRK_THREADS:-2}"
wrk_connections="${WRK_CONNECTIONS:-64}"
wrk_seconds="${WRK_SECONDS:-10}"
warmup_seconds="${WARMUP_SECONDS:-30}"   # the router's JIT still improves it after 10 s of load
rounds="${ROUNDS:-5}"   # 0 skips the saturation runs
rate="${RATE:-1000}"
rate_seconds="${RATE_SECONDS:-20}"
rate_warmup_seconds="${RATE_WARMUP_SECONDS:-5}"
rate_connections="${RATE_CONNECTIONS:-8}"
database="router_bench_$$"
# Optional scheduling priority for everything the benchmark runs (proxies, upstream, load generators), e.g. -10
# on a machine shared with other work; applied to both proxies alike.
priority="${BENCH_NICE:-0}"
# Whether both proxies write an access line per request: "on" (nginx a JSON line to a buffered file, the router its
# JSON access log) or "off" (neither); the comparison is like for like either way.
access_log="${ACCESS_LOG:-on}"
# PROFILE=on records a Java Flight Recording of the router for the whole run ($work/router.jfr).
profile="${PROFILE:-off}"
# Extra JVM options for the router, e.g. to try a Netty setting: ROUTER_JAVA_OPTS="-Dio.netty.allocator.type=pooled".
router_java_opts="${ROUTER_JAVA_OPTS:-}"
case "$access_log" in
  on) nginx_access_log="log_format json escape=json '{\"time\":\"\$time_iso8601\",\"method\":\"\$request_method\",\"uri\":\"\$uri\",\"status\":\$status,\"bytes\":\$body_bytes_sent,\"duration_s\":\$request_time}';
  access_log $work/proxy/access.log json buffer=64k;"; router_access_log=INFO ;;
  off) nginx_access_log="access_log off;"; router_access_log=OFF ;;
  *) echo "ACCESS_LOG must be on or off" >&2; exit 2 ;;
esac

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get install -y nginx wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx wrk >/dev/null; }
fi
if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -B -q -pl global-router package -DskipTests)
fi

rm -rf "$work" && mkdir -p "$work/upstream" "$work/proxy"
router_pid=""
cleanup() {
  [[ -n "$router_pid" ]] && kill "$router_pid" 2>/dev/null && wait "$router_pid" 2>/dev/null || true
  for instance in upstream proxy; do
    [[ -f "$work/$instance/nginx.pid" ]] && nginx -p "$work/$instance" -c nginx.conf -s stop 2>/dev/null || true
  done
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
}
trap cleanup EXIT

common_nginx() {
  cat <<EOF
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 4096; }
EOF
}

# The upstream both proxies forward to: one nginx worker answering a small static response.
{ common_nginx "$work/upstream"; cat <<EOF
worker_processes 1;
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$upstream_port;
    location / { default_type application/json; return 200 '{"cell":"bench-1","ok":true}'; }
  }
}
EOF
} > "$work/upstream/nginx.conf"

# nginx as the reverse proxy to compare with: as many workers as the router has threads, keep-alive to the upstream.
{ common_nginx "$work/proxy"; cat <<EOF
worker_processes 2;
http {
  $nginx_access_log
  keepalive_requests 1000000;
  upstream cell { server 127.0.0.1:$upstream_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://cell;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      add_header X-Atoll-Cell bench-1;
    }
  }
}
EOF
} > "$work/proxy/nginx.conf"

nice -n "$priority" nginx -p "$work/upstream" -c nginx.conf
nice -n "$priority" nginx -p "$work/proxy" -c nginx.conf

cat > "$work/cells.json" <<EOF
{"cells": {"sensitive": false, "type": ["map", ["object", {"id": "string"}]], "value": {
  "bench-1": {"id": "bench-1", "region": "eu-west-1", "ingress_url": "http://127.0.0.1:$upstream_port", "state": "active"}}}}
EOF
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $database" >/dev/null
ATOLL_ROUTER_REGISTRY_FILE="$work/cells.json" \
ATOLL_ROUTER_DATA_PLANE_PORT="$router_port" \
ATOLL_ROUTER_DATA_PLANE_THREADS=2 \
ATOLL_ROUTER_HEALTH_PATH=/ \
MICRONAUT_SERVER_PORT="$admin_port" \
DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$database" \
ATOLL_LOG_LEVEL=WARN \
ATOLL_ACCESS_LOG_LEVEL="$router_access_log" \
  nice -n "$priority" java -Xms512m -Xmx512m -Xlog:gc:file="$work/router-gc.log" \
    $([[ "$profile" == on ]] && echo "-XX:StartFlightRecording=settings=profile,filename=$work/router.jfr") \
    $router_java_opts -jar "$jar" > "$work/router.log" 2>&1 &
router_pid=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$router_port/" && break
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$router_port/" || { echo "the router did not start; see $work/router.log" >&2; exit 1; }

upstream="http://127.0.0.1:$upstream_port/v1/feed"
nginx_url="http://127.0.0.1:$nginx_port/v1/feed"
router_url="http://127.0.0.1:$router_port/v1/feed"

requests_per_second() {
  nice -n "$priority" wrk -t"$wrk_threads" -c"$wrk_connections" -d"${1}s" "$2" | awk '/Requests\/sec/ { print $2 }'
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# CPU time (user + system, in clock ticks) the given processes and their threads have used so far.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  echo "$total"
}
nginx_proxy_pids=("$(cat "$work/proxy/nginx.pid")" $(pgrep -P "$(cat "$work/proxy/nginx.pid")"))
ticks_per_second="$(getconf CLK_TCK)"

# Saturates one proxy; prints its requests/s and the CPU microseconds it spent per request. A proxy's CPU per
# request varies far less than its throughput when something else shares the machine.
saturate() {
  local url="$1" before after rps
  shift
  before="$(cpu_ticks "$@")"
  rps="$(requests_per_second "$wrk_seconds" "$url")"
  after="$(cpu_ticks "$@")"
  awk -v rps="$rps" -v ticks=$(( after - before )) -v hz="$ticks_per_second" -v s="$wrk_seconds" \
    'BEGIN { printf "%s %.1f", rps, ticks / hz * 1e6 / (rps * s) }'
}

echo "Machine: $(nproc) cores, $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; nginx $(nginx -v 2>&1 | sed 's/.*\///'); $(java -version 2>&1 | head -1); priority $priority; access logs $access_log"
echo "Warm-up (JIT of the router, connection pools): ${warmup_seconds} s of wrk on each proxy"
requests_per_second "$warmup_seconds" "$router_url" >/dev/null
requests_per_second "$warmup_seconds" "$nginx_url" >/dev/null

if (( rounds > 0 )); then
  echo "Saturation: wrk -t$wrk_threads -c$wrk_connections -d${wrk_seconds}s, $rounds rounds, proxies alternating"
  printf '%-6s %12s %12s %12s %8s %14s %14s %8s\n' round upstream nginx router ratio "nginx µs/req" "router µs/req" "cpu ratio"
  ratios=()
  cpu_ratios=()
  for round in $(seq 1 "$rounds"); do
    direct="$(requests_per_second "$wrk_seconds" "$upstream")"
    if (( round % 2 )); then
      read -r proxied_nginx nginx_cpu <<< "$(saturate "$nginx_url" "${nginx_proxy_pids[@]}")"
      read -r proxied_router router_cpu <<< "$(saturate "$router_url" "$router_pid")"
    else
      read -r proxied_router router_cpu <<< "$(saturate "$router_url" "$router_pid")"
      read -r proxied_nginx nginx_cpu <<< "$(saturate "$nginx_url" "${nginx_proxy_pids[@]}")"
    fi
    ratio="$(awk -v r="$proxied_router" -v n="$proxied_nginx" 'BEGIN { printf "%.2f", r / n }')"
    cpu_ratio="$(awk -v r="$router_cpu" -v n="$nginx_cpu" 'BEGIN { printf "%.2f", n / r }')"
    ratios+=("$ratio")
    cpu_ratios+=("$cpu_ratio")
    printf '%-6s %12s %12s %12s %8s %14s %14s %8s\n' "$round" "$direct" "$proxied_nginx" "$proxied_router" "$ratio" "$nginx_cpu" "$router_cpu" "$cpu_ratio"
  done
  echo "Median router/nginx throughput ratio: $(median "${ratios[@]}")"
  echo "Median nginx/router CPU-per-request ratio (1.00: the router costs what nginx costs): $(median "${cpu_ratios[@]}")"
fi

echo "Fixed rate: $rate requests/s to each URL at once for ${rate_seconds}s, $rate_connections connections each (after ${rate_warmup_seconds}s warm-up); latency in microseconds"
nice -n "$priority" java "$root/bench/FixedRateLoad.java" "$rate" "$rate_warmup_seconds" "$rate_seconds" "$rate_connections" "$upstream" "$nginx_url" "$router_url"
echo "Router GC pauses during the run: $(grep -c 'Pause' "$work/router-gc.log") (log: $work/router-gc.log)"
