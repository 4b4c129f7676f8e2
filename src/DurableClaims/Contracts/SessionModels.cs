namespace DurableClaims.Contracts;

/// <summary>session.json: metadata of one claim session.</summary>
public sealed record SessionMetadata
{
    public required string ClaimId { get; init; }

    /// <summary>Gets the claim status code (see <see cref="ClaimStatusCodes"/>).</summary>
    public required string Status { get; init; }

    public string? Phase { get; init; }

    public string? Reason { get; init; }

    public string? PolicyNumber { get; init; }

    public string? ClaimType { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the claim ended, once it did.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets the number of messages in history.jsonl (set by the store on save).</summary>
    public int MessageCount { get; init; }

    public int Rounds { get; init; }

    /// <summary>Gets when the current pause began, while paused.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Gets the total time spent paused, in seconds (for statistics).</summary>
    public double PausedSeconds { get; init; }

    /// <summary>Gets how many times the claim paused.</summary>
    public int Pauses { get; init; }

    /// <summary>Gets whether the session lives in the archive area (set by the store on load and list).</summary>
    public bool Archived { get; init; }
}

/// <summary>context.json: the orchestration context of a claim (state, risk, documents, decision).</summary>
public sealed record SessionContext
{
    public required ClaimSubmission Claim { get; init; }

    public required string Phase { get; init; }

    public double? RiskScore { get; init; }

    public IReadOnlyList<string> RequiredDocuments { get; init; } = [];

    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    public IReadOnlyList<ReceivedDocument> ReceivedDocuments { get; init; } = [];

    public IReadOnlyList<string> Findings { get; init; } = [];

    public string? Awaiting { get; init; }

    public DateTimeOffset? DocumentDeadline { get; init; }

    public ClaimDecision? Decision { get; init; }

    public string? PackageMarkdown { get; init; }

    public string? PackageFileName { get; init; }

    /// <summary>Gets the result of the last recorded agent step, so a re-run of that activity returns what the transcript shows instead of asking the model again.</summary>
    public RecordedStep? LastStep { get; init; }
}

/// <summary>The result of one recorded agent step (<c>round-003</c>), as JSON.</summary>
/// <param name="Key">The step key.</param>
/// <param name="Result">The activity's result.</param>
public sealed record RecordedStep(string Key, System.Text.Json.JsonElement Result);

/// <summary>One line of history.jsonl: a chat message by an agent, the system or a tool.</summary>
/// <param name="Id">Deterministic id; saving a message whose id is already stored changes nothing.</param>
/// <param name="Author">Agent or source name, e.g. <c>intake</c>, <c>system</c>, <c>coverage</c>.</param>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">The text.</param>
/// <param name="Timestamp">When it was written.</param>
public sealed record SessionMessage(string Id, string Author, string Role, string Content, DateTimeOffset Timestamp);

/// <summary>A loaded session with the ETag to pass back as If-Match when saving.</summary>
public sealed record SessionSnapshot(SessionMetadata Metadata, SessionContext? Context, IReadOnlyList<SessionMessage> History, string ETag);

/// <summary>Filters for <see cref="ISessionStore.ListAsync"/>.</summary>
public sealed record SessionQuery
{
    /// <summary>Gets the status codes to include; null or empty includes all.</summary>
    public IReadOnlyCollection<string>? Statuses { get; init; }

    /// <summary>Gets null for both areas, true for archived sessions only, false for live sessions only.</summary>
    public bool? Archived { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public string? ClaimIdPrefix { get; init; }

    /// <summary>Gets the maximum number of sessions to return (newest first).</summary>
    public int? Top { get; init; }
}

/// <summary>A per-claim lifecycle event (events.jsonl), also what webhooks deliver.</summary>
/// <param name="Id">Deterministic id; appending an event whose id is already stored changes nothing.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="Type">See <see cref="ClaimEventTypes"/>.</param>
/// <param name="Timestamp">When it happened (orchestration time).</param>
/// <param name="Data">Event details.</param>
public sealed record ClaimLifecycleEvent(
    string Id, string ClaimId, string Type, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?>? Data = null);

/// <summary>Lifecycle event types.</summary>
public static class ClaimEventTypes
{
    public const string Start = "start";
    public const string Round = "round";
    public const string ToolCall = "tool_call";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string DocumentsReceived = "documents_received";
    public const string Reminder = "reminder";
    public const string Complete = "complete";
    public const string Error = "error";
    public const string Timeout = "timeout";

    /// <summary>An adjuster's action (decide, re-open, retry, close) on a claim that needed one.</summary>
    public const string AdjusterAction = "adjuster_action";

    /// <summary>A note an adjuster added to the claim's timeline.</summary>
    public const string Note = "note";
}

/// <summary>Thrown when a save's If-Match ETag no longer matches the stored session (another writer won).</summary>
public sealed class SessionConcurrencyException : Exception
{
    public SessionConcurrencyException()
    {
    }

    public SessionConcurrencyException(string message)
        : base(message)
    {
    }

    public SessionConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
