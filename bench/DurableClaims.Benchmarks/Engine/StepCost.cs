using System.Diagnostics;
using DurableClaims.Durable;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>Step cost vs history size: the step that handles an event after H history events, cached (extended session) vs cold replay.</summary>
/// <remarks>
/// Measured from the raise call to completion (one raise commit + one step commit + the step's CPU), with
/// synchronous=NORMAL so that fsync jitter does not drown the replay cost being compared.
/// </remarks>
internal static class StepCost
{
    private const int Samples = 25;

    public static async Task<List<(int Size, double Cached, double Cold)>> RunAsync(int[] sizes)
    {
        var results = new List<(int, double, double)>();
        foreach (var size in sizes)
        {
            var cached = await MeasureAsync(size, cachedInstances: 1000);
            var cold = await MeasureAsync(size, cachedInstances: 0);
            results.Add((size, cached, cold));
        }

        return results;
    }

    private static async Task<double> MeasureAsync(int historyEvents, int cachedInstances)
    {
        // Each activity adds three events (OrchestratorStarted, TaskScheduled, TaskCompleted).
        var activities = Math.Max(1, (historyEvents - 3) / 3);
        await using var bench = await BenchEngine.StartAsync(
            r => r
                .AddActivityFunc<int, int>("noop", (_, i) => Task.FromResult(i))
                .AddOrchestratorFunc<int, int>("Long", async (ctx, n) =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        await ctx.CallActivityAsync<int>("noop", i);
                    }

                    ctx.SetCustomStatus("waiting");
                    return n + await ctx.WaitForExternalEvent<int>("go");
                }),
            o =>
            {
                o.CachedInstances = cachedInstances;
                o.SqliteSynchronous = SqliteSynchronousMode.Normal;
            });
        var ids = Enumerable.Range(0, Samples).Select(i => $"h{historyEvents}-{i}").ToList();
        foreach (var id in ids)
        {
            await bench.Client.ScheduleNewOrchestrationInstanceAsync("Long", activities, new StartOrchestrationOptions(id));
        }

        // Measure only once every instance is parked, so no history-building runs in the background.
        await Task.WhenAll(ids.Select(bench.Waiting));
        var samples = new List<double>();
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            await bench.Client.RaiseEventAsync(id, "go", 1);
            await bench.Completed(id);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return ResumeLatency.Percentile(samples, 0.5);
    }
}
