#!/usr/bin/env bash
# Auth benchmark: forward-auth decisions per second and latency (verified-token cache on and off), the latency
# of forward-auth at a fixed rate (default 20,000 checks/s, measured from each request's planned start, so a
# stall counts against every request it delays), and the proxy's added latency against calling its upstream
# directly, all in one run on this machine.
#
# Needs: psql, curl, jq, a JDK 17, PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and the built JAR:
# ./mvnw -B -q -pl cell/auth -am package -DskipTests. Installs wrk and nginx (the fixed-rate floor) with apt-get
# when they are missing.
#
# Usage: cell/auth/bench/run-benchmark.sh [DURATION_SECONDS] [CONNECTIONS] [FIXED_RATE_PER_SECOND]
# Not part of ./mvnw verify. Prints wrk's reports and a summary in Markdown.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="$HERE/../target/atoll-auth.jar"
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
FIXED_RATE="${3:-20000}"
AUTH_PORT=18110
UPSTREAM_PORT=18111
FLOOR_PORT=18112
DATABASE=auth_bench
WORK="$(mktemp -d)"
PIDS=()

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get install -y nginx wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx wrk >/dev/null; }
fi
for tool in psql curl jq java; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "missing $JAR: build it with ./mvnw -B -q -pl cell/auth -am package -DskipTests" >&2; exit 1; }

stop_started() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
stop_floor() { [ -f "$WORK/nginx.pid" ] && nginx -p "$WORK" -c nginx.conf -s stop 2>/dev/null || true; }
trap 'stop_started; stop_floor; rm -rf "$WORK"' EXIT

wait_for() {
  local url="$1"
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$url" && return 0; sleep 0.5; done
  echo "no answer from $url" >&2; exit 1
}

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE"
export DATASOURCES_DEFAULT_USERNAME=postgres
export ATOLL_AUTH_INGRESS_PORT=$AUTH_PORT
export ATOLL_AUTH_UPSTREAM_URL="http://127.0.0.1:$UPSTREAM_PORT"
export ATOLL_LOG_LEVEL=WARN

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE" 2>/dev/null
java -jar "$JAR" accounts create --type member --email bench@example.com --password 'correct horse battery staple' >/dev/null

java -Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true "$HERE/BenchUpstream.java" $UPSTREAM_PORT &
PIDS+=($!)

start_auth() {
  java -Xmx512m -jar "$JAR" "$@" >"$WORK/auth.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$AUTH_PORT/health"
}

token() {
  curl -sf -d grant_type=password -d username=bench@example.com --data-urlencode 'password=correct horse battery staple' \
    "http://127.0.0.1:$AUTH_PORT/oauth/token" | jq -r .access_token
}

# run NAME CONNECTIONS URL [extra wrk args...]: a warm-up, then the measured run; keeps the report in $WORK/NAME.txt
run() {
  local name="$1" connections="$2" url="$3"; shift 3
  wrk -t1 -c"$connections" -d5s "$@" "$url" >/dev/null
  wrk -t1 -c"$connections" -d"${DURATION}s" --latency "$@" "$url" | tee "$WORK/$name.txt"
}

rate() { awk '/^Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$WORK/$1.txt"; }
errors() { awk '/Non-2xx/ {print $4}' "$WORK/$1.txt"; }

start_auth
wait_for "http://127.0.0.1:$UPSTREAM_PORT/"
TOKEN="$(token)"
CHECK_HEADERS=(-H "X-Forwarded-Method: GET" -H "X-Forwarded-Uri: /v1/feed" -H "Authorization: Bearer $TOKEN")
echo "== forward-auth, verified-token cache on"
run check-cached "$CONNECTIONS" "http://127.0.0.1:$AUTH_PORT/auth/check" "${CHECK_HEADERS[@]}"
run check-cached-1 1 "http://127.0.0.1:$AUTH_PORT/auth/check" "${CHECK_HEADERS[@]}"
# The same fixed-rate load on one nginx worker answering a fixed body first: the floor that this machine and the
# load generator put under any server's latency (one at a time, so that neither pays for the other's load).
cat > "$WORK/nginx.conf" <<NGINX
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$FLOOR_PORT; location / { default_type application/json; return 200 '{"ok":true}'; } } }
NGINX
nginx -p "$WORK" -c nginx.conf
echo "== fixed $FIXED_RATE requests/s on nginx's fixed answer, then on forward-auth with the cache on (latency in microseconds)"
fixed_rate() {
  java -Xmx256m "$HERE/../../../bench/FixedRateLoad.java" -H "X-Forwarded-Method: GET" -H "X-Forwarded-Uri: /v1/feed" \
    -H "Authorization: Bearer $TOKEN" "$FIXED_RATE" 5 "$DURATION" "$CONNECTIONS" "$1" | tee "$WORK/$2.txt"
}
# Three rounds, alternating: on this machine a single run's p99 swings by milliseconds either way.
for round in 1 2 3; do
  fixed_rate "http://127.0.0.1:$FLOOR_PORT/" "fixed-floor-$round"
  fixed_rate "http://127.0.0.1:$AUTH_PORT/auth/check" "fixed-$round"
done
stop_floor
echo "== upstream called directly"
run direct "$CONNECTIONS" "http://127.0.0.1:$UPSTREAM_PORT/v1/feed" -H "Authorization: Bearer $TOKEN"
run direct-1 1 "http://127.0.0.1:$UPSTREAM_PORT/v1/feed" -H "Authorization: Bearer $TOKEN"
echo "== upstream called through the authenticating proxy"
run proxied "$CONNECTIONS" "http://127.0.0.1:$AUTH_PORT/v1/feed" -H "Authorization: Bearer $TOKEN"
run proxied-1 1 "http://127.0.0.1:$AUTH_PORT/v1/feed" -H "Authorization: Bearer $TOKEN"
stop_started

java -Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true "$HERE/BenchUpstream.java" $UPSTREAM_PORT &
PIDS+=($!)
start_auth -Datoll.auth.verified-token-cache-size=0
echo "== forward-auth, verified-token cache off (an RS256 verification per request)"
run check-uncached "$CONNECTIONS" "http://127.0.0.1:$AUTH_PORT/auth/check" "${CHECK_HEADERS[@]}"
stop_started

fixed() { grep -o " $1=[0-9]*" "$WORK/$2.txt" | cut -d= -f2; }
# median QUANTILE RUN: the median over the three rounds
median() { for round in 1 2 3; do fixed "$1" "$2-$round"; done | sort -n | sed -n 2p; }
rounds() { for round in 1 2 3; do printf '%s ' "$(fixed "$1" "$2-$round")"; done; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
micros() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /ms$/) n *= 1000; else if (v ~ /s$/ && v !~ /us$/) n *= 1000000; print n }'; }

cat <<SUMMARY

$(nproc) cores, load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)

| run (${DURATION} s, wrk -t1) | connections | requests/s | p50 | p99 | non-2xx |
|---|---|---|---|---|---|
| /auth/check, verified-token cache on | $CONNECTIONS | $(rate check-cached) | $(pct check-cached 50) | $(pct check-cached 99) | $(errors check-cached) |
| /auth/check, verified-token cache on | 1 | $(rate check-cached-1) | $(pct check-cached-1 50) | $(pct check-cached-1 99) | $(errors check-cached-1) |
| /auth/check, cache off | $CONNECTIONS | $(rate check-uncached) | $(pct check-uncached 50) | $(pct check-uncached 99) | $(errors check-uncached) |
| upstream directly | $CONNECTIONS | $(rate direct) | $(pct direct 50) | $(pct direct 99) | $(errors direct) |
| upstream through the proxy | $CONNECTIONS | $(rate proxied) | $(pct proxied 50) | $(pct proxied 99) | $(errors proxied) |
| upstream directly | 1 | $(rate direct-1) | $(pct direct-1 50) | $(pct direct-1 99) | $(errors direct-1) |
| upstream through the proxy | 1 | $(rate proxied-1) | $(pct proxied-1 50) | $(pct proxied-1 99) | $(errors proxied-1) |

Fixed rate, $FIXED_RATE requests/s over $CONNECTIONS connections, 3 rounds of ${DURATION} s each (median; the rounds), microseconds:

| target | p50 | p90 | p99 | p99.9 | errors |
|---|---|---|---|---|---|
| /auth/check, cache on | $(median p50 fixed) | $(median p90 fixed) | $(median p99 fixed) ($(rounds p99 fixed)) | $(median p99.9 fixed) | $(rounds errors fixed) |
| nginx's fixed answer (the floor of machine and load generator) | $(median p50 fixed-floor) | $(median p90 fixed-floor) | $(median p99 fixed-floor) ($(rounds p99 fixed-floor)) | $(median p99.9 fixed-floor) | $(rounds errors fixed-floor) |

Proxy vs direct, same run: throughput ratio $(ratio "$(rate proxied)" "$(rate direct)") at $CONNECTIONS connections;
p50 ratio $(ratio "$(micros "$(pct proxied-1 50)")" "$(micros "$(pct direct-1 50)")") at 1 connection
(added p50 latency $(awk -v a="$(micros "$(pct proxied-1 50)")" -v b="$(micros "$(pct direct-1 50)")" 'BEGIN { printf "%.0f", a - b }') us).
Cache on vs off: throughput ratio $(ratio "$(rate check-cached)" "$(rate check-uncached)").
SUMMARY
