namespace DurableClaims.Contracts;

/// <summary>The claim session archive (design.md §5): session.json, context.json, history.jsonl and events.jsonl per claim.</summary>
/// <remarks>
/// Two implementations share one contract suite: a local folder (default) and Azure Blob Storage.
/// Live sessions sit in the <c>sessions</c> area; archived ones in <c>sessions-archive</c> with
/// <c>history.jsonl.gz</c>. Every method is safe to call again after a crash (activities run at least once).
/// </remarks>
public interface ISessionStore
{
    /// <summary>Saves metadata and context, and appends the messages whose ids are not stored yet.</summary>
    /// <param name="metadata">The new metadata; MessageCount is computed by the store.</param>
    /// <param name="context">The new context, or null to keep the stored one.</param>
    /// <param name="newMessages">Messages to append; ids already stored are skipped.</param>
    /// <param name="ifMatch">The ETag from the last load, or null to write unconditionally.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new ETag.</returns>
    /// <exception cref="SessionConcurrencyException">The stored session changed since <paramref name="ifMatch"/>.</exception>
    Task<string> SaveAsync(
        SessionMetadata metadata,
        SessionContext? context,
        IEnumerable<SessionMessage> newMessages,
        string? ifMatch = null,
        CancellationToken cancellationToken = default);

    /// <summary>Loads a live or archived session, or null when there is none.</summary>
    /// <exception cref="StorageCorruptException">A file of the session is damaged (half-written, truncated).</exception>
    Task<SessionSnapshot?> LoadAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="LoadAsync"/> without reading the chat history (its list is empty): for callers that need only status, context and ETag.</summary>
    Task<SessionSnapshot?> LoadStateAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Returns whether a live or archived session exists.</summary>
    Task<bool> ExistsAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Lists session metadata, newest first; sessions whose session.json cannot be read are left out (see <see cref="ScanAsync"/>).</summary>
    Task<IReadOnlyList<SessionMetadata>> ListAsync(SessionQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="ListAsync"/>, and also names the session files that could not be read.</summary>
    Task<SessionScan> ScanAsync(SessionQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the chat history (live or archived), oldest first; unreadable lines are skipped and logged.</summary>
    /// <exception cref="StorageCorruptException">The archived history is truncated or damaged.</exception>
    Task<IReadOnlyList<SessionMessage>> GetHistoryAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Moves a session to the archive area with history compressed; true when it is archived afterwards.</summary>
    Task<bool> ArchiveAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session from both areas; true when something was deleted.</summary>
    Task<bool> DeleteAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Deletes archived sessions, and finished live ones, last updated before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>Appends a lifecycle event unless one with the same id is stored.</summary>
    Task AppendEventAsync(ClaimLifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default);

    /// <summary>Appends several events of one claim in one write (ids already stored are skipped).</summary>
    Task AppendEventsAsync(IReadOnlyList<ClaimLifecycleEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a claim's lifecycle events (live or archived), oldest first.</summary>
    Task<IReadOnlyList<ClaimLifecycleEvent>> GetEventsAsync(string claimId, CancellationToken cancellationToken = default);
}

/// <summary>The result of <see cref="ISessionStore.ScanAsync"/>.</summary>
/// <param name="Sessions">The readable sessions, newest first.</param>
/// <param name="Corrupt">The session files (container/path) that could not be read.</param>
public sealed record SessionScan(IReadOnlyList<SessionMetadata> Sessions, IReadOnlyList<string> Corrupt);
