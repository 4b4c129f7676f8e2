using System.Diagnostics;
using DurableClaims.DurableTask.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Step cost vs history size: raise → completion of the step after about H history events, median of 25.</summary>
/// <remarks>
/// SQLite runs with Durability=Normal here so fsync jitter does not drown the replay cost.
/// "cached" keeps the instance in an extended session; "cold" turns sessions off, so each step reloads and replays the history.
/// The in-memory service has no extended sessions: it always replays, so it only has a cold figure.
/// </remarks>
internal static class TaskHubStepCost
{
    private const int Samples = 25;

    public sealed record Row(int Size, double? Cached, double Cold);

    public static async Task<List<Row>> RunAsync(StackKind kind, int[] sizes)
    {
        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            double? cached = kind == StackKind.Sqlite ? await MeasureAsync(kind, size, sessions: true) : null;
            rows.Add(new Row(size, cached, await MeasureAsync(kind, size, sessions: false)));
        }

        return rows;
    }

    private static async Task<double> MeasureAsync(StackKind kind, int historyEvents, bool sessions)
    {
        // Each activity adds three events (OrchestratorStarted, TaskScheduled, TaskCompleted).
        var activities = Math.Max(1, (historyEvents - 3) / 3);
        await using var stack = await TaskHubStack.StartAsync(kind, o =>
        {
            o.Durability = SqliteDurability.Normal;
            if (!sessions)
            {
                o.ExtendedSessionIdleTimeout = TimeSpan.Zero;
            }
        });
        var ids = Enumerable.Range(0, Samples).Select(i => $"h{historyEvents}-{i}").ToList();
        foreach (var id in ids)
        {
            await stack.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongHistory), activities, new StartOrchestrationOptions(id));
        }

        // Measure only once every instance is parked, so no history-building runs in the background.
        await Task.WhenAll(ids.Select(stack.Waiting));
        var samples = new List<double>();
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            await stack.Client.RaiseEventAsync(id, ClaimNames.Go, 1);
            await stack.Client.WaitForInstanceCompletionAsync(id);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return Percentiles.Of(samples, 0.5);
    }
}
