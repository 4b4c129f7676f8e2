using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DurableClaims.Durable;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>Engine benchmark (issue 2 §4): throughput, resume latency, step cost vs history, memory with 5,000 waiting.</summary>
internal static class EngineBenchmark
{
    private const int MaxInFlight = 64;

    public static async Task<int> RunAsync(bool json)
    {
        var settings = BenchEngine.Defaults();
        var results = new Dictionary<string, object>
        {
            ["machineCores"] = Environment.ProcessorCount,
            ["sqliteSynchronous"] = Synchronous(settings),
            ["pipelinedActivityDispatch"] = settings.PipelinedActivityDispatch,
            ["maxInFlight"] = MaxInFlight,
            ["maxCommitBatchSize"] = settings.MaxCommitBatchSize,
        };
        await Throughput.RunAsync(50, "warmup");
        var n500 = await Throughput.RunAsync(500, "N500");
        var n2000 = await Throughput.RunAsync(2000, "N2000");
        results["workflowsPerSecondN500"] = Math.Round(n500.PerSecond, 1);
        results["workflowsPerSecondN2000"] = Math.Round(n2000.PerSecond, 1);
        results["commitsPerSecondN2000"] = Math.Round(n2000.CommitsPerSecond, 1);
        results["avgCommitBatchN2000"] = Math.Round(n2000.AverageBatch, 1);

        var resume = await ResumeLatency.RunAsync(200);
        results["resumeP50Ms"] = Math.Round(resume.P50, 2);
        results["resumeP95Ms"] = Math.Round(resume.P95, 2);
        results["resumeP99Ms"] = Math.Round(resume.P99, 2);

        var steps = await StepCost.RunAsync([10, 100, 1000]);
        foreach (var (size, cached, cold) in steps)
        {
            results[$"stepMsCachedH{size}"] = Math.Round(cached, 2);
            results[$"stepMsColdReplayH{size}"] = Math.Round(cold, 2);
        }

        var memory = await WaitingMemory.RunAsync(5000);
        results["waitingInstances"] = memory.Waiting;
        results["rssWith5000WaitingMb"] = Math.Round(memory.RssMb, 1);
        results["cachedExecutorsWith5000Waiting"] = memory.CachedExecutors;

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        results["peakRssMb"] = Math.Round(self.PeakWorkingSet64 / 1048576.0, 1);
        results["completed"] = n500.Completed + n2000.Completed;
        results["expected"] = 2500;

        PrintTable(settings, n500, n2000, resume, steps, memory, (double)results["peakRssMb"]);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(results));
        }

        return n500.Completed + n2000.Completed == 2500 ? 0 : 1;
    }

    private static void PrintTable(
        DurableEngineOptions settings, Throughput.Result n500, Throughput.Result n2000, ResumeLatency.Result resume,
        IReadOnlyList<(int Size, double Cached, double Cold)> steps, WaitingMemory.Result memory, double peakRss)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"Engine benchmark — {Environment.ProcessorCount} cores, SQLite WAL synchronous={Synchronous(settings)}, group commit ≤ {settings.MaxCommitBatchSize}/tx, pipelined activity dispatch {(settings.PipelinedActivityDispatch ? "on" : "off")}");
        Console.WriteLine("| metric | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| throughput N=500 (≤{MaxInFlight} in flight) | {n500.PerSecond:0} workflows/s ({n500.Completed}/500 verified, {n500.Seconds:0.00} s) |"));
        Console.WriteLine(string.Create(c, $"| throughput N=2,000 | {n2000.PerSecond:0} workflows/s ({n2000.Completed}/2000 verified, {n2000.Seconds:0.00} s) |"));
        Console.WriteLine(string.Create(c, $"| commits N=2,000 | {n2000.CommitsPerSecond:0} tx/s, avg {n2000.AverageBatch:0.0} requests/tx |"));
        Console.WriteLine(string.Create(c, $"| resume latency (200, raise→completed) | p50 {resume.P50:0.00} ms, p95 {resume.P95:0.00} ms, p99 {resume.P99:0.00} ms |"));
        foreach (var (size, cached, cold) in steps)
        {
            Console.WriteLine(string.Create(c, $"| step at ~{size} history events (NORMAL) | cached {cached:0.00} ms, cold replay {cold:0.00} ms |"));
        }

        Console.WriteLine(string.Create(c, $"| {memory.Waiting} instances waiting | RSS {memory.RssMb:0} MB, {memory.CachedExecutors} executors cached |"));
        Console.WriteLine(string.Create(c, $"| peak RSS (whole run) | {peakRss:0} MB |"));
    }

    private static string Synchronous(DurableEngineOptions options) => options.SqliteSynchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
}
