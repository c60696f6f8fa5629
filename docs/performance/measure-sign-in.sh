#!/usr/bin/env bash
# Does a wrong password take as long for an address with an account as for one without? (If not, the time tells an
# attacker who has an account.) Starts the Release portal on 127.0.0.1, makes N accounts, and times N sign-ins with a
# wrong password for real addresses and N for unknown ones, alternating; prints the medians and their ratio.
#
#   bash docs/performance/measure-sign-in.sh [N=20]
#
# Each real account fails once (so none gets locked and every attempt takes the same path); needs curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${1:-20}
WORK=${PERF_WORK:-/tmp/dpp-sign-in}
PORT=${PERF_PORT:-5091}
URL="http://127.0.0.1:$PORT"
rm -rf "$WORK" && mkdir -p "$WORK"

echo "== publishing a Release build to $WORK/app"
dotnet publish src/DigitalPartnership.Web -c Release -o "$WORK/app" --nologo -v quiet >/dev/null

# Testing: cookies without the Secure flag, so curl sends them back over plain http on 127.0.0.1.
export ASPNETCORE_ENVIRONMENT=Testing
export ConnectionStrings__Portal="Data Source=$WORK/portal.db"
export Portal__SignInAttemptsPerMinute=10000
export Serilog__MinimumLevel__Default=Warning
export Serilog__WriteTo__1__Args__path="$WORK/logs/portal-.log"

echo "== making $N accounts"
for i in $(seq "$N"); do
  PORTAL_PASSWORD="measured passphrase number $i" dotnet "$WORK/app/DigitalPartnership.Web.dll" users add --email "person$i@example.org" --role Staff >/dev/null 2>"$WORK/users.err" || { cat "$WORK/users.err"; exit 1; }
done

dotnet "$WORK/app/DigitalPartnership.Web.dll" --urls "$URL" >"$WORK/portal.out" 2>&1 &
PORTAL_PID=$!
trap 'kill $PORTAL_PID 2>/dev/null; wait $PORTAL_PID 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$URL/health"; do kill -0 "$PORTAL_PID" || { cat "$WORK/portal.out"; exit 1; }; sleep 0.1; done

attempt() { # email → seconds the POST took
  local jar="$WORK/jar-$RANDOM"
  local token
  token=$(curl -fs -c "$jar" "$URL/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=not the password at all" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/account/signin"
  rm -f "$jar"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

attempt "warm-up@example.org" >/dev/null
real=(); unknown=()
for i in $(seq "$N"); do
  real+=("$(attempt "person$i@example.org")")
  unknown+=("$(attempt "nobody$i@example.org")")
done
r=$(printf '%s\n' "${real[@]}" | median); u=$(printf '%s\n' "${unknown[@]}" | median)
echo "wrong password, address with an account:    median $(awk -v v="$r" 'BEGIN{printf "%.1f", v*1000}') ms"
echo "wrong password, address without an account: median $(awk -v v="$u" 'BEGIN{printf "%.1f", v*1000}') ms"
echo "difference: $(awk -v r="$r" -v u="$u" 'BEGIN{d=(r>u?r-u:u-r)/(r>u?r:u)*100; printf "%.1f", d}') % of the slower"
