#!/usr/bin/env bash
# Measures the exports at 1,000 / 10,000 / 100,000 generated deliverables (5 history rows each): time to download
# each format through HTTP (median of 3) and the portal's peak resident memory (VmHWM) for that format, read from
# /proc after the downloads, on a portal restarted per format. Everything on 127.0.0.1; the script stops what it starts.
#
#   bash docs/performance/measure-exports.sh [sizes...]        (default: 1000 10000 100000)
#   PERF_QUERY="since=2026-09-01" bash docs/performance/measure-exports.sh 100000   (any report filter)
#   PERF_FORMATS="csv" …                                     (only some formats)
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=("${@:-1000 10000 100000}")
[ "$#" -eq 0 ] && SIZES=(1000 10000 100000)
WORK=${PERF_WORK:-/tmp/dpp-perf}
PORT=${PERF_PORT:-5093}
URL="http://127.0.0.1:$PORT"
PASSWORD="benchmark manager passphrase"
mkdir -p "$WORK"

echo "== publishing a Release build to $WORK/app"
dotnet publish src/DigitalPartnership.Web -c Release -o "$WORK/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$WORK/logs/portal-.log"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

PORTAL_PID=""
stop_portal() { [ -n "$PORTAL_PID" ] && { kill "$PORTAL_PID" 2>/dev/null; wait "$PORTAL_PID" 2>/dev/null || true; }; PORTAL_PID=""; }
trap stop_portal EXIT

start_portal() {
  if curl -fs -o /dev/null "$URL/health"; then echo "Something already answers on $URL: stop it first." >&2; exit 1; fi
  dotnet "$WORK/app/DigitalPartnership.Web.dll" --urls "$URL" >"$WORK/portal-exports.log" 2>&1 &
  PORTAL_PID=$!
  until curl -fs -o /dev/null "$URL/health"; do kill -0 "$PORTAL_PID" 2>/dev/null || { cat "$WORK/portal-exports.log"; exit 1; }; sleep 0.1; done
  rm -f "$WORK/cookies"
  token=$(curl -fs -c "$WORK/cookies" -b "$WORK/cookies" "$URL/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$WORK/cookies" -b "$WORK/cookies" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=bench.manager@example.org" --data-urlencode "Input.Password=$PASSWORD" "$URL/account/signin"
}

printf '%-12s %-6s %10s %12s %14s\n' "deliverables" "format" "median s" "size" "peak RSS MB"
for size in "${SIZES[@]}"; do
  export ConnectionStrings__Portal="Data Source=$WORK/portal-$size.db"
  if [ ! -f "$WORK/portal-$size.db" ]; then
    dotnet "$WORK/app/DigitalPartnership.Web.dll" generate --deliverables "$size" --history 5 >/dev/null 2>&1
  fi
  PORTAL_PASSWORD="$PASSWORD" dotnet "$WORK/app/DigitalPartnership.Web.dll" users add --email bench.manager@example.org --role Manager >/dev/null 2>&1 || true
  for format in ${PERF_FORMATS:-csv xlsx pdf}; do
    start_portal
    times=()
    for _ in 1 2 3; do
      times+=("$(curl -fs -b "$WORK/cookies" -o "$WORK/export.$format" -w '%{time_total}' "$URL/reports/export?format=$format${PERF_QUERY:+&$PERF_QUERY}")")
    done
    peak=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$PORTAL_PID/status")
    printf '%-12s %-6s %10s %12s %14s\n' "$size" "$format" "$(printf '%s\n' "${times[@]}" | median)" "$(stat -c %s "$WORK/export.$format")" "$peak"
    stop_portal
  done
done
