using System.Diagnostics;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>Memory with many instances parked on WaitForExternalEvent (bounded by the executor cache size).</summary>
internal static class WaitingMemory
{
    public sealed record Result(int Waiting, double RssMb, int CachedExecutors);

    public static async Task<Result> RunAsync(int count)
    {
        await using var bench = await BenchEngine.StartAsync(r => ClaimShapedWorkflow.Register(r));
        var waits = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"park-{i:D5}";
            await bench.Client.ScheduleNewOrchestrationInstanceAsync(ClaimShapedWorkflow.Name, id, new DurableClaims.Durable.StartOrchestrationOptions(id));
            waits.Add(bench.Waiting(id));
        }

        await Task.WhenAll(waits);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new Result(count, self.WorkingSet64 / 1048576.0, bench.Engine.CachedInstanceCount);
    }
}
