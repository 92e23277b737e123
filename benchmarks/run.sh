#!/usr/bin/env bash
# The load benchmark of issue 11: Dti.Api against a raw Npgsql endpoint and an EF Core endpoint (benchmarks/Baselines),
# on one throwaway PostgreSQL loaded with province-scale data through the API. Prints req/s, p50/p99 and paired ratios.
#
#   bash benchmarks/run.sh            # RUNS=3 DURATION=10 WARMUP=120 CONNECTIONS="16 64" BENCH_PG_PORT=55690 by default
#   PARTS="write" bash benchmarks/run.sh                # only some parts: read, write, report, same, feed, fixed (all by default)
#   BASELINE_POOL=100 bash benchmarks/run.sh            # the baselines' Maximum Pool Size (default: Dti.Api's default)
#   BEFORE_ROOT=/tmp/dti-before bash benchmarks/run.sh   # also runs the Dti.Api of another checkout (e.g. from
#                                     # `git archive <commit> | tar -x -C /tmp/dti-before`) in the same runs, on the same data
#
# Needs PostgreSQL server binaries, wrk and hey (Debian: apt-get install postgresql wrk hey), python3 and the .NET SDK.
# Dti.Api runs as shipped — API-key authentication, authorisation, the rate limiter, validation, audit, console JSON
# logging — except that RateLimiting:PermitPerMinute is raised to 100,000,000 so the limiter counts but never rejects
# the load. Each pair (Dti.Api, baseline) is measured alternately, RUNS times, so that noise hits both alike.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}; duration=${DURATION:-10}; warmup=${WARMUP:-120}; connections=${CONNECTIONS:-"16 64"}; port=${BENCH_PG_PORT:-55690}
parts=" ${PARTS:-read write report same feed fixed} "
for tool in wrk hey python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (Debian: apt-get install wrk hey python3)"; exit 1; }
done
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "run.sh: PostgreSQL not found (Debian: apt-get install postgresql)"; exit 1; }

work=$(mktemp -d /tmp/dti-bench.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
pids=()
cleanup() {
  # What every Dti.Api answered, from its request log (499: wrk closed the connection as a run ended).
  for log in "$work"/api.log "$work"/before.log; do
    [ -f "$log" ] && echo "run.sh: $(basename "$log" .log) answered: $(grep -oE 'answered [0-9]+' "$log" | sort | uniq -c | awk '{printf "%s×%s ", $3, $1}')"
    # A 5xx is a bug whatever the load: keep its request line and the errors logged in the same second, before the
    # folder goes.
    if [ -f "$log" ] && grep -qE 'answered 5[0-9][0-9]' "$log"; then
      cp "$log" "/tmp/dti-bench-$(basename "$log" .log)-$(date +%Y%m%d%H%M%S).log"
      grep -E 'answered 5[0-9][0-9]' "$log" | head -n 5 | while read -r line; do
        echo "run.sh: 5xx: ${line:0:400}"
        second=$(echo "$line" | grep -oE '"Timestamp":"[^.]*' | head -n 1 | cut -d'"' -f4)
        [ -n "$second" ] && grep -F "$second" "$log" | grep -E '"LogLevel":"(Error|Critical)"' | head -n 3 | cut -c1-1500 | sed 's/^/run.sh:   /'
      done
      echo "run.sh: the whole log is kept in /tmp/dti-bench-$(basename "$log" .log)-*.log"
    fi
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB" start >/dev/null
export ConnectionStrings__Dti="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Database=dti_bench"
export Database__Provider=Postgres DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
"${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres dti_bench

echo "run.sh: building (Release)"
for project in src/Dti.Api benchmarks/Baselines/RawNpgsql benchmarks/Baselines/EfDirect; do
  dotnet build "$root/$project" -c Release -v quiet -nologo >/dev/null
done
apis=(api)
if [ -n "${BEFORE_ROOT:-}" ]; then
  dotnet build "$BEFORE_ROOT/src/Dti.Api" -c Release -v quiet -nologo >/dev/null
  apis+=(before)
fi
# Run from the build folder, whose appsettings.json is the shipped one.
cd "$root/src/Dti.Api/bin/Release/net10.0"
api="$PWD/Dti.Api.dll"
dotnet "$api" migrate >/dev/null
key=$(dotnet "$api" create-client --name Benchmark --role Coordinator | grep -oE 'dti_[0-9a-f]{16}_[A-Za-z0-9_-]+' | head -n 1)

declare -A pid_of=()
start() { # name port command…
  local name=$1 p=$2; shift 2
  ASPNETCORE_URLS="http://127.0.0.1:$p" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!); pid_of[$name]=$!
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$p/agencies/00000000-0000-0000-0000-000000000000" && return; sleep 0.5; done
  echo "run.sh: $name did not start"; cat "$work/$name.log"; exit 1
}
RateLimiting__PermitPerMinute=100000000 start api 5701 dotnet "$api"
# The baselines keep Npgsql's defaults but for the pool, bounded as Dti.Api bounds its own by default (four connections
# per processor, at least 16; ADR 0017): with Npgsql's 100 a baseline measured at 16 connections after a run at 64
# spreads its requests over every backend the 64 opened, and measures its pool, not its endpoint. BASELINE_POOL=100
# gives them Npgsql's default, as before the thirteenth step.
baseline=(env "ConnectionStrings__Dti=$ConnectionStrings__Dti;Maximum Pool Size=${BASELINE_POOL:-$(( $(nproc) * 4 > 16 ? $(nproc) * 4 : 16 ))}")
start raw 5702 "${baseline[@]}" dotnet "$root/benchmarks/Baselines/RawNpgsql/bin/Release/net10.0/RawNpgsql.dll"
pid_of[same]=${pid_of[raw]} # the diagnostic "same" (Dti.Api's statements, SameStatements.cs) is served by the raw baseline's process
start ef 5703 "${baseline[@]}" dotnet "$root/benchmarks/Baselines/EfDirect/bin/Release/net10.0/EfDirect.dll"
if [ -n "${BEFORE_ROOT:-}" ]; then
  RateLimiting__PermitPerMinute=100000000 start before 5704 env -C "$BEFORE_ROOT/src/Dti.Api/bin/Release/net10.0" dotnet Dti.Api.dll
fi

python3 "$root/benchmarks/load/load.py" http://127.0.0.1:5701 "$key" "$work"
agency=$(sed -n 75p "$work/agencies.txt"); task_lines=$(wc -l <"$work/tasks.txt")
declare -A url=([api]="http://127.0.0.1:5701/api/v1/agencies/$agency" [before]="http://127.0.0.1:5704/api/v1/agencies/$agency" [raw]="http://127.0.0.1:5702/agencies/$agency" [ef]="http://127.0.0.1:5703/agencies/$agency")

# Writes: each wrk thread walks its own half of the 300 tasks, so two writers rarely touch one task at once.
cat >"$work/progress.lua" <<LUA
local tasks, prefix = {}, "api"
for line in io.lines("$work/tasks.txt") do tasks[#tasks + 1] = line end
local counter = 0
local thread_count = 0
function setup(thread) thread:set("id", thread_count); thread_count = thread_count + 1 end
function init(args) prefix = args[1]; counter = id end
request = function()
  counter = counter + 2
  local entry = tasks[(counter % #tasks) + 1]
  local path = prefix ~= "raw" and ("/api/v1/plans/" .. (entry:gsub("/", "/tasks/")) .. "/progress") or ("/tasks/" .. entry:match("/(.*)") .. "/progress")
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-Api-Key"] = "$key"},
    '{"status":"InProgress","percent":50,"note":"benchmark"}')
end
LUA

# Report submissions: each wrk thread cycles its half of the target's reports (load.py), submitting a draft and withdrawing
# a submitted one, each with the ETag its last answer gave as If-Match. Where each report stands is read from the database
# before every run (report_states), so a run cut off mid-flight leaves nothing for the next to guess.
cat >"$work/report.lua" <<'LUA'
local ready, prefix = {}, "api"
local thread_count = 0
function setup(thread) thread:set("id", thread_count); thread_count = thread_count + 1 end
function init(args)
  prefix = args[1]
  local states = {}
  for line in io.lines(args[3]) do
    local rid, state, version = line:match("^(%S+) (%S+) (%S+)$")
    states[rid] = { state, version }
  end
  local n = 0
  for line in io.lines(args[2]) do
    local rid, key = line:match("^(%S+) (%S+)$")
    if n % 2 == id then ready[#ready + 1] = { rid, key, states[rid][1], states[rid][2] } end
    n = n + 1
  end
end
local keys, waiting = {}, nil
request = function()
  local r = table.remove(ready, 1)
  if r == nil then -- every report is in flight or lost to a failed answer: ask for one that does not exist (counted as non-2xx)
    return wrk.format("POST", "/api/v1/reports/00000000-0000-0000-0000-000000000000/submit", { ["If-Match"] = '"1"' }, "")
  end
  keys[r[1]] = r[2]
  local action = r[3] == "Draft" and "submit" or "withdraw"
  local path = (prefix == "raw" and "/reports/" or prefix == "same" and "/same/reports/" or "/api/v1/reports/") .. r[1] .. "/" .. action
  return wrk.format("POST", path, { ["X-Api-Key"] = r[2], ["If-Match"] = '"' .. r[4] .. '"' }, "")
end
response = function(status, headers, body)
  if status ~= 200 then return end
  local rid, state = body:match('"id":"([^"]+)"'), body:match('"state":"(%a+)"')
  ready[#ready + 1] = { rid, keys[rid], state, (headers["ETag"] or ""):gsub('"', "") }
end
LUA
report_states() { # where every report stands now: id, state, version
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d dti_bench -AtF ' ' -c 'SELECT "Id", "State", "Version" FROM "Reports"' >"$work/report-states.txt"
}
report_file() { [ "$1" = raw ] || [ "$1" = same ] && echo "$work/reports-raw.txt" || echo "$work/reports-api.txt"; }

port_of() { case $1 in api) echo 5701;; raw|same) echo 5702;; ef) echo 5703;; before) echo 5704;; esac; }

# CPU time (user + system, in clock ticks) of one process, and of PostgreSQL: its postmaster with the backends that
# have ended (their time moves to the postmaster's children fields when it reaps them) and every live backend.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postmaster=$(head -n 1 "$work/data/postmaster.pid")
pg_ticks() {
  local sum p; sum=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for p in $(pgrep -P "$postmaster"); do sum=$((sum + $(ticks "$p"))); done
  echo "$sum"
}
tick_ms=$(python3 -c "import os; print(1000 / os.sysconf('SC_CLK_TCK'))")

# wrk prints "Requests/sec", the request count and, with --latency, the 50% and 99% lines. Also the CPU each request
# cost the target's process and PostgreSQL (ms): less disturbed than req/s by whatever else the machine runs.
measure() { # target connections [script [script arguments after the target]]
  local target=$1 c=$2 out app0 db0 app1 db1
  [ "${3:-}" = "$work/report.lua" ] && report_states
  app0=$(ticks "${pid_of[$target]}"); db0=$(pg_ticks)
  if [ -n "${3:-}" ]; then
    out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -s "$3" "http://127.0.0.1:$(port_of "$target")" -- "$target" "${@:4}")
  else
    out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -H "X-Api-Key: $key" "${url[$target]}")
  fi
  app1=$(ticks "${pid_of[$target]}"); db1=$(pg_ticks)
  local errors requests; errors=$(echo "$out" | grep -oE 'Non-2xx or 3xx responses: [0-9]+' | grep -oE '[0-9]+$' || echo 0)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}') $errors" \
    "$(python3 -c "print(round(($app1 - $app0) * $tick_ms / max($requests, 1), 4), round(($db1 - $db0) * $tick_ms / max($requests, 1), 4))")"
}

# One write each first: a benchmark of failing writes would measure nothing.
first=$(head -n 1 "$work/tasks.txt")
for a in "${apis[@]}"; do
  status=$(curl -s -o "$work/probe.txt" -w '%{http_code}' -X POST -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    -d '{"status":"InProgress","percent":50,"note":"benchmark"}' "http://127.0.0.1:$(port_of "$a")/api/v1/plans/${first%%/*}/tasks/${first##*/}/progress")
  [ "$status" = 200 ] || { echo "run.sh: $a answered $status to a progress report: $(cat "$work/probe.txt")"; exit 1; }
done

# Warm every endpoint with the load it is measured under (JIT tiering, pools, caches, prepared statements) for WARMUP
# seconds, so that runs measure the steady state: tiered JIT keeps recompiling a cold path for tens of seconds, and a
# write path that meets the first measured run cold pays its compilation there (TechEmpower also warms before measuring).
# A fresh Dti.Api's submissions still double their rate between 10 s and 40 s of load, its progress reports triple theirs
# within a minute (docs/benchmarks.md, tenth step), and its tiered-compilation thread still takes a tenth of its CPU after
# 76 s of submissions, none after 150 s (perf, eleventh step): hence 120 s by default, on top of the write part's.
for t in "${apis[@]}" raw ef same; do
  if [[ $t == same ]]; then
    if [[ $parts == *" same "* ]]; then
      report_states
      wrk -t2 -c16 -d"${warmup}s" -s "$work/report.lua" "http://127.0.0.1:5702" -- same "$(report_file same)" "$work/report-states.txt" >/dev/null
    fi
    continue
  fi
  if [[ $parts == *" read "* || $parts == *" fixed "* ]]; then
    wrk -t2 -c16 -d"${warmup}s" -H "X-Api-Key: $key" "${url[$t]}" >/dev/null
  fi
  if [[ $parts == *" write "* && $t != ef ]]; then
    wrk -t2 -c16 -d"${warmup}s" -s "$work/progress.lua" "http://127.0.0.1:$(port_of "$t")" -- "$t" >/dev/null
  fi
  if [[ ($parts == *" report "* || ($parts == *" same "* && $t != raw)) && $t != ef ]]; then
    report_states
    wrk -t2 -c16 -d"${warmup}s" -s "$work/report.lua" "http://127.0.0.1:$(port_of "$t")" -- "$t" "$(report_file "$t")" "$work/report-states.txt" >/dev/null
  fi
done

# Each run measures the baseline, then every Dti.Api variant (api = this checkout, before = BEFORE_ROOT), alternately.
report() { python3 - "${#apis[@]}" "$@" <<'PY'
import statistics, sys
variants, label, rows = int(sys.argv[1]), sys.argv[2], [r.split() for r in sys.argv[3:]]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
def parse(r):
    return float(r[0]), ms(r[1]), ms(r[2]), int(r[3]), float(r[4]), float(r[5])
groups = [rows[i:i + variants + 1] for i in range(0, len(rows), variants + 1)]
base = [parse(g[0]) for g in groups]
med = lambda xs, i: statistics.median(x[i] for x in xs)
cpu = lambda xs: f"cpu/req {med(xs,4):.3f} + db {med(xs,5):.3f} ms"
print(f"{label}")
print(f"  baseline      {med(base,0):8.0f} req/s  p50 {med(base,1):6.2f}  p99 {med(base,2):6.2f} ms  non-2xx {sum(b[3] for b in base)}  {cpu(base)}")
for v, name in enumerate(["Dti.Api", "Dti.Api (before)"][:variants], start=1):
    api = [parse(g[v]) for g in groups]
    ratios = [a[0] / b[0] for a, b in zip(api, base)]
    costs = [(b[4] + b[5]) / (a[4] + a[5]) for a, b in zip(api, base)]
    print(f"  {name:<16}{med(api,0):6.0f} req/s  p50 {med(api,1):6.2f}  p99 {med(api,2):6.2f} ms  non-2xx {sum(a[3] for a in api)}"
          f"  ratio {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})  {cpu(api)}"
          f"  server-cpu ratio {statistics.median(costs):.2f} ({min(costs):.2f}-{max(costs):.2f})")
PY
}

echo "run.sh: $runs alternated runs of ${duration}s each; wrk -t2; $(wc -l <"$work/agencies.txt") agencies, $task_lines tasks"
for baseline in raw ef; do
  [[ $parts == *" read "* ]] || break
  for c in $connections; do
    rows=()
    for _ in $(seq 1 "$runs"); do
      rows+=("$(measure "$baseline" "$c")")
      for a in "${apis[@]}"; do rows+=("$(measure "$a" "$c")"); done
    done
    report "read GET /agencies/{id} vs $baseline, c$c" "${rows[@]}"
  done
done
for c in $connections; do
  [[ $parts == *" write "* ]] || break
  rows=()
  for _ in $(seq 1 "$runs"); do
    rows+=("$(measure raw "$c" "$work/progress.lua")")
    for a in "${apis[@]}"; do rows+=("$(measure "$a" "$c" "$work/progress.lua")"); done
  done
  report "write POST …/progress vs raw insert+update, c$c" "${rows[@]}"
done
# Report submissions against a baseline (raw; or "same", below), then every Dti.Api variant, RUNS times per connection count.
report_part() { # baseline label
  local c rows
  for c in $connections; do
    rows=()
    for _ in $(seq 1 "$runs"); do
      rows+=("$(measure "$1" "$c" "$work/report.lua" "$(report_file "$1")" "$work/report-states.txt")")
      for a in "${apis[@]}"; do rows+=("$(measure "$a" "$c" "$work/report.lua" "$(report_file "$a")" "$work/report-states.txt")"); done
    done
    report "$2, c$c" "${rows[@]}"
  done
}
if [[ $parts == *" report "* ]]; then
  report_part raw "write POST /reports/{id}/submit and /withdraw, alternately, vs raw insert+update"
fi
# A diagnostic, not a target: the same submissions and withdrawals against the raw process sending Dti.Api's own
# statements in Dti.Api's round trips (SameStatements.cs). Dti.Api ÷ it is what the pipeline and EF Core cost for that work.
if [[ $parts == *" same "* ]]; then
  report_part same "write POST /reports/{id}/submit and /withdraw vs raw sending Dti.Api's statements (diagnostic)"
fi

# The calendar feed against pages of obligations, on this checkout's Dti.Api (the feed's agency: load.py), alternately.
if [[ $parts == *" feed "* ]]; then
  feed_agency=$(cat "$work/feed-agency.txt"); year="from=2026-01-01&to=2026-12-31"
  feed_urls=("http://127.0.0.1:5701/api/v1/obligations?$year"
    "http://127.0.0.1:5701/api/v1/agencies/$feed_agency/obligations?$year&pageSize=100"
    "http://127.0.0.1:5701/api/v1/agencies/$feed_agency/calendar.ics?$year")
  [ -n "${BEFORE_ROOT:-}" ] && feed_urls+=("http://127.0.0.1:5704/api/v1/agencies/$feed_agency/calendar.ics?$year")
  echo "feed: $(curl -s -H "X-Api-Key: $key" "${feed_urls[2]}" | grep -c '^BEGIN:VEVENT') events, $(curl -s -H "X-Api-Key: $key" "${feed_urls[2]}" | wc -c) bytes;" \
    "page 1 of /obligations $(curl -s -H "X-Api-Key: $key" "${feed_urls[0]}" | wc -c) bytes; the agency's page of 100 $(curl -s -H "X-Api-Key: $key" "${feed_urls[1]}" | wc -c) bytes"
  for u in "${feed_urls[@]}"; do wrk -t2 -c16 -d3s -H "X-Api-Key: $key" "$u" >/dev/null; done
  rows=()
  for _ in $(seq 1 "$runs"); do
    for u in "${feed_urls[@]}"; do
      rows+=("$(wrk -t2 -c16 -d"${duration}s" -H "X-Api-Key: $key" "$u" | awk '/Requests\/sec/ {print $2}')")
    done
  done
  python3 - "${#feed_urls[@]}" "${rows[@]}" <<'PY'
import statistics, sys
n, rows = int(sys.argv[1]), [float(v) for v in sys.argv[2:]]
page, agency, feed, before = rows[0::n], rows[1::n], rows[2::n], rows[3::n] if n > 3 else []
print("feed GET /agencies/{id}/calendar.ics vs pages of obligations (2026), c16")
named = [("page 1 of /obligations (20)", page), ("the agency's page of 100", agency), ("the agency's calendar feed", feed)]
for name, xs in named + ([("the feed (before)", before)] if before else []):
    print(f"  {name:<30}{statistics.median(xs):8.0f} req/s")
for label, f in [("feed", feed)] + ([("feed (before)", before)] if before else []):
    for name, xs in (("page 1", page), ("the agency's page of 100", agency)):
        ratios = [p / x for p, x in zip(xs, f)]
        print(f"  {label} cost ÷ {name}: median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")
PY
fi

# Latency at a fixed rate: half of Dti.Api's saturation at c16 (hey -q is per worker: 16 workers).
[[ $parts == *" fixed "* ]] || exit 0
sat=$(measure api 16 | awk '{print int($1)}'); rate=$(( sat / 2 / 16 )); [ "$rate" -ge 1 ] || rate=1
for r in $(seq 1 "$runs"); do
  for t in "${apis[@]}" raw ef; do
    hey -z "${duration}s" -c 16 -q "$rate" -H "X-Api-Key: $key" "${url[$t]}" >"$work/hey-$t-$r.txt"
  done
done
python3 - "$work" "$runs" "$((rate * 16))" "${apis[@]}" <<'PY'
import re, statistics, sys
work, runs, rate, apis = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
def pct(text, p):
    return float(re.search(rf"{p}% in ([0-9.]+) secs", text).group(1)) * 1000
res = {t: [open(f"{work}/hey-{t}-{r}.txt").read() for r in range(1, runs + 1)] for t in (*apis, "raw", "ef")}
for t in (*apis, "raw", "ef"):
    p50 = [pct(x, 50) for x in res[t]]; p99 = [pct(x, 99) for x in res[t]]
    print(f"fixed {rate} req/s ({t}): p50 {statistics.median(p50):.2f} ms, p99 {statistics.median(p99):.2f} ms (runs: {', '.join(f'{v:.1f}' for v in p99)})")
for t in apis:
    ratio = [pct(a, 99) / pct(b, 99) for a, b in zip(res[t], res["raw"])]
    print(f"fixed rate p99 {t} / raw: median {statistics.median(ratio):.2f} (min {min(ratio):.2f}, max {max(ratio):.2f})")
PY
