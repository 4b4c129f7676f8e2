using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Prints the stacks side by side as a Markdown table (metrics as rows, stacks as columns).</summary>
internal static class ResultTable
{
    private static readonly (string Label, string[] Keys, string Unit)[] Rows =
    [
        ("durability / commit batch", ["durability", "commitBatch"], ""),
        ("orchestrations / activities at once", ["maxConcurrentOrchestrations", "maxConcurrentActivities"], ""),
        ("extended sessions", ["extendedSessions"], ""),
        ("throughput N=500 (64 in flight)", ["workflowsPerSecondN500"], " wf/s"),
        ("throughput N=2,000", ["workflowsPerSecondN2000"], " wf/s"),
        ("CPU used at N=2,000 (of all cores)", ["cpuUtilizationN2000"], ""),
        ("tx/s, requests/tx at N=2,000", ["commitsPerSecondN2000", "avgCommitBatchN2000"], ""),
        ("commit ms mean / p99, loop busy", ["commitMsMeanN2000", "commitMsP99N2000", "commitLoopBusyN2000"], ""),
        ("resume p50 / p95 / p99 (ms)", ["resumeP50Ms", "resumeP95Ms", "resumeP99Ms"], ""),
        ("step ms, H≈10 cached / cold", ["stepMsCachedH10", "stepMsColdReplayH10"], ""),
        ("step ms, H≈100 cached / cold", ["stepMsCachedH100", "stepMsColdReplayH100"], ""),
        ("step ms, H≈1,000 cached / cold", ["stepMsCachedH1000", "stepMsColdReplayH1000"], ""),
        ("RSS with 5,000 waiting (MB)", ["rssWith5000WaitingMb"], ""),
        ("peak RSS (MB)", ["peakRssMb"], ""),
        ("completed / expected", ["completed", "expected"], ""),
    ];

    public static void Print(Dictionary<string, object> run, Dictionary<string, Dictionary<string, JsonElement>> stacks)
    {
        Console.WriteLine($"DurableTask benchmark — {run["machineCores"]} cores, {run["utcStart"]}–{run["utcEnd"]} UTC, load {run["loadAverageStart"]} → {run["loadAverageEnd"]}");
        Console.WriteLine($"| metric | {string.Join(" | ", stacks.Keys)} |");
        Console.WriteLine($"|---|{string.Concat(stacks.Keys.Select(_ => "---|"))}");
        foreach (var (label, keys, unit) in Rows)
        {
            var cells = stacks.Values.Select(s => keys.All(k => !s.TryGetValue(k, out var v) || v.ValueKind == JsonValueKind.Null)
                ? "—"
                : string.Join(" / ", keys.Select(k => s.TryGetValue(k, out var v) && v.ValueKind != JsonValueKind.Null ? Text(v) : "—")) + unit);
            Console.WriteLine($"| {label} | {string.Join(" | ", cells)} |");
        }

        if (run.TryGetValue("sqliteShareOfCeilingN2000", out var share))
        {
            Console.WriteLine($"SQLite at N=2,000 = {share} of the in-memory ceiling (target ≥ 0.67)");
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
