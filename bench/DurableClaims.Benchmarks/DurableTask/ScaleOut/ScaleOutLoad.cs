using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>The two loads of the scale-out run, driven by the coordinator's client and timed by the workers' signals.</summary>
/// <remarks>
/// Finished is the worker's <c>D id</c> line (its final step stored), then one state read checks the output: the Azure Storage
/// client's own completion wait polls the instance table every 2 s, which would round every figure up to that.
/// </remarks>
internal static class ScaleOutLoad
{
    private static readonly TimeSpan InstanceTimeout = TimeSpan.FromSeconds(60);

    /// <summary>N claim-shaped workflows, <see cref="TaskHubThroughput.MaxInFlight"/> at once, each event raised when its instance waits; returns verified outputs and seconds.</summary>
    public static async Task<(int Verified, int TimedOut, double Seconds)> ThroughputAsync(DurableTaskClient client, SignalBoard board, int count, string label)
    {
        board.OnWaiting = id => _ = TaskHubThroughput.RaiseAsync(client, id);
        var next = -1;
        var verified = 0;
        var timedOut = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, TaskHubThroughput.MaxInFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var id = $"{label}-{index:D5}";
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(ClaimShaped), id, new StartOrchestrationOptions(id));
                try
                {
                    await board.Done(id).WaitAsync(InstanceTimeout);
                }
                catch (TimeoutException)
                {
                    // Counted and left unverified, so one stuck instance shows in the result instead of ending the run.
                    Interlocked.Increment(ref timedOut);
                    continue;
                }

                var done = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
                if (done?.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<string>() == ClaimNames.ExpectedOutput(id, "docs-" + id))
                {
                    Interlocked.Increment(ref verified);
                }
            }
        }));
        clock.Stop();
        board.OnWaiting = null;
        return (verified, timedOut, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Resume latency, one instance at a time: event raised 20 ms after the instance waits, clock from the raise to the worker's report that it finished.</summary>
    public static async Task<List<double>> ResumeAsync(DurableTaskClient client, SignalBoard board, int count, string label)
    {
        var samples = new List<double>(count);
        for (var i = -3; i < count; i++)
        {
            var id = $"{label}-{i + 3:D4}";
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ClaimShaped), id, new StartOrchestrationOptions(id));
            await board.Waiting(id).WaitAsync(InstanceTimeout);
            await Task.Delay(20);
            var clock = Stopwatch.StartNew();
            await client.RaiseEventAsync(id, ClaimNames.DocumentsReceived, "docs");
            await board.Done(id).WaitAsync(InstanceTimeout);
            clock.Stop();
            if (i >= 0)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        return samples;
    }
}
