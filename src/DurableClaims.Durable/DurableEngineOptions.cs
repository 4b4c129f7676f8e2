namespace DurableClaims.Durable;

/// <summary>Durability level of SQLite commits.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is fsync'd before it is acknowledged (survives power loss).</summary>
    Full,

    /// <summary>WAL commits are fsync'd at checkpoints only (survives process crashes, not power loss).</summary>
    Normal,
}

/// <summary>Settings of the embedded engine, bound from the configuration section "Durable".</summary>
public sealed class DurableEngineOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Durable";

    /// <summary>Gets or sets the folder that holds the task hub database (required).</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Gets or sets the task hub name; the database is &lt;DataDirectory&gt;/&lt;TaskHubName&gt;.db.</summary>
    public string TaskHubName { get; set; } = "default";

    /// <summary>Gets or sets how many activities run at the same time.</summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount * 10;

    /// <summary>Gets or sets how many orchestration steps execute at the same time.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>Gets or sets the most commit requests written in one transaction (group commit).</summary>
    public int MaxCommitBatchSize { get; set; } = 256;

    /// <summary>Gets or sets the SQLite synchronous mode.</summary>
    public SqliteSynchronousMode SqliteSynchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>Gets or sets how many instances keep their live orchestrator in memory between steps (extended sessions); 0 disables.</summary>
    /// <remarks>An executor whose step commit is still pending is kept outside this cache until the store has caught up. With 0, every step replays and therefore waits for the previous commit.</remarks>
    public int CachedInstances { get; set; } = 1000;

    /// <summary>Gets or sets whether a step's activities start as soon as its commit is queued, before it is durable (opt-in; fewer sequential fsyncs per workflow; see docs/engine.md).</summary>
    /// <remarks>
    /// Off by default. Client-visible effects still wait for durability either way, but with it on, a crash or a
    /// failed commit makes the engine redo the lost step, and the redo may differ from what the activity already
    /// saw: <c>CurrentUtcDateTime</c> and <c>NewGuid()</c> take new values and a <c>WhenAny</c> may pick another
    /// winner. An activity can then have run with an input, or for a branch, that the durable history never
    /// contains. Turn it on only for workflows whose activities tolerate that (pure computations, or keys derived
    /// from durable inputs only).
    /// </remarks>
    public bool PipelinedActivityDispatch { get; set; }

    /// <summary>Gets the path of the task hub database.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, TaskHubName + ".db");

    /// <summary>Throws when a setting is invalid.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add("Durable:DataDirectory is required.");
        }

        if (string.IsNullOrWhiteSpace(TaskHubName) || TaskHubName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            errors.Add("Durable:TaskHubName must be a valid file name.");
        }

        if (MaxConcurrentActivities < 1 || MaxConcurrentOrchestrations < 1 || MaxCommitBatchSize < 1)
        {
            errors.Add("Durable:MaxConcurrentActivities, MaxConcurrentOrchestrations and MaxCommitBatchSize must be at least 1.");
        }

        if (CachedInstances < 0)
        {
            errors.Add("Durable:CachedInstances cannot be negative.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid durable engine options: " + string.Join(" ", errors));
        }
    }
}
