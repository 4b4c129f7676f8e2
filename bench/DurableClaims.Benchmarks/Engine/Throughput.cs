using System.Diagnostics;
using System.Diagnostics.Metrics;
using DurableClaims.Durable;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>N claim-shaped workflows, at most 64 in flight, each event raised as soon as its instance waits.</summary>
internal static class Throughput
{
    private const int MaxInFlight = 64;

    public sealed record Result(int Completed, double Seconds, double PerSecond, double CommitsPerSecond, double AverageBatch);

    public static async Task<Result> RunAsync(int count, string label)
    {
        await using var bench = await BenchEngine.StartAsync(r => ClaimShapedWorkflow.Register(r));
        bench.OnWaiting = id => _ = bench.Client.RaiseEventAsync(id, ClaimShapedWorkflow.DocumentsReceived, "docs-" + id);
        var (batches, requests) = (0L, 0L);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "DurableClaims.Durable" && instrument.Name == "durable.commit.batch_size")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref requests, value);
        });
        listener.Start();

        // 64 concurrent clients, each: schedule, wait for completion (its event is raised when it waits), next.
        var ids = Enumerable.Range(0, count).Select(i => $"{label}-{i:D5}").ToList();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, MaxInFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var id = ids[index];
                var completed = bench.Completed(id);
                await bench.Client.ScheduleNewOrchestrationInstanceAsync(ClaimShapedWorkflow.Name, id, new StartOrchestrationOptions(id));
                await completed;
            }
        }));
        clock.Stop();
        listener.Dispose();

        var verified = 0;
        foreach (var id in ids)
        {
            var instance = await bench.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed }
                && instance.ReadOutputAs<string>() == ClaimShapedWorkflow.ExpectedOutput(id, "docs-" + id))
            {
                verified++;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(verified, seconds, count / seconds, batches / seconds, batches == 0 ? 0 : (double)requests / batches);
    }
}
