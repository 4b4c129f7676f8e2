using DurableClaims.Contracts;
using DurableClaims.Storage;

namespace DurableClaims.Sessions;

/// <summary>Listing, archiving, deleting and retention of sessions.</summary>
public abstract partial class SessionStore
{
    public async Task<IReadOnlyList<SessionMetadata>> ListAsync(SessionQuery? query = null, CancellationToken cancellationToken = default)
        => (await ScanAsync(query, cancellationToken)).Sessions;

    /// <inheritdoc />
    /// <remarks>A session.json that cannot be read is logged with its file, listed in <see cref="SessionScan.Corrupt"/> and left out: one damaged file does not fail the listing for everyone.</remarks>
    public async Task<SessionScan> ScanAsync(SessionQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SessionQuery();
        var result = new List<SessionMetadata>();
        var corrupt = new List<string>();
        if (query.Archived != true)
        {
            await CollectAsync(Live, archived: false, query, result, corrupt, cancellationToken);
        }

        if (query.Archived != false)
        {
            var liveIds = result.Select(m => m.ClaimId).ToHashSet(StringComparer.Ordinal);
            var archived = new List<SessionMetadata>();
            await CollectAsync(Archive, archived: true, query, archived, corrupt, cancellationToken);

            // A crash between copying and deleting leaves a claim in both areas; the live copy wins.
            result.AddRange(archived.Where(m => !liveIds.Contains(m.ClaimId)));
        }

        var ordered = result.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.ClaimId, StringComparer.Ordinal);
        return new SessionScan((query.Top is { } top ? ordered.Take(top) : ordered).ToList(), corrupt);
    }

    public async Task<bool> ArchiveAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureValid(claimId);
        var session = await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken);
        if (session is null)
        {
            return await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken) is not null;
        }

        // Copy every file that still exists (a re-run after a partial archive finds some already gone),
        // session.json last so an archived session.json means a complete copy; then delete, session.json last.
        var history = await Live.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.History), cancellationToken);
        if (history is not null)
        {
            await Archive.WriteAsync(SessionFiles.PathOf(claimId, SessionFiles.ArchivedHistory), new MemoryStream(SessionJson.Gzip(history.Content)), null, cancellationToken);
        }

        foreach (var file in new[] { SessionFiles.Context, SessionFiles.Events })
        {
            var item = await Live.ReadAsync(SessionFiles.PathOf(claimId, file), cancellationToken);
            if (item is not null)
            {
                await Archive.WriteAsync(SessionFiles.PathOf(claimId, file), new MemoryStream(item.Content), null, cancellationToken);
            }
        }

        var metadata = ReadMetadata(Live, SessionFiles.PathOf(claimId, SessionFiles.Session), session.Content);
        await Archive.WriteAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), new MemoryStream(SessionJson.ToJson(metadata with { Archived = true })), null, cancellationToken);
        foreach (var file in new[] { SessionFiles.History, SessionFiles.Context, SessionFiles.Events, SessionFiles.Session })
        {
            await Live.DeleteAsync(SessionFiles.PathOf(claimId, file), cancellationToken);
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>The claim's whole folder goes in both areas, with what listings skip (temporary files of interrupted writes).</remarks>
    public async Task<bool> DeleteAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureValid(claimId);
        var live = await Live.DeleteFolderAsync(claimId, cancellationToken);
        return await Archive.DeleteFolderAsync(claimId, cancellationToken) | live;
    }

    public async Task<int> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var session in await ListAsync(new SessionQuery(), cancellationToken))
        {
            var finished = session.Archived || ClaimStatusCodes.IsTerminal(session.Status);
            if (finished && session.UpdatedAt < olderThan && await DeleteAsync(session.ClaimId, cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }

    private async Task CollectAsync(
        IObjectContainer container, bool archived, SessionQuery query, List<SessionMetadata> into, List<string> corrupt, CancellationToken cancellationToken)
    {
        await foreach (var folder in container.ListFoldersAsync(cancellationToken))
        {
            if (!ClaimIds.IsValid(folder) || (query.ClaimIdPrefix is { } prefix && !folder.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            var path = SessionFiles.PathOf(folder, SessionFiles.Session);
            var stored = await container.ReadAsync(path, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            SessionMetadata metadata;
            try
            {
                metadata = ReadMetadata(container, path, stored.Content);
            }
            catch (StorageCorruptException ex)
            {
                corrupt.Add(ex.File!);
                continue;
            }

            if (!Matches(metadata, query))
            {
                continue;
            }

            into.Add(metadata with { Archived = archived });
        }
    }

    private static bool Matches(SessionMetadata metadata, SessionQuery query)
        => (query.Statuses is not { Count: > 0 } statuses || statuses.Contains(metadata.Status, StringComparer.OrdinalIgnoreCase))
        && (query.CreatedFrom is not { } from || metadata.CreatedAt >= from)
        && (query.CreatedTo is not { } to || metadata.CreatedAt <= to);
}
