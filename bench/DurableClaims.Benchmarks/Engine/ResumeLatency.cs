using System.Diagnostics;
using DurableClaims.Durable;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>Resume latency: one instance at a time, event raised 20 ms after it began waiting; clock from raise to completion.</summary>
internal static class ResumeLatency
{
    public sealed record Result(double P50, double P95, double P99);

    public static async Task<Result> RunAsync(int count)
    {
        await using var bench = await BenchEngine.StartAsync(r => ClaimShapedWorkflow.Register(r));
        var samples = new List<double>(count);
        for (var i = -10; i < count; i++)
        {
            var id = $"resume-{i + 10:D4}";
            await bench.Client.ScheduleNewOrchestrationInstanceAsync(ClaimShapedWorkflow.Name, id, new StartOrchestrationOptions(id));
            await bench.Waiting(id);
            await Task.Delay(20);
            var clock = Stopwatch.StartNew();
            await bench.Client.RaiseEventAsync(id, ClaimShapedWorkflow.DocumentsReceived, "docs");
            await bench.Completed(id);
            clock.Stop();
            if (i >= 0)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        return new Result(Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99));
    }

    public static double Percentile(List<double> sorted, double p)
        => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
