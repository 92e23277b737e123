#!/usr/bin/env bash
# Runs every test suite against SQLite and a throwaway PostgreSQL server, then prints "N passed, N failed".
# Installs PostgreSQL from Debian packages when it is missing. Exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=${DTI_TEST_PG_PORT:-55432}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin=$(pg_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "test.sh: PostgreSQL not found; installing it from Debian packages"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  bin=$(pg_bin)
  [ -n "$bin" ] || { echo "test.sh: PostgreSQL installation failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# The snapshot signature tests verify with the openssl command line, as the ministry would.
if ! command -v openssl >/dev/null 2>&1; then
  echo "test.sh: openssl not found; installing it from Debian packages"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openssl >/dev/null
fi

# Contract tools (Spectral + OWASP ruleset, Prism) from npm, pinned in tools/contract/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: npm not found; installing Node.js from Debian packages"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
tools="$root/tools/contract"
if [ ! -x "$tools/node_modules/.bin/prism" ] || [ ! -x "$tools/node_modules/.bin/spectral" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) \
    || { echo "test.sh: npm ci in tools/contract failed"; echo "0 passed, 1 failed"; exit 1; }
fi
export DTI_CONTRACT_TOOLS="$tools/node_modules/.bin"

# PostgreSQL refuses to run as root: run the throwaway server as the 'postgres' user.
work=$(mktemp -d /tmp/dti-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi

stop_pg() { "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1; rm -rf "$work"; }
trap stop_pg EXIT

"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null \
  || { cat "$work/server.log"; echo "0 passed, 1 failed"; exit 1; }
echo "test.sh: throwaway PostgreSQL ($("$bin/postgres" --version)) on 127.0.0.1:$port"

export DTI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The contract checks write their figures (requests, operations covered, violations, 5xx) here: printed below.
export DTI_TEST_SUMMARY="$work/summary.txt"

log="$work/test.log"
dotnet test "$root/Dti.Api.sln" --configuration Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while read -r f p s; do
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+).*/\1 \2 \3/')

# A build error or crashed test host reports no totals: count it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# Skipped tests hide missing coverage (e.g. PostgreSQL not reached): they fail the run.
if [ "$skipped" -gt 0 ]; then failed=$((failed + skipped)); status=1; fi

[ -s "$DTI_TEST_SUMMARY" ] && cat "$DTI_TEST_SUMMARY"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
