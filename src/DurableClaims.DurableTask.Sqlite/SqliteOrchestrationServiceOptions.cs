namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Settings of the SQLite orchestration service.</summary>
public sealed class SqliteOrchestrationServiceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DurableTask:Sqlite";

    /// <summary>The task hub's database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "taskhub.db");

    /// <summary>FULL (default) makes every acknowledged step survive a power loss; NORMAL only a process crash.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>Most requests (steps, messages, activity results) written in one transaction.</summary>
    public int MaxCommitBatch { get; set; } = 256;

    /// <summary>Orchestration work items processed at once (half of them may be extended sessions).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 256;

    /// <summary>Activities run at once.</summary>
    public int MaxConcurrentActivities { get; set; } = 32;

    /// <summary>How long an orchestration stays in memory waiting for its next message before it is released (0 turns extended sessions off).</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before an abandoned work item is handed out again; it doubles per abandon up to <see cref="MaxAbandonDelay"/>.</summary>
    public TimeSpan AbandonDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off after repeated abandons.</summary>
    public TimeSpan MaxAbandonDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How the file is checked at start: <see cref="SqliteIntegrityCheck.QuickCheck"/> (default) refuses to open a damaged hub.</summary>
    public SqliteIntegrityCheck IntegrityCheck { get; set; } = SqliteIntegrityCheck.QuickCheck;

    /// <summary>The longest the start-up check may run; a check still running then is stopped and the hub opens with a warning.</summary>
    public TimeSpan IntegrityCheckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Returns the first invalid setting, or null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            return "DatabasePath is required.";
        }

        if (!Enum.IsDefined(IntegrityCheck) || IntegrityCheckTimeout <= TimeSpan.Zero)
        {
            return "IntegrityCheck must be QuickCheck or None, and IntegrityCheckTimeout must be positive.";
        }

        if (ExtendedSessionIdleTimeout < TimeSpan.Zero || AbandonDelay < TimeSpan.Zero || MaxAbandonDelay < AbandonDelay)
        {
            return "ExtendedSessionIdleTimeout and AbandonDelay must not be negative, and MaxAbandonDelay must not be shorter than AbandonDelay.";
        }

        return MaxCommitBatch < 1 || MaxConcurrentOrchestrations < 1 || MaxConcurrentActivities < 1
            ? "MaxCommitBatch, MaxConcurrentOrchestrations and MaxConcurrentActivities must be at least 1."
            : null;
    }
}

/// <summary>SQLite's synchronous setting for the task hub.</summary>
public enum SqliteDurability
{
    /// <summary>fsync at every commit: an acknowledged step survives power loss.</summary>
    Full,

    /// <summary>fsync at checkpoints only: an acknowledged step survives a process crash, not a power loss.</summary>
    Normal,
}

/// <summary>The integrity check the task hub runs when it opens.</summary>
public enum SqliteIntegrityCheck
{
    /// <summary>SQLite's <c>PRAGMA quick_check</c>: every page and record is read (no index-to-table cross-check); a damaged file is refused.</summary>
    QuickCheck,

    /// <summary>No check at start; damage is still named (<see cref="TaskHubCorruptException"/>) when a read or write meets it.</summary>
    None,
}
