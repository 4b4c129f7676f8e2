using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>N claim-shaped workflows, 64 clients each scheduling one and awaiting its completion; each event raised when its instance waits.</summary>
internal static class TaskHubThroughput
{
    public const int MaxInFlight = 64;

    public sealed record Result(int Completed, double Seconds, double PerSecond, double CpuUtilization, CommitProbe.Stats Commits);

    public static async Task<Result> RunAsync(StackKind kind, int count, string label)
    {
        await using var stack = await TaskHubStack.StartAsync(kind);
        stack.OnWaiting = id => _ = RaiseAsync(stack.Client, id);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        using var probe = new CommitProbe();
        var ids = Enumerable.Range(0, count).Select(i => $"{label}-{i:D5}").ToList();
        var next = -1;
        var verified = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, MaxInFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var id = ids[index];
                await stack.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ClaimShaped), id, new StartOrchestrationOptions(id));

                // The provider's completion wait (no polling); its state read is the output checked below.
                var done = await stack.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
                if (done.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<string>() == ClaimNames.ExpectedOutput(id, "docs-" + id))
                {
                    Interlocked.Increment(ref verified);
                }
            }
        }));
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds / seconds / Environment.ProcessorCount;
        return new Result(verified, seconds, count / seconds, cpu, probe.Read(seconds));
    }

    public static async Task RaiseAsync(DurableTaskClient client, string id)
    {
        try
        {
            await client.RaiseEventAsync(id, ClaimNames.DocumentsReceived, "docs-" + id);
        }
#pragma warning disable CA1031 // Reported, and the instance then never completes, which the count shows.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"raise {id} failed: {ex.Message}");
        }
    }
}
