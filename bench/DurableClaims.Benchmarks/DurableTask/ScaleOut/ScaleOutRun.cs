using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DurableClaims.DurableTask.AzureStorage;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>
/// The coordinator of the <c>azurestorage</c> stack: for 1, 2 and 3 worker processes, a fresh Azurite and task hub, workers started and their
/// leases spread, then throughput and resume latency from this process's client, with CPU, memory and storage requests of every process.
/// </summary>
internal static class ScaleOutRun
{
    private const int Warmup = 20;

    public sealed record Settings(int Count, int ResumeCount, int PollMilliseconds, int[] WorkerCounts);

    public static Settings Parse(string[] args) => new(
        Number(args, "--n") ?? 200,
        Number(args, "--resume") ?? 30,
        Number(args, "--poll-ms") ?? 100,
        Value(args, "--workers")?.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray() ?? [1, 2, 3]);

    public static async Task<int> RunAsync(Settings settings)
    {
        var defaults = new AzureStorageTaskHubOptions();
        var results = new Dictionary<string, object?>
        {
            ["durability"] = "Azure Storage on Azurite (in-memory persistence)",
            ["partitions"] = BenchHub.Partitions,
            ["maxQueuePollingIntervalMs"] = settings.PollMilliseconds,
            ["leaseAcquireS"] = BenchHub.LeaseAcquire.TotalSeconds,
            ["leaseS"] = BenchHub.Lease.TotalSeconds,
            ["maxConcurrentOrchestrations"] = defaults.MaxConcurrentOrchestrations,
            ["maxConcurrentActivities"] = defaults.MaxConcurrentActivities,
            ["extendedSessions"] = "off (provider default)",
            ["visibilityTimeoutS"] = BenchHub.Visibility.TotalSeconds,
        };
        int completed = 0, expected = 0;
        foreach (var workers in settings.WorkerCounts)
        {
            var row = await WorkersAsync(settings, workers);
            completed += row["verified"] is int v ? v : 0;
            expected += settings.Count;
            results[$"workers{workers}"] = row;
        }

        results["completed"] = completed;
        results["expected"] = expected;
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }

    private static async Task<Dictionary<string, object?>> WorkersAsync(Settings settings, int count)
    {
        var row = new Dictionary<string, object?>();
        await using var azurite = await AzuriteProcess.StartAsync();
        var hub = new BenchHub(azurite.ConnectionString, $"bench{count}w{Guid.NewGuid().ToString("N")[..8]}", settings.PollMilliseconds);
        using var client = await StartClientAsync(hub);
        var board = new SignalBoard();
        var workers = Enumerable.Range(1, count).Select(i => WorkerProcess.Start(hub, $"worker{i}", board)).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ready)).WaitAsync(TimeSpan.FromSeconds(60));
            row["leaseSpreadSeconds"] = Math.Round(await LeaseSpread.WaitSpreadAsync(hub, [.. workers.Select(w => w.WorkerId)], TimeSpan.FromSeconds(90)), 1);
            row["partitionsPerWorker"] = await LeaseSpread.OwnersAsync(hub);
            Progress(count, $"leases spread after {row["leaseSpreadSeconds"]} s");

            var dotnetClient = client.Services.GetRequiredService<DurableTaskClient>();
            await ScaleOutLoad.ThroughputAsync(dotnetClient, board, Warmup, "warmup");
            using var clientRequests = new HttpRequestProbe();
            var before = await Snapshot.TakeAsync(azurite, workers);
            var (verified, timedOut, seconds) = await ScaleOutLoad.ThroughputAsync(dotnetClient, board, settings.Count, "load");
            var after = await Snapshot.TakeAsync(azurite, workers);
            row["verified"] = verified;
            row["timedOut"] = timedOut;
            row["workflowsPerSecond"] = Math.Round(settings.Count / seconds, 1);
            Progress(count, $"N={settings.Count}: {settings.Count / seconds:0.0} wf/s, {verified} verified");
            after.Describe(before, seconds, settings.Count, azurite, clientRequests.TakeCounts(), row);

            var resume = await ScaleOutLoad.ResumeAsync(dotnetClient, board, settings.ResumeCount, "resume");
            row["resumeP50Ms"] = Math.Round(Percentiles.Of(resume, 0.50), 1);
            row["resumeP95Ms"] = Math.Round(Percentiles.Of(resume, 0.95), 1);
            row["resumeP99Ms"] = Math.Round(Percentiles.Of(resume, 0.99), 1);
            Progress(count, $"resume p50 {row["resumeP50Ms"]} ms, p99 {row["resumeP99Ms"]} ms");

            // Azurite's peak is read while it still runs; the workers report theirs when they stop.
            row["azuritePeakRssMb"] = Math.Round(ProcStat.PeakRssMb(azurite.Pid), 1);
            var totals = new List<Dictionary<string, JsonElement>>();
            foreach (var worker in workers)
            {
                totals.Add(await worker.StopAsync());
            }

            row["workerPeakRssMb"] = totals.Select(t => t["peakRssMb"].GetDouble()).ToList();
            row["activitiesPerWorkerAllPhases"] = totals.Select(t => t["activities"].GetInt64()).ToList();
            return row;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task<IHost> StartClientAsync(BenchHub hub)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTaskClient(b => b.UseAzureStorage(o => hub.Apply(o, "client")));
        var host = builder.Build();
        await host.StartAsync();

        // The hub exists before the workers start, so they do not race to create it.
        await host.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
        return host;
    }

    private static int? Number(string[] args, string name) => Value(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    // Progress goes to stderr, which the parent passes through; stdout carries only the JSON line.
    private static void Progress(int workers, string message) => Console.Error.WriteLine($"  [azurestorage, {workers} worker(s)] {message}");
}
