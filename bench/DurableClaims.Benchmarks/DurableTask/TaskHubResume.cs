using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Resume latency: one instance at a time, event raised 20 ms after its waiting step is stored; clock from raise to completion seen by the client.</summary>
internal static class TaskHubResume
{
    public sealed record Result(double P50, double P95, double P99);

    public static async Task<Result> RunAsync(StackKind kind, int count)
    {
        await using var stack = await TaskHubStack.StartAsync(kind);
        var samples = new List<double>(count);
        for (var i = -10; i < count; i++)
        {
            var id = $"resume-{i + 10:D4}";
            await stack.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ClaimShaped), id, new Microsoft.DurableTask.StartOrchestrationOptions(id));
            await stack.Waiting(id);
            await Task.Delay(20);
            var clock = Stopwatch.StartNew();
            await stack.Client.RaiseEventAsync(id, ClaimNames.DocumentsReceived, "docs");
            await stack.Client.WaitForInstanceCompletionAsync(id);
            clock.Stop();
            if (i >= 0)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        return new Result(Percentiles.Of(samples, 0.50), Percentiles.Of(samples, 0.95), Percentiles.Of(samples, 0.99));
    }
}
