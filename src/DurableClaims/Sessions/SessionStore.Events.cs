using DurableClaims.Contracts;

namespace DurableClaims.Sessions;

/// <summary>Per-claim lifecycle events (events.jsonl beside the session files).</summary>
public abstract partial class SessionStore
{
    public async Task AppendEventAsync(ClaimLifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        EnsureValid(lifecycleEvent.ClaimId);

        // After archiving, late events (e.g. a webhook-triggered note) go to the archived copy.
        var archivedOnly = await Live.ReadAsync(SessionFiles.PathOf(lifecycleEvent.ClaimId, SessionFiles.Session), cancellationToken) is null
            && await Archive.ReadAsync(SessionFiles.PathOf(lifecycleEvent.ClaimId, SessionFiles.Session), cancellationToken) is not null;
        await MergeLinesAsync(
            archivedOnly ? Archive : Live,
            SessionFiles.PathOf(lifecycleEvent.ClaimId, SessionFiles.Events),
            [lifecycleEvent],
            e => e.Id,
            cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimLifecycleEvent>> GetEventsAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureValid(claimId);
        var path = SessionFiles.PathOf(claimId, SessionFiles.Events);
        var stored = await Live.ReadAsync(path, cancellationToken) ?? await Archive.ReadAsync(path, cancellationToken);
        return SessionJson.ReadLines<ClaimLifecycleEvent>(stored?.Content);
    }
}
