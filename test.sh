#!/usr/bin/env bash
# The test command: installs missing Debian packages, builds with warnings as errors, runs every test
# project against real servers (PostgreSQL, DCMTK, Orthanc, pydicom, dciodvfy) and prints one final line
# "N passed, N failed". Exits non-zero when anything failed or when no test ran. Leaves no server running.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
source scripts/lib.sh

ensure_packages postgresql-15 dcmtk orthanc dicom3tools python3-pydicom python3-pil python3-numpy python3-torch python3-onnx libcharls2 libopenjp2-7 libopenjp2-tools chromium systemd python3-yaml

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Every process a test starts inherits this marker; whatever is left at exit is stopped by it.
export XRAYTRIAGE_TEST_RUN="test-$$"

stop_leftovers() {
  local pid
  for pid in $(grep -l -s -a "XRAYTRIAGE_TEST_RUN=$XRAYTRIAGE_TEST_RUN" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3); do
    [ "$pid" = "$$" ] && continue
    kill -TERM "$pid" 2>/dev/null || true
  done
}
trap stop_leftovers EXIT

start=$SECONDS
echo "== restore tools and build (Release, warnings as errors)"
dotnet tool restore >/dev/null
dotnet build XrayTriage.sln -c Release -warnaserror -nologo -v quiet -clp:ErrorsOnly

results=$ROOT/TestResults
rm -rf "$results"
mkdir -p "$results"
failed_checks=0

echo "== EF Core model vs migrations"
# Two models, each with its own migrations: the triage schema and the identity schema (web accounts).
if dotnet ef migrations has-pending-model-changes --context TriageDbContext --project migrations/XrayTriage.Migrations \
     --startup-project migrations/XrayTriage.Migrations --configuration Release --no-build >"$results/ef.log" 2>&1 \
   && dotnet ef migrations has-pending-model-changes --context IdentityDatabase --project migrations/XrayTriage.Migrations \
     --startup-project migrations/XrayTriage.Migrations --configuration Release --no-build >>"$results/ef.log" 2>&1; then
  echo "   no pending model changes"
else
  cat "$results/ef.log"
  echo "   FAILED: the model has changes that no migration captures (dotnet ef migrations add <Intent>)"
  failed_checks=1
fi

crashed=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build --nologo \
       --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
       --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false; then
    [ -f "$results/$name.trx" ] || { echo "   $name produced no results (crashed?)"; crashed=$((crashed + 1)); }
  fi
done

# Aggregate the TRX counters of all projects.
sum() { # attribute
  local total=0 v
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    v=$(grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) + crashed + failed_checks ))
skipped=$(sum notExecuted)

echo "== done in $((SECONDS - start)) s"
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
