#!/usr/bin/env bash
# Measures the portal at scale: start-up time to the first page, and the deliverables list under load with
# 100,000 generated deliverables. Everything runs on 127.0.0.1 and is stopped by this script.
#
#   bash docs/performance/measure-list.sh [deliverables] [rounds]
#
# Needs wrk and curl (apt-get install wrk curl). Prints medians of the rounds; see docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

DELIVERABLES=${1:-100000}
ROUNDS=${2:-3}
WORK=${PERF_WORK:-/tmp/dpp-perf}
PORT=${PERF_PORT:-5090}
URL="http://127.0.0.1:$PORT"
mkdir -p "$WORK"

echo "== publishing a Release build to $WORK/app"
dotnet publish src/DigitalPartnership.Web -c Release -o "$WORK/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Portal="Data Source=$WORK/portal-$DELIVERABLES.db"
export Serilog__MinimumLevel__Default=Warning
export Serilog__WriteTo__1__Args__path="$WORK/logs/portal-.log"

if [ ! -f "$WORK/portal-$DELIVERABLES.db" ]; then
  echo "== generating $DELIVERABLES deliverables with 5 history rows each"
  dotnet "$WORK/app/DigitalPartnership.Web.dll" generate --deliverables "$DELIVERABLES" --history 5 2>/dev/null
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start_portal() {
  if curl -fs -o /dev/null "$URL/"; then echo "Something already answers on $URL: stop it first." >&2; exit 1; fi
  local started=$(date +%s%N)
  dotnet "$WORK/app/DigitalPartnership.Web.dll" --urls "$URL" >"$WORK/portal.out" 2>&1 &
  PORTAL_PID=$!
  until curl -fs -o /dev/null "$URL/"; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { cat "$WORK/portal.out"; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

PORTAL_PID=""
stop_portal() { [ -n "$PORTAL_PID" ] && { kill "$PORTAL_PID" 2>/dev/null; wait "$PORTAL_PID" 2>/dev/null || true; }; PORTAL_PID=""; }
trap stop_portal EXIT

echo "== start-up to first page (ms), $ROUNDS rounds"
startups=()
for _ in $(seq "$ROUNDS"); do
  start_portal
  startups+=("$STARTUP_MS")
  stop_portal
done
echo "start-up to first page: median $(printf '%s\n' "${startups[@]}" | median) ms (runs: ${startups[*]})"

start_portal
PATHS=(
  "/deliverables"
  "/deliverables?page=2000"
  "/deliverables?status=in-progress&sort=target"
  "/deliverables?area=cybersecurity&sort=updated"
  "/deliverables?q=roadmap%20quantum"
  "/deliverables?q=memorandum&status=completed&page=40"
  "/"
)
echo "== wrk: 2 threads, 8 connections, 10 s per round; median of $ROUNDS rounds"
printf '%-52s %10s %10s %10s\n' "path" "p50 ms" "p99 ms" "req/s"
for path in "${PATHS[@]}"; do
  curl -fs -o /dev/null "$URL$path" # warm the query cache
  p50s=(); p99s=(); rps=()
  for _ in $(seq "$ROUNDS"); do
    out=$(wrk -t2 -c8 -d10s --latency "$URL$path")
    p50s+=("$(echo "$out" | awk '$1=="50%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v*=1000}; print v}')")
    p99s+=("$(echo "$out" | awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v*=1000}; print v}')")
    rps+=("$(echo "$out" | awk '/Requests\/sec/{print $2}')")
  done
  printf '%-52s %10s %10s %10s\n' "$path" "$(printf '%s\n' "${p50s[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)" "$(printf '%s\n' "${rps[@]}" | median)"
done
