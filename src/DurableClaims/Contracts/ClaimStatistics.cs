namespace DurableClaims.Contracts;

/// <summary>Totals over all sessions (live and archived): what <c>GET /api/stats</c> returns.</summary>
public sealed record ClaimStatistics
{
    public int Total { get; init; }

    /// <summary>Gets the count per status code (every code present, zero when none).</summary>
    public IReadOnlyDictionary<string, int> ByStatus { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the number of claims per claim type (the original service's <c>byMode</c>), types in ordinal order.</summary>
    public IReadOnlyDictionary<string, int> ByClaimType { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the number of finished claims.</summary>
    public int Completed { get; init; }

    /// <summary>Gets approved ÷ finished (0 when nothing finished).</summary>
    public double SuccessRate { get; init; }

    /// <summary>Gets the average analysis rounds of finished claims.</summary>
    public double AverageRounds { get; init; }

    /// <summary>Gets how many claims paused at least once.</summary>
    public int PausedClaims { get; init; }

    /// <summary>Gets the average total time paused, in seconds, of claims that paused (an ongoing pause counts until now).</summary>
    public double AveragePausedSeconds { get; init; }

    /// <summary>Gets how many sessions could not be read (a damaged or half-written <c>session.json</c>); they are logged by file and left out of every other count.</summary>
    public int Corrupt { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }
}
