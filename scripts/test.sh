#!/usr/bin/env bash
# Runs every test DurableClaims has (unit, engine crash test, workflow, HTTP contract, Azurite,
# browser and Bicep tests) and ends with one line "N passed, N failed".
# The Azure Functions project is excluded: its packages cannot be restored here (docs/deploy.md).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing test tools (Azurite) from package-lock.json..."
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test DurableClaims.Local.slnf -c Release --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=normal" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
