#!/usr/bin/env bash
# Runs a real sample claim end to end on the embedded defaults (no host, no cloud, no network):
#   1. process  samples/claims/approve-after-documents.md
#      → paused, with its missing documents (artifacts/demo/missing_documents.json)
#   2. resume   CLM-SAMPLE-APPROVE with samples/documents/CLM-SAMPLE-APPROVE, in a second CLI run
#      (a fresh process on the same data directory, as days later after a restart)
#      → approved (artifacts/demo/decision.json, artifacts/demo/handoff_package.md)
# Everything lands in artifacts/demo/ (data directory included), recreated on every run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

out="$root/artifacts/demo"
data="$out/data"
rm -rf "$out"
mkdir -p "$out"

dotnet build src/DurableClaims.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
cli() { dotnet run --project src/DurableClaims.Cli -c Release --no-build -- "$@" --data-dir "$data"; }

echo "== 1/2 process: the claim pauses for its missing documents"
cli process samples/claims/approve-after-documents.md -d samples/documents/CLM-SAMPLE-APPROVE -o "$out"

echo
echo "== 2/2 resume (a new CLI process): the documents arrive, the claim is decided"
cli resume CLM-SAMPLE-APPROVE -d samples/documents/CLM-SAMPLE-APPROVE -o "$out"

echo
echo "Outputs in $out:"
ls -1 "$out" | grep -v '^data$'
