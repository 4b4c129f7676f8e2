using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>Prints the azurestorage stack as a Markdown table: metrics as rows, 1-3 worker processes as columns.</summary>
internal static class ScaleOutTable
{
    private static readonly (string Label, string[] Keys)[] Rows =
    [
        ("leases spread after (s) / partitions per worker", ["leaseSpreadSeconds", "partitionsPerWorker"]),
        ("throughput (wf/s, 64 in flight)", ["workflowsPerSecond"]),
        ("verified / timed out (60 s)", ["verified", "timedOut"]),
        ("CPU cores: Azurite / workers / client", ["cpuCoresAzurite", "cpuCoresWorkers", "cpuCoresClient"]),
        ("machine busy (of all cores)", ["machineBusy"]),
        ("storage requests per workflow", ["requestsPerWorkflow"]),
        ("mean request ms (client side)", ["requestMsMean"]),
        ("storage requests/s", ["requestsPerSecond"]),
        ("activities / steps per worker", ["activitiesPerWorker", "stepsPerWorker"]),
        ("provider warnings by event id (104 abandoned message, 121 slow partition table)", ["providerWarnings"]),
        ("resume p50 / p95 / p99 (ms)", ["resumeP50Ms", "resumeP95Ms", "resumeP99Ms"]),
        ("peak RSS: workers / Azurite (MB)", ["workerPeakRssMb", "azuritePeakRssMb"]),
    ];

    public static void Print(Dictionary<string, JsonElement> result)
    {
        var columns = result.Where(r => r.Key.StartsWith("workers", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"Azure Storage on Azurite: {result["partitions"]} partitions, polling ≤ {result["maxQueuePollingIntervalMs"]} ms, lease acquire {result["leaseAcquireS"]} s, "
            + $"{result["maxConcurrentOrchestrations"]} orchestrations / {result["maxConcurrentActivities"]} activities per worker");
        Console.WriteLine($"| metric | {string.Join(" | ", columns.Select(c => c.Key["workers".Length..] + " worker(s)"))} |");
        Console.WriteLine($"|---|{string.Concat(columns.Select(_ => "---|"))}");
        foreach (var (label, keys) in Rows)
        {
            var cells = columns.Select(c => string.Join(" / ", keys.Select(k => c.Value.TryGetProperty(k, out var v) ? Text(v) : "—")));
            Console.WriteLine($"| {label} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine($"completed / expected: {result["completed"]} / {result["expected"]}");
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {Text(p.Value)}")),
        _ => value.GetRawText(),
    };
}
