using System.Diagnostics.Metrics;

namespace DurableClaims.DurableTask.Sqlite.Diagnostics;

/// <summary>The provider's OpenTelemetry meter: steps, activities, commit batches and latency, queue depths.</summary>
public static class SqliteProviderMetrics
{
    /// <summary>The Meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "DurableClaims.DurableTask.Sqlite";

    /// <summary>The tag naming the task hub (its database file) on every measurement, for processes with several hubs.</summary>
    public const string HubTag = "durabletask.sqlite.hub";

    private static readonly Meter Meter = new(MeterName);
    private static readonly List<WeakReference<SqliteOrchestrationService>> Services = [];

    internal static readonly Counter<long> Steps = Meter.CreateCounter<long>("durabletask.sqlite.orchestration.steps", description: "Orchestration steps committed.");

    internal static readonly Counter<long> Activities = Meter.CreateCounter<long>("durabletask.sqlite.activities", description: "Activity results committed.");

    internal static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>("durabletask.sqlite.commit.batch_size", description: "Requests written per SQLite transaction.");

    internal static readonly Histogram<double> CommitLatency = Meter.CreateHistogram<double>("durabletask.sqlite.commit.duration", "ms", "Time to write and fsync one transaction.");

    static SqliteProviderMetrics()
    {
        Meter.CreateObservableGauge<int>("durabletask.sqlite.queue.ready_instances", () => Each(s => s.ReadyInstances), description: "Instances with messages waiting for a work item.");
        Meter.CreateObservableGauge<int>("durabletask.sqlite.queue.activities", () => Each(s => s.QueuedActivities), description: "Activities waiting to run.");
        Meter.CreateObservableGauge<int>("durabletask.sqlite.queue.timers", () => Each(s => s.PendingTimers), description: "Timers and delayed messages not yet due.");
        Meter.CreateObservableGauge<int>("durabletask.sqlite.queue.commits", () => Each(s => s.PendingCommits), description: "Requests waiting for the commit loop.");
        Meter.CreateObservableGauge<int>("durabletask.sqlite.instances.live", () => Each(s => s.LiveInstances), description: "Instances that have not finished.");
    }

    internal static void Observe(SqliteOrchestrationService service)
    {
        lock (Services)
        {
            Services.RemoveAll(w => !w.TryGetTarget(out _));
            Services.Add(new WeakReference<SqliteOrchestrationService>(service));
        }
    }

    internal static KeyValuePair<string, object?> Hub(string databasePath) => new(HubTag, databasePath);

    private static List<Measurement<int>> Each(Func<SqliteOrchestrationService, int> read)
    {
        lock (Services)
        {
            var measurements = new List<Measurement<int>>(Services.Count);
            foreach (var weak in Services)
            {
                if (weak.TryGetTarget(out var service))
                {
                    measurements.Add(new Measurement<int>(read(service), Hub(service.DatabasePath)));
                }
            }

            return measurements;
        }
    }
}
