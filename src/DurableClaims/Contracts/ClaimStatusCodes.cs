namespace DurableClaims.Contracts;

/// <summary>The claim status codes of the contract (design.md §5).</summary>
public static class ClaimStatusCodes
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Stalled = "stalled";
    public const string Timeout = "timeout";
    public const string Error = "error";

    /// <summary>Gets every status code.</summary>
    public static IReadOnlyList<string> All { get; } = [Running, Paused, Approved, Denied, Stalled, Timeout, Error];

    /// <summary>Returns whether the status ends a claim.</summary>
    public static bool IsTerminal(string? status)
        => status is Approved or Denied or Stalled or Timeout or Error;
}

/// <summary>Machine-readable reasons carried by terminal statuses and pauses.</summary>
public static class ClaimReasons
{
    /// <summary>Paused: required documents are missing.</summary>
    public const string AwaitingDocuments = "awaiting_documents";

    /// <summary>Paused: a high-risk claim waits for an adjuster.</summary>
    public const string AwaitingReview = "awaiting_review";

    /// <summary>Timeout: the document deadline passed.</summary>
    public const string DocumentsNotReceived = "documents_not_received";

    /// <summary>Timeout: the review deadline passed without an adjuster decision.</summary>
    public const string ReviewNotReceived = "review_not_received";

    /// <summary>Timeout: more than MaxRounds analysis rounds.</summary>
    public const string MaxRounds = "max_rounds";

    /// <summary>Stalled: StallThreshold rounds in a row without progress.</summary>
    public const string NoProgress = "no_progress";

    /// <summary>Denied: documents missing and human-in-the-loop is off.</summary>
    public const string MissingDocuments = "missing_documents";

    /// <summary>Approved: every policy rule passed and the agents recommended payment.</summary>
    public const string Covered = "covered";

    /// <summary>Denied: a policy rule failed (no policy, type not covered, outside the period, excluded cause, below the deductible).</summary>
    public const string NotCovered = "not_covered";

    /// <summary>Denied: the agents recommended denial (high risk with human-in-the-loop off, or an analyst's finding).</summary>
    public const string HighRisk = "high_risk";

    /// <summary>Approved by an adjuster.</summary>
    public const string AdjusterApproved = "adjuster_approved";

    /// <summary>Denied by an adjuster.</summary>
    public const string AdjusterDenied = "adjuster_denied";

    /// <summary>Error: an unexpected failure.</summary>
    public const string UnexpectedError = "unexpected_error";
}

/// <summary>The phases a claim goes through (the <c>phase</c> of <see cref="ClaimProgress"/>).</summary>
public static class ClaimPhases
{
    public const string Intake = "intake";
    public const string Documents = "documents";
    public const string Analysis = "analysis";
    public const string Review = "review";
    public const string Decision = "decision";
    public const string Completed = "completed";
}

/// <summary>What a paused claim waits for (the <c>awaiting</c> of <see cref="ClaimProgress"/>).</summary>
public static class ClaimAwaiting
{
    public const string Documents = "documents";
    public const string Review = "review";

    /// <summary>A stalled or timed-out claim waits for an adjuster to decide, re-open or close it.</summary>
    public const string Adjuster = "adjuster";

    /// <summary>A claim whose step kept failing waits for a retry (or a decision, or closing).</summary>
    public const string Retry = "retry";

    /// <summary>Returns whether a claim waiting for <paramref name="awaiting"/> already has its terminal status and only an adjuster's action (or the auto-close window) ends it.</summary>
    public static bool IsAdjusterAction(string? awaiting) => awaiting is Adjuster or Retry;
}
