using DurableClaims.Contracts;
using DurableClaims.Storage;

namespace DurableClaims.Sessions;

/// <summary>The session archive on two <see cref="IObjectContainer"/>s (live and archive); folder and blob stores derive from it.</summary>
public abstract partial class SessionStore : ISessionStore
{
    private const int MergeAttempts = 8;

    /// <summary>Creates the store on a live and an archive container.</summary>
    protected SessionStore(IObjectContainer live, IObjectContainer archive)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(archive);
        Live = live;
        Archive = archive;
    }

    /// <summary>Gets the live sessions container (<c>sessions</c>).</summary>
    public IObjectContainer Live { get; }

    /// <summary>Gets the archive container (<c>sessions-archive</c>).</summary>
    public IObjectContainer Archive { get; }

    public async Task<string> SaveAsync(
        SessionMetadata metadata,
        SessionContext? context,
        IEnumerable<SessionMessage> newMessages,
        string? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(newMessages);
        EnsureValid(metadata.ClaimId);
        var sessionPath = SessionFiles.PathOf(metadata.ClaimId, SessionFiles.Session);
        if (ifMatch is not null)
        {
            var current = await Live.ReadAsync(sessionPath, cancellationToken);
            if (current is null || !string.Equals(current.ETag, ifMatch, StringComparison.Ordinal))
            {
                throw new SessionConcurrencyException($"Session '{metadata.ClaimId}' changed since it was loaded (If-Match {ifMatch}).");
            }
        }

        // History first: appending by id is idempotent, so a losing writer leaves nothing wrong behind.
        var count = await MergeLinesAsync(
            Live, SessionFiles.PathOf(metadata.ClaimId, SessionFiles.History), newMessages, m => m.Id, cancellationToken);
        string etag;
        try
        {
            etag = await Live.WriteAsync(
                sessionPath, new MemoryStream(SessionJson.ToJson(metadata with { MessageCount = count, Archived = false })),
                ifMatch, cancellationToken);
        }
        catch (ObjectConflictException ex)
        {
            throw new SessionConcurrencyException($"Session '{metadata.ClaimId}' changed since it was loaded (If-Match {ifMatch}).", ex);
        }

        // Context after the metadata write succeeded: only the writer that won the ETag race replaces it.
        if (context is not null)
        {
            await Live.WriteAsync(SessionFiles.PathOf(metadata.ClaimId, SessionFiles.Context), new MemoryStream(SessionJson.ToJson(context)), null, cancellationToken);
        }

        return etag;
    }

    public Task<SessionSnapshot?> LoadAsync(string claimId, CancellationToken cancellationToken = default)
        => LoadCoreAsync(claimId, includeHistory: true, cancellationToken);

    public Task<SessionSnapshot?> LoadStateAsync(string claimId, CancellationToken cancellationToken = default)
        => LoadCoreAsync(claimId, includeHistory: false, cancellationToken);

    private async Task<SessionSnapshot?> LoadCoreAsync(string claimId, bool includeHistory, CancellationToken cancellationToken)
    {
        EnsureValid(claimId);
        var live = await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken);
        if (live is not null)
        {
            var context = await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Context), cancellationToken);
            var history = includeHistory ? await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.History), cancellationToken) : null;
            return new SessionSnapshot(
                SessionJson.FromJson<SessionMetadata>(live.Content)! with { Archived = false },
                SessionJson.FromJson<SessionContext>(context?.Content),
                SessionJson.ReadLines<SessionMessage>(history?.Content),
                live.ETag);
        }

        var archived = await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken);
        if (archived is null)
        {
            return null;
        }

        var archivedContext = await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Context), cancellationToken);
        return new SessionSnapshot(
            SessionJson.FromJson<SessionMetadata>(archived.Content)! with { Archived = true },
            SessionJson.FromJson<SessionContext>(archivedContext?.Content),
            includeHistory ? await ReadArchivedHistoryAsync(claimId, cancellationToken) : [],
            archived.ETag);
    }

    public async Task<bool> ExistsAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureValid(claimId);
        return await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken) is not null
            || await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<SessionMessage>> GetHistoryAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureValid(claimId);
        var live = await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.History), cancellationToken);
        return live is not null ? SessionJson.ReadLines<SessionMessage>(live.Content) : await ReadArchivedHistoryAsync(claimId, cancellationToken);
    }

    /// <summary>Appends items whose keys are not stored yet, retrying on ETag conflicts; returns the stored count.</summary>
    private static async Task<int> MergeLinesAsync<T>(
        IObjectContainer container, string path, IEnumerable<T> items, Func<T, string> key, CancellationToken cancellationToken)
    {
        var incoming = items.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var current = await container.ReadAsync(path, cancellationToken);
            var stored = SessionJson.ReadLines<T>(current?.Content);
            var known = stored.Select(key).ToHashSet(StringComparer.Ordinal);
            var added = incoming.Where(item => known.Add(key(item))).ToList();
            if (added.Count == 0)
            {
                return stored.Count;
            }

            try
            {
                await container.WriteAsync(
                    path, new MemoryStream(SessionJson.WriteLines(stored.Concat(added))), current?.ETag ?? WriteCondition.IfNoneMatch, cancellationToken);
                return stored.Count + added.Count;
            }
            catch (ObjectConflictException) when (attempt < MergeAttempts)
            {
                // Another writer appended meanwhile: merge again on top of its version.
            }
        }
    }

    private async Task<IReadOnlyList<SessionMessage>> ReadArchivedHistoryAsync(string claimId, CancellationToken cancellationToken)
    {
        var archived = await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.ArchivedHistory), cancellationToken);
        return archived is null ? [] : SessionJson.ReadLines<SessionMessage>(SessionJson.Gunzip(archived.Content));
    }

    private static void EnsureValid(string claimId)
    {
        if (!ClaimIds.IsValid(claimId))
        {
            throw new ArgumentException($"'{claimId}' is not a valid claim id.", nameof(claimId));
        }
    }
}
