#!/usr/bin/env bash
# Every row of the performance targets (docs/performance.md), measured in one run against the server's own ceiling:
# a bare Kestrel app answering a 2 KiB page (bench/Ceiling), built and measured in the same run, interleaved with the
# portal, so each figure is also a share of what the machine can do at that moment. Release builds, 2 cores,
# `wrk -t2 -c16 -d10s` on 127.0.0.1, medians of the rounds. Stops everything it starts.
#
#   bash docs/performance/measure.sh [rounds=3]
#   PERF_SIZES="1000 100000"           the store sizes (deliverables, 5 history rows each)
#   PORTAL_TEST_POSTGRES='Host=…'      also measure on PostgreSQL (databases dpp_perf_<size>, made once)
#   PERF_ONLY="pages|exports|startup"  one part only
#   PERF_ENGINES="postgres"           one engine only
#   PERF_NO_BUILD=1                    use the builds already in $PERF_WORK (when something else is building)
#
# Needs wrk and curl (apt-get install wrk curl).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${1:-3}
SIZES=(${PERF_SIZES:-1000 100000})
WORK=${PERF_WORK:-/tmp/dpp-measure}
PORT=${PERF_PORT:-5097}
CEILING_PORT=$((PORT + 1))
URL="http://127.0.0.1:$PORT"
CEILING="http://127.0.0.1:$CEILING_PORT/"
PASSWORD="benchmark administrator passphrase"
ACCOUNT="bench.admin@example.org"
ONLY=${PERF_ONLY:-all}
mkdir -p "$WORK"

if [ -z "${PERF_NO_BUILD:-}" ]; then
  echo "== publishing Release builds of the portal and the ceiling to $WORK" >&2
  # As docs/deploy.md publishes it: compiled ahead of time (ReadyToRun), for start-up.
  dotnet publish src/DigitalPartnership.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" --nologo -v quiet >/dev/null
  dotnet publish bench/Ceiling -c Release -o "$WORK/ceiling" --nologo -v quiet >/dev/null
fi

export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$WORK/logs/portal-.log"
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v*=1000}; printf "%.2f", v }'; }

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
trap stop_all EXIT

"$WORK/ceiling/Ceiling" --urls "http://127.0.0.1:$CEILING_PORT" >/dev/null 2>&1 &
CEILING_PID=$!
until curl -fs -o /dev/null "$CEILING"; do kill -0 "$CEILING_PID" 2>/dev/null || { echo "the ceiling app did not start" >&2; exit 1; }; sleep 0.1; done
PIDS+=("$CEILING_PID")

# wrk on a path, with the session cookie: prints "req/s p50-ms p99-ms"
load() {
  local out
  out=$(wrk -t2 -c16 -d"${2:-10s}" --latency ${COOKIE:+-H "Cookie: $COOKIE"} "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/{print $2}') $(ms "$(echo "$out" | awk '$1=="50%"{print $2}')") $(ms "$(echo "$out" | awk '$1=="99%"{print $2}')")"
}

store_settings() { # engine size → exports the connection settings for that store
  if [ "$1" = sqlite ]; then
    export Portal__Database=Sqlite ConnectionStrings__Portal="Data Source=$WORK/sqlite-$2.db"
  else
    export Portal__Database=Postgres ConnectionStrings__Portal="$PORTAL_TEST_POSTGRES;Database=dpp_perf_$2"
  fi
}

make_store() { # engine size → generates the store once; prints the seconds it took
  store_settings "$1" "$2"
  local marker="$WORK/$1-$2.generated"
  if [ -f "$marker" ]; then cat "$marker"; return; fi
  if [ "$1" = postgres ]; then
    psql "$(echo "$PORTAL_TEST_POSTGRES" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/') dbname=postgres" -qc "DROP DATABASE IF EXISTS dpp_perf_$2" -c "CREATE DATABASE dpp_perf_$2" >/dev/null
  else
    rm -f "$WORK/sqlite-$2.db"*
  fi
  dotnet "$WORK/app/DigitalPartnership.Web.dll" migrate >/dev/null 2>&1
  local started=$(date +%s%N)
  dotnet "$WORK/app/DigitalPartnership.Web.dll" generate --deliverables "$2" --history 5 >/dev/null 2>&1
  local seconds=$(awk -v n=$(( $(date +%s%N) - started )) 'BEGIN{printf "%.1f", n/1e9}')
  PORTAL_PASSWORD="$PASSWORD" dotnet "$WORK/app/DigitalPartnership.Web.dll" users add --email "$ACCOUNT" --role Admin >/dev/null 2>&1
  echo "$seconds" >"$marker"
  echo "$seconds"
}

start_portal() { # → STARTUP_MS, PORTAL_PID, COOKIE
  if curl -fs -o /dev/null "$URL/health/live"; then echo "Something already answers on $URL: stop it first." >&2; exit 1; fi
  local started=$(date +%s%N)
  dotnet "$WORK/app/DigitalPartnership.Web.dll" --urls "$URL" >"$WORK/portal.out" 2>&1 &
  PORTAL_PID=$!
  PIDS+=("$PORTAL_PID")
  until curl -fs -o /dev/null "$URL/account/signin"; do kill -0 "$PORTAL_PID" 2>/dev/null || { cat "$WORK/portal.out" >&2; exit 1; }; sleep 0.02; done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  local jar="$WORK/jar" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" "$URL/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$ACCOUNT" --data-urlencode "Input.Password=$PASSWORD" "$URL/account/signin"
  # Production cookies are Secure; curl keeps them from plain http, so they are sent by hand on 127.0.0.1.
  COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
}

stop_portal() { kill "$PORTAL_PID" 2>/dev/null || true; wait "$PORTAL_PID" 2>/dev/null || true; PIDS=("$CEILING_PID"); }

download() { # export query → the seconds one download took; the file is left in $WORK/export.out
  curl -fs -H "Cookie: $COOKIE" -o "$WORK/export.out" -w '%{time_total}' "$URL/reports/export?format=$1"
}

rss_mb() { awk -v f="$2" '$1==f":" {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# One edit through the edit form, then the time of the next list page: what a reader sees right after a change.
first_after_edit() {
  local id=$1 form token version times=()
  for _ in 1 2 3 4 5; do
    form=$(curl -fs -H "Cookie: $COOKIE" "$URL/deliverables/$id/edit")
    token=$(echo "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    version=$(echo "$form" | grep -o 'name="Input.Version" value="[0-9]*"' | grep -o '[0-9]*"' | tr -d '"')
    curl -fs -o /dev/null -H "Cookie: $COOKIE" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Version=$version" \
      --data-urlencode "Input.Title=$(echo "$form" | grep -o 'name="Input.Title"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//')" \
      --data-urlencode "Input.Status=in-progress" --data-urlencode "Input.ChangeNote=measured edit $RANDOM" "$URL/deliverables/$id/edit" || true
    times+=("$(curl -fs -o /dev/null -H "Cookie: $COOKIE" -w '%{time_total}' "$URL/deliverables" | awk '{printf "%.2f", $1*1000}')")
  done
  printf '%s\n' "${times[@]}" | median
}

ENGINES=(sqlite)
[ -n "${PORTAL_TEST_POSTGRES:-}" ] && ENGINES+=(postgres)
[ -n "${PERF_ENGINES:-}" ] && ENGINES=(${PERF_ENGINES})
printf '%-9s %-8s %-56s %12s %10s %10s %8s\n' engine size what value p50-ms p99-ms ceiling%
row() { printf '%-9s %-8s %-56s %12s %10s %10s %8s\n' "$@"; }

for engine in "${ENGINES[@]}"; do
  for size in "${SIZES[@]}"; do
    generated=$(make_store "$engine" "$size")
    row "$engine" "$size" "generate --deliverables $size --history 5 (s)" "$generated" - - -
    store_settings "$engine" "$size"

    if [ "$ONLY" = all ] || [ "$ONLY" = startup ]; then
      startups=()
      for _ in $(seq "$ROUNDS"); do start_portal; startups+=("$STARTUP_MS"); stop_portal; done
      row "$engine" "$size" "start -> first page answered (ms)" "$(printf '%s\n' "${startups[@]}" | median)" - - -
    fi

    if [ "$ONLY" = all ] || [ "$ONLY" = pages ]; then
      start_portal
      deliverable=$(curl -fs -H "Cookie: $COOKIE" "$URL/deliverables?sort=updated" | grep -o 'href="/deliverables/[0-9]*"' | head -1 | grep -o '[0-9]*')
      outcome=$(curl -fs -H "Cookie: $COOKIE" "$URL/deliverables/$deliverable" | grep -o 'href="/outcomes/[^"/]*"' | head -1 | sed 's/href="//;s/"//')
      meeting=$(curl -fs -H "Cookie: $COOKIE" "$URL/deliverables/$deliverable" | grep -o 'href="/meetings/[0-9]*' | head -1 | grep -o '[0-9]*$')
      paths=("/deliverables" "/" "/areas" "$outcome" "/deliverables/$deliverable")
      [ "$size" -ge 100000 ] && paths+=("/deliverables?page=2000" "/deliverables?status=in-progress&sort=target" \
        "/deliverables?area=cybersecurity&sort=updated" "/deliverables?meeting=$meeting&sort=target" "/deliverables?q=roadmap%20quantum")
      # A few seconds of load first, so the figures are of compiled code, not of the JIT at work.
      load "$URL/deliverables" 5s >/dev/null
      for path in "${paths[@]}"; do
        curl -fs -o /dev/null -H "Cookie: $COOKIE" "$URL$path"
        rps=(); p50=(); p99=(); share=()
        for _ in $(seq "$ROUNDS"); do
          read -r c_rps _ _ <<<"$(COOKIE= load "$CEILING")"
          read -r r a b <<<"$(load "$URL$path")"
          rps+=("$r"); p50+=("$a"); p99+=("$b"); share+=("$(awk -v r="$r" -v c="$c_rps" 'BEGIN{printf "%.1f", 100*r/c}')")
        done
        row "$engine" "$size" "$path (req/s)" "$(printf '%s\n' "${rps[@]}" | median)" "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" "$(printf '%s\n' "${share[@]}" | median)"
      done
      row "$engine" "$size" "first /deliverables after one edit (ms)" "$(first_after_edit "$deliverable")" - - -
      COOKIE_KEEP=$COOKIE
      load "$URL/deliverables" 60s >/dev/null
      row "$engine" "$size" "RSS after 60 s of list load (MB)" "$(rss_mb "$PORTAL_PID" VmRSS)" - - -
      stop_portal
    fi

    if { [ "$ONLY" = all ] || [ "$ONLY" = exports ]; } && [ "$size" -ge 100000 ]; then
      for export in "csv|CSV of all" "xlsx&since=2000-01-01|XLSX with the whole history" "pdf|PDF briefing"; do
        query=${export%%|*}; label=${export#*|}
        start_portal
        # The first download after start also compiles the export's queries and code; a manager's click meets a portal
        # that has run for a while, as the pages are measured after a warm-up. Both are shown.
        first=$(download "$query")
        times=()
        for _ in $(seq "$ROUNDS"); do times+=("$(download "$query")"); done
        row "$engine" "$size" "$label (s; $(stat -c %s "$WORK/export.out") bytes)" "$(printf '%s\n' "${times[@]}" | median)" - - -
        row "$engine" "$size" "  the first download after start (s)" "$first" - - -
        row "$engine" "$size" "  peak RSS during it (MB)" "$(rss_mb "$PORTAL_PID" VmHWM)" - - -
        stop_portal
      done
    fi
  done
done
echo "ceiling: $(COOKIE= load "$CEILING" | awk '{print $1}') req/s (bench/Ceiling, 2 KiB page), for reference" >&2
