namespace DurableClaims.Configuration;

/// <summary>Workflow settings, bound from the "Claims" section (the ORCHESTRATION_* environment names override it).</summary>
public sealed class ClaimsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims";

    /// <summary>Gets or sets whether claims pause for documents and adjuster review (ORCHESTRATION_ENABLE_HITL).</summary>
    public bool EnableHumanInTheLoop { get; set; } = true;

    /// <summary>Gets or sets the most analysis rounds before a claim times out (ORCHESTRATION_MAX_ROUNDS).</summary>
    public int MaxRounds { get; set; } = 15;

    /// <summary>Gets or sets how many rounds in a row without progress stall a claim (ORCHESTRATION_STALL_THRESHOLD).</summary>
    public int StallThreshold { get; set; } = 3;

    /// <summary>Gets or sets how often a paused claim reminds the customer.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Gets or sets how long a claim waits for documents before it times out.</summary>
    public TimeSpan DocumentDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Gets or sets how long a high-risk claim waits for an adjuster before it times out.</summary>
    public TimeSpan ReviewDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Gets or sets how long a stalled, timed-out or errored claim waits for an adjuster (decide, re-open, retry) before it closes by itself; zero closes it at once, as the seed did.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the risk score from which a claim is high-risk (adjuster review when HITL is on).</summary>
    public double HighRiskThreshold { get; set; } = 0.7;

    /// <summary>Gets or sets whether sessions are saved (SESSION_PERSISTENCE_ENABLED).</summary>
    public bool PersistSessions { get; set; } = true;

    /// <summary>Gets or sets whether finished sessions move to the archive area.</summary>
    public bool ArchiveCompletedSessions { get; set; } = true;

    /// <summary>Gets or sets the data directory (DURABLECLAIMS_DATA); default ./.durableclaims.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets where sessions live (SESSION_STORAGE_PATH): a folder for the local store, a container name for Blob Storage.</summary>
    public string? SessionLocation { get; set; }

    /// <summary>Gets or sets how many times an agent-round activity is attempted (model calls fail transiently).</summary>
    public int ActivityMaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets the wait before the first activity retry (doubles each time).</summary>
    public TimeSpan ActivityFirstRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets an optional JSON file replacing the shipped policies.</summary>
    public string? PoliciesFile { get; set; }

    /// <summary>Gets or sets an optional JSON file replacing the shipped document requirements.</summary>
    public string? RequirementsFile { get; set; }

    /// <summary>Gets the flat environment values that could not be read (reported by validation at start-up).</summary>
    internal List<string> FlatNameErrors { get; } = [];

    /// <summary>Gets or sets per-claim-type required document lists that replace the shipped ones.</summary>
    public Dictionary<string, string[]> RequiredDocuments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
