using System.Diagnostics;
using Microsoft.DurableTask;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Working set with 5,000 instances parked on the wait, after a full GC; run alone in a child process so stacks do not mix.</summary>
internal static class TaskHubWaitingMemory
{
    public static async Task<double> RunAsync(StackKind kind, int count)
    {
        await using var stack = await TaskHubStack.StartAsync(kind);
        var next = -1;

        // 64 schedulers, as in the throughput run, so 5,000 FULL creates take seconds, not one fsync each in a row.
        await Task.WhenAll(Enumerable.Range(0, TaskHubThroughput.MaxInFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var id = $"park-{index:D5}";
                await stack.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ClaimShaped), id, new StartOrchestrationOptions(id));
                await stack.Waiting(id);
            }
        }));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64 / 1048576.0;
    }
}
