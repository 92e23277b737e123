#!/usr/bin/env bash
# Adds an EF Core migration for what changed in the model since the last one (ADR 0002):
#   scripts/add-migration.sh AddReports
# writes Persistence/Migrations/<timestamp>_AddReports.cs (+ .Designer.cs) and updates the model snapshot, all
# provider-neutral. After writing a migration by hand instead, bring only the snapshot up to date with:
#   scripts/add-migration.sh --snapshot-only
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

name=${1:-}
if [ -z "$name" ] || [ "$name" = "-h" ] || [ "$name" = "--help" ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

dotnet tool restore >/dev/null
ef=(dotnet ef --project src/Dti.Infrastructure --startup-project tools/Dti.DesignTime)

if [ "$name" = "--snapshot-only" ]; then
  # EF rewrites the snapshot where it already is; the throwaway migration goes to a directory deleted afterwards.
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  "${ef[@]}" migrations add SnapshotOnly --output-dir "$scratch"
  echo "add-migration.sh: model snapshot updated; no migration added."
else
  "${ef[@]}" migrations add "$name" --output-dir Persistence/Migrations
  echo "add-migration.sh: review the migration, then run the Persistence tests (schema = model on every provider)."
fi
