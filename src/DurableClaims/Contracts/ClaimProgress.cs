namespace DurableClaims.Contracts;

/// <summary>The orchestration's custom status: what <c>GET /api/claims/{id}</c> shows while a claim runs and after it ends.</summary>
public sealed record ClaimProgress
{
    /// <summary>Gets the status code (see <see cref="ClaimStatusCodes"/>).</summary>
    public required string Status { get; init; }

    /// <summary>Gets the phase (see <see cref="ClaimPhases"/>).</summary>
    public required string Phase { get; init; }

    /// <summary>Gets the reason (see <see cref="ClaimReasons"/>), when paused or finished.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    public IReadOnlyList<string> ReceivedDocuments { get; init; } = [];

    /// <summary>Gets the latest risk score (0 = no concern, 1 = certain fraud), once analysed.</summary>
    public double? RiskScore { get; init; }

    /// <summary>Gets the number of analysis rounds run so far.</summary>
    public int Rounds { get; init; }

    /// <summary>Gets what a paused claim waits for: <c>documents</c>, <c>review</c> or null.</summary>
    public string? Awaiting { get; init; }

    /// <summary>Gets when a claim waiting for documents (or review) times out.</summary>
    public DateTimeOffset? DocumentDeadline { get; init; }

    /// <summary>Gets how many reminders were sent during the current wait.</summary>
    public int Reminders { get; init; }

    /// <summary>Gets the recommendation the agents made (<c>approve</c>/<c>deny</c>) while a claim waits for review.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Gets the failing step and its message while a claim in error waits for a retry.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the adjuster actions the claim takes now, as its workflow version says; null for claims that do not publish them (version 1: derived from <see cref="Awaiting"/>).</summary>
    public IReadOnlyList<string>? Actions { get; init; }

    /// <summary>Gets the finding behind a stall (the latest conflict, else the latest finding) while the claim waits for an adjuster.</summary>
    public string? Cause { get; init; }
}
