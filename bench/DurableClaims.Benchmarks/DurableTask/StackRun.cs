using System.Diagnostics;
using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>The child-process side: one stack's measurements (or its memory check alone), printed as one JSON line.</summary>
internal static class StackRun
{
    public const int WaitingCount = 5000;
    private static readonly int[] HistorySizes = [10, 100, 1000];

    /// <summary>Runs every measurement, or with <paramref name="throughputOnly"/> just N=2,000 (for profiling with dotnet-trace).</summary>
    public static async Task<int> RunAsync(StackKind kind, bool throughputOnly = false)
    {
        if (throughputOnly)
        {
            await TaskHubThroughput.RunAsync(kind, 50, "warmup");
            var run = await TaskHubThroughput.RunAsync(kind, 2000, "N2000");
            Console.WriteLine(JsonSerializer.Serialize(run));
            return 0;
        }

        var results = await TaskHubAsync(kind);
        results["peakRssMb"] = PeakRssMb();
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }

    public static async Task<int> MemoryAsync(StackKind kind)
    {
        var rss = await TaskHubWaitingMemory.RunAsync(kind, WaitingCount);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["rssWith5000WaitingMb"] = Math.Round(rss, 1),
            ["memoryPeakRssMb"] = PeakRssMb(),
        }));
        return 0;
    }

    private static async Task<Dictionary<string, object?>> TaskHubAsync(StackKind kind)
    {
        var sqlite = TaskHubStack.SqliteDefaults();
        var results = kind == StackKind.Sqlite
            ? new Dictionary<string, object?>
            {
                ["durability"] = sqlite.Durability.ToString().ToUpperInvariant(),
                ["commitBatch"] = sqlite.MaxCommitBatch,
                ["maxConcurrentOrchestrations"] = sqlite.MaxConcurrentOrchestrations,
                ["maxConcurrentActivities"] = sqlite.MaxConcurrentActivities,
                ["extendedSessions"] = $"idle timeout {sqlite.ExtendedSessionIdleTimeout.TotalSeconds:0} s",
            }
            : new Dictionary<string, object?>
            {
                ["durability"] = "none (in memory)",
                ["commitBatch"] = null,
                ["maxConcurrentOrchestrations"] = Environment.ProcessorCount,
                ["maxConcurrentActivities"] = Environment.ProcessorCount,
                ["extendedSessions"] = "none (replays every step)",
            };
        await TaskHubThroughput.RunAsync(kind, 50, "warmup");
        var n500 = await TaskHubThroughput.RunAsync(kind, 500, "N500");
        Progress(kind.Name(), $"N=500 {n500.PerSecond:0}/s");
        var n2000 = await TaskHubThroughput.RunAsync(kind, 2000, "N2000");
        Progress(kind.Name(), $"N=2000 {n2000.PerSecond:0}/s");
        results["workflowsPerSecondN500"] = Math.Round(n500.PerSecond, 1);
        results["workflowsPerSecondN2000"] = Math.Round(n2000.PerSecond, 1);
        results["cpuUtilizationN2000"] = Math.Round(n2000.CpuUtilization, 2);
        if (kind == StackKind.Sqlite)
        {
            var c = n2000.Commits;
            results["commitsPerSecondN2000"] = Math.Round(c.TransactionsPerSecond, 1);
            results["avgCommitBatchN2000"] = Math.Round(c.RequestsPerTransaction, 1);
            results["commitMsMeanN2000"] = Math.Round(c.CommitMsMean, 2);
            results["commitMsP99N2000"] = Math.Round(c.CommitMsP99, 2);
            results["commitLoopBusyN2000"] = Math.Round(c.CommitLoopBusy, 2);
        }

        var resume = await TaskHubResume.RunAsync(kind, 200);
        AddResume(results, resume.P50, resume.P95, resume.P99);
        foreach (var row in await TaskHubStepCost.RunAsync(kind, HistorySizes))
        {
            results[$"stepMsCachedH{row.Size}"] = row.Cached is { } cached ? Math.Round(cached, 2) : null;
            results[$"stepMsColdReplayH{row.Size}"] = Math.Round(row.Cold, 2);
        }

        results["completed"] = n500.Completed + n2000.Completed;
        results["expected"] = 2500;
        return results;
    }

    private static void AddResume(Dictionary<string, object?> results, double p50, double p95, double p99)
    {
        results["resumeP50Ms"] = Math.Round(p50, 2);
        results["resumeP95Ms"] = Math.Round(p95, 2);
        results["resumeP99Ms"] = Math.Round(p99, 2);
    }

    private static double PeakRssMb()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return Math.Round(self.PeakWorkingSet64 / 1048576.0, 1);
    }

    // Progress goes to stderr, which the parent passes through; stdout carries only the JSON line.
    private static void Progress(string stack, string message) => Console.Error.WriteLine($"  [{stack}] {message}");
}
