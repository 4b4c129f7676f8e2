using DurableClaims.Contracts;

namespace DurableClaims.Sessions;

/// <summary>Computes <see cref="ClaimStatistics"/> from the session store (host-neutral: the HTTP API, CLI and Functions app share it).</summary>
public sealed class ClaimStatisticsService
{
    private readonly ISessionStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public ClaimStatisticsService(ISessionStore store, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Computes the statistics now.</summary>
    public async Task<ClaimStatistics> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var scan = await _store.ScanAsync(new SessionQuery(), cancellationToken);
        var sessions = scan.Sessions;
        var byStatus = ClaimStatusCodes.All.ToDictionary(s => s, s => sessions.Count(m => m.Status == s), StringComparer.Ordinal);
        var finished = sessions.Where(m => ClaimStatusCodes.IsTerminal(m.Status)).ToList();
        var paused = sessions.Where(m => m.Pauses > 0).ToList();
        return new ClaimStatistics
        {
            Total = sessions.Count,
            ByStatus = byStatus,
            ByClaimType = sessions
                .GroupBy(m => string.IsNullOrEmpty(m.ClaimType) ? "unknown" : m.ClaimType, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Completed = finished.Count,
            SuccessRate = finished.Count == 0 ? 0 : Math.Round((double)byStatus[ClaimStatusCodes.Approved] / finished.Count, 4),
            AverageRounds = finished.Count == 0 ? 0 : Math.Round(finished.Average(m => m.Rounds), 2),
            PausedClaims = paused.Count,
            AveragePausedSeconds = paused.Count == 0 ? 0 : Math.Round(paused.Average(m => TotalPaused(m, now)), 1),
            Corrupt = scan.Corrupt.Count,
            GeneratedAt = now,
        };
    }

    private static double TotalPaused(SessionMetadata metadata, DateTimeOffset now)
        => metadata.PausedSeconds + (metadata.PausedAt is { } since && metadata.Status == ClaimStatusCodes.Paused ? Math.Max(0, (now - since).TotalSeconds) : 0);
}
