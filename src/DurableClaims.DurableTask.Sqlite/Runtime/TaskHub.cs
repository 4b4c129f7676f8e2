using DurableClaims.DurableTask.Sqlite.Storage;
using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>An open task hub: its store, commit loop and in-memory queues, shared by the work-item and client sides.</summary>
internal sealed class TaskHub
{
    private long _lastId;

    public TaskHub(
        SqliteOrchestrationServiceOptions options,
        ILogger logger,
        TimeProvider time,
        InstanceQueue instances,
        ActivityQueue activities,
        TaskHubStore store,
        CommitQueue commits,
        long lastId,
        KeyValuePair<string, object?> hubTag,
        CancellationToken stopping)
    {
        Options = options;
        Logger = logger;
        Time = time;
        Instances = instances;
        Activities = activities;
        Store = store;
        Commits = commits;
        HubTag = hubTag;
        Stopping = stopping;
        _lastId = lastId;
        Orchestrations = new OrchestrationWorkItems(this);
        ActivityItems = new ActivityWorkItems(this);
        Client = new InstanceClient(this);
    }

    public SqliteOrchestrationServiceOptions Options { get; }

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    public InstanceQueue Instances { get; }

    public ActivityQueue Activities { get; }

    public TaskHubStore Store { get; }

    public CommitQueue Commits { get; }

    public KeyValuePair<string, object?> HubTag { get; }

    public CancellationToken Stopping { get; }

    public OrchestrationWorkItems Orchestrations { get; }

    public ActivityWorkItems ActivityItems { get; }

    public InstanceClient Client { get; }

    public DateTime UtcNow => Instances.UtcNow;

    /// <summary>Ids of stored messages and activities: one sequence, so a larger id is always a later message.</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>The back-off after the given number of abandons in a row: doubling from AbandonDelay up to MaxAbandonDelay.</summary>
    public TimeSpan Backoff(int abandons)
    {
        var factor = Math.Pow(2, Math.Min(abandons - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(Options.AbandonDelay.Ticks * factor, Options.MaxAbandonDelay.Ticks));
    }
}
