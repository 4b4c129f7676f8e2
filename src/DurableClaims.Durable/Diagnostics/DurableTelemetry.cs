using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DurableClaims.Durable.Diagnostics;

/// <summary>The engine's OpenTelemetry sources: one ActivitySource and one Meter named "DurableClaims.Durable".</summary>
public static class DurableTelemetry
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string SourceName = "DurableClaims.Durable";

    internal static readonly ActivitySource ActivitySource = new(SourceName);

    internal static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Steps = Meter.CreateCounter<long>("durable.orchestration.steps", description: "Orchestration steps executed.");

    internal static readonly Counter<long> Completions = Meter.CreateCounter<long>("durable.orchestration.completed", description: "Orchestrations that reached a terminal state.");

    internal static readonly Counter<long> Activities = Meter.CreateCounter<long>("durable.activities", description: "Activity invocations run.");

    internal static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>("durable.commit.batch_size", description: "Commit requests written per SQLite transaction.");
}
