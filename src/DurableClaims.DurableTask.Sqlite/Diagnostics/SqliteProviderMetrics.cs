using System.Diagnostics.Metrics;

namespace DurableClaims.DurableTask.Sqlite.Diagnostics;

/// <summary>The provider's OpenTelemetry meter: steps, activities, commit batches and latency, queue depths.</summary>
public static class SqliteProviderMetrics
{
    /// <summary>The Meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "DurableClaims.DurableTask.Sqlite";

    private static readonly Meter Meter = new(MeterName);
    private static readonly List<WeakReference<SqliteOrchestrationService>> Services = [];

    internal static readonly Counter<long> Steps = Meter.CreateCounter<long>("durabletask.sqlite.orchestration.steps", description: "Orchestration steps committed.");

    internal static readonly Counter<long> Activities = Meter.CreateCounter<long>("durabletask.sqlite.activities", description: "Activity results committed.");

    internal static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>("durabletask.sqlite.commit.batch_size", description: "Requests written per SQLite transaction.");

    internal static readonly Histogram<double> CommitLatency = Meter.CreateHistogram<double>("durabletask.sqlite.commit.duration", "ms", "Time to write and fsync one transaction.");

    static SqliteProviderMetrics()
    {
        Meter.CreateObservableGauge("durabletask.sqlite.queue.ready_instances", () => Sum(s => s.ReadyInstances), description: "Instances with messages waiting for a work item.");
        Meter.CreateObservableGauge("durabletask.sqlite.queue.activities", () => Sum(s => s.QueuedActivities), description: "Activities waiting to run.");
        Meter.CreateObservableGauge("durabletask.sqlite.queue.timers", () => Sum(s => s.PendingTimers), description: "Timers and delayed messages not yet due.");
        Meter.CreateObservableGauge("durabletask.sqlite.queue.commits", () => Sum(s => s.PendingCommits), description: "Requests waiting for the commit loop.");
        Meter.CreateObservableGauge("durabletask.sqlite.instances.live", () => Sum(s => s.LiveInstances), description: "Instances that have not finished.");
    }

    internal static void Observe(SqliteOrchestrationService service)
    {
        lock (Services)
        {
            Services.RemoveAll(w => !w.TryGetTarget(out _));
            Services.Add(new WeakReference<SqliteOrchestrationService>(service));
        }
    }

    private static int Sum(Func<SqliteOrchestrationService, int> read)
    {
        lock (Services)
        {
            var total = 0;
            foreach (var weak in Services)
            {
                if (weak.TryGetTarget(out var service))
                {
                    total += read(service);
                }
            }

            return total;
        }
    }
}
