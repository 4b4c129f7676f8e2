#!/usr/bin/env bash
# Runs every test DurableClaims has (unit, SQLite task hub contract and crash tests, workflow, HTTP contract, Azurite,
# browser and Bicep tests) and ends with one line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing test tools (Azurite) from package-lock.json..."
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

# Chromium drives the adjuster-console browser tests (Debian package; never `playwright install`).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package) for the browser tests..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Chromium is missing and this user cannot install it: apt-get install chromium" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || exit 1
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# Test projects run in parallel; the load tests (several host processes on one Azurite task hub) run afterwards, alone,
# so their timing is not at the mercy of every other project sharing the two cores.
dotnet test DurableClaims.sln -c Release --results-directory "$results" --filter "Category!=Load" \
  --logger "trx" --logger "console;verbosity=normal" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
dotnet test tests/DurableClaims.ScaleOut.Tests -c Release --no-build --results-directory "$results" --filter "Category=Load" \
  --logger "trx" --logger "console;verbosity=normal" "$@" 2>&1 | tee -a "$results/console.log"
load_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$load_status

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
if [ "$failed" -gt 0 ]; then
  # Name the failures next to the totals, so a log read from its end says what broke.
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/\1/p' |
      while IFS= read -r name; do
        echo "  - $name"
        grep -F -A3 "Failed $name" "$results/console.log" | sed -n '3,4p' | cut -c1-400 | sed 's/^/      /'
      done
  done
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
