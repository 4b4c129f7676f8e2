#!/usr/bin/env bash
# The demo of scripts/demo.sh with everything in Azure Storage, as Durable Functions keeps it: the task hub
# (Microsoft's DurableTask.AzureStorage provider: queues, tables, blobs), the session archive and the documents,
# all in an Azurite started here on free loopback ports and stopped at the end.
#   1. process  samples/claims/approve-after-documents.md   → paused for its missing documents
#   2. resume   CLM-SAMPLE-APPROVE (a second CLI process)    → approved
# Outputs and Azurite's files land in artifacts/demo-azurite/, recreated on every run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

out="$root/artifacts/demo-azurite"
rm -rf "$out"
mkdir -p "$out/azurite"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm, package-lock.json)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
blob=$(free_port); queue=$(free_port); table=$(free_port)

node_modules/.bin/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "$blob" --queuePort "$queue" --tablePort "$table" --location "$out/azurite" \
  --disableTelemetry --skipApiVersionCheck --silent >"$out/azurite.log" 2>&1 &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null || true' EXIT

for port in "$blob" "$queue" "$table"; do
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite did not start:" >&2; cat "$out/azurite.log" >&2; exit 1; }
    sleep 0.1
  done
done
echo "Azurite on 127.0.0.1 (blob $blob, queue $queue, table $table)"

# The well-known development account key (public, documented by Microsoft for the emulator).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export DurableTask__StorageProvider__Type=AzureStorage
export AzureWebJobsStorage="$connection"
export TASKHUB_NAME=DurableClaimsDemo
export Claims__Storage__ConnectionString="$connection"

dotnet build src/DurableClaims.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
cli() { dotnet run --project src/DurableClaims.Cli -c Release --no-build -- "$@" --data-dir "$out/data"; }

echo "== 1/2 process: the claim pauses for its missing documents (task hub, archive and documents in Azurite)"
cli process samples/claims/approve-after-documents.md -d samples/documents/CLM-SAMPLE-APPROVE -o "$out"

echo
echo "== 2/2 resume (a new CLI process, a new worker on the same task hub): the documents arrive, the claim is decided"
cli resume CLM-SAMPLE-APPROVE -d samples/documents/CLM-SAMPLE-APPROVE -o "$out"

echo
echo "Outputs in $out:"
ls -1 "$out" | grep -v '^data$\|^azurite'
