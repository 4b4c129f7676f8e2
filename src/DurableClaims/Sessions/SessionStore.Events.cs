using DurableClaims.Contracts;

namespace DurableClaims.Sessions;

/// <summary>Per-claim lifecycle events (events.jsonl beside the session files).</summary>
public abstract partial class SessionStore
{
    public Task AppendEventAsync(ClaimLifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        return AppendEventsAsync([lifecycleEvent], cancellationToken);
    }

    public async Task AppendEventsAsync(IReadOnlyList<ClaimLifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var claimId = events[0].ClaimId;
        EnsureValid(claimId);
        if (events.Any(e => e.ClaimId != claimId))
        {
            throw new ArgumentException("All events of one append must belong to the same claim.", nameof(events));
        }

        // After archiving, late events (e.g. a webhook-triggered note) go to the archived copy.
        var archivedOnly = await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken) is null
            && await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken) is not null;
        await MergeLinesAsync(archivedOnly ? Archive : Live, SessionFiles.PathOf(claimId, SessionFiles.Events), events, e => e.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimLifecycleEvent>> GetEventsAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureValid(claimId);
        var path = SessionFiles.PathOf(claimId, SessionFiles.Events);
        var live = await Live.ReadAsync(path, cancellationToken);
        if (live is not null)
        {
            return ReadLines<ClaimLifecycleEvent>(Live, path, live.Content);
        }

        return ReadLines<ClaimLifecycleEvent>(Archive, path, (await Archive.ReadAsync(path, cancellationToken))?.Content);
    }
}
