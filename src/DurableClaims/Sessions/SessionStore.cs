using DurableClaims.Contracts;
using System.Text.Json;
using DurableClaims.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Sessions;

/// <summary>The session archive on two <see cref="IObjectContainer"/>s (live and archive); folder and blob stores derive from it.</summary>
public abstract partial class SessionStore : ISessionStore
{
    private const int MergeAttempts = 8;
    private readonly ILogger _logger;

    /// <summary>Creates the store on a live and an archive container.</summary>
    /// <param name="live">The live sessions container.</param>
    /// <param name="archive">The archive container.</param>
    /// <param name="logger">Names damaged files (which file, which line); null logs nothing.</param>
    protected SessionStore(IObjectContainer live, IObjectContainer archive, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(archive);
        Live = live;
        Archive = archive;
        _logger = logger ?? NullLogger.Instance;
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
            var contextPath = SessionFiles.PathOf(claimId, SessionFiles.Context);
            var historyPath = SessionFiles.PathOf(claimId, SessionFiles.History);
            var context = await Live.ReadAsync(contextPath, cancellationToken);
            var history = includeHistory ? await Live.ReadAsync(historyPath, cancellationToken) : null;
            return new SessionSnapshot(
                ReadMetadata(Live, SessionFiles.PathOf(claimId, SessionFiles.Session), live.Content) with { Archived = false },
                Parse<SessionContext>(Live, contextPath, context?.Content),
                ReadLines<SessionMessage>(Live, historyPath, history?.Content),
                live.ETag);
        }

        var archived = await Archive.ReadAsync(SessionFiles.PathOf(claimId, SessionFiles.Session), cancellationToken);
        if (archived is null)
        {
            return null;
        }

        var archivedContextPath = SessionFiles.PathOf(claimId, SessionFiles.Context);
        var archivedContext = await Archive.ReadAsync(archivedContextPath, cancellationToken);
        return new SessionSnapshot(
            ReadMetadata(Archive, SessionFiles.PathOf(claimId, SessionFiles.Session), archived.Content) with { Archived = true },
            Parse<SessionContext>(Archive, archivedContextPath, archivedContext?.Content),
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
        var path = SessionFiles.PathOf(claimId, SessionFiles.History);
        var live = await Live.ReadAsync(path, cancellationToken);
        return live is not null ? ReadLines<SessionMessage>(Live, path, live.Content) : await ReadArchivedHistoryAsync(claimId, cancellationToken);
    }

    /// <summary>Appends items whose keys are not stored yet, retrying on ETag conflicts; returns the stored count.</summary>
    private async Task<int> MergeLinesAsync<T>(
        IObjectContainer container, string path, IEnumerable<T> items, Func<T, string> key, CancellationToken cancellationToken)
    {
        var incoming = items.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var current = await container.ReadAsync(path, cancellationToken);
            var stored = ReadLines<T>(container, path, current?.Content);
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

    /// <summary>Reads the archived (gzipped) history; a truncated or damaged archive is named, never served as an empty history.</summary>
    private async Task<IReadOnlyList<SessionMessage>> ReadArchivedHistoryAsync(string claimId, CancellationToken cancellationToken)
    {
        var path = SessionFiles.PathOf(claimId, SessionFiles.ArchivedHistory);
        var archived = await Archive.ReadAsync(path, cancellationToken);
        if (archived is null)
        {
            return [];
        }

        byte[] lines;
        try
        {
            lines = SessionJson.Gunzip(archived.Content);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(Archive, path, ex);
        }

        return ReadLines<SessionMessage>(Archive, path, lines);
    }

    /// <summary>Reads a session.json; unreadable or empty (half-written) is a <see cref="StorageCorruptException"/>.</summary>
    private SessionMetadata ReadMetadata(IObjectContainer container, string path, byte[] content)
        => Parse<SessionMetadata>(container, path, content) ?? throw Corrupt(container, path, new JsonException("The file is empty."));

    private T? Parse<T>(IObjectContainer container, string path, byte[]? content)
    {
        try
        {
            return SessionJson.FromJson<T>(content);
        }
        catch (JsonException ex)
        {
            throw Corrupt(container, path, ex);
        }
    }

    /// <summary>Reads JSON Lines, logging each unreadable line with its file and number (it is skipped).</summary>
    private List<T> ReadLines<T>(IObjectContainer container, string path, byte[]? content)
        => SessionJson.ReadLines<T>(content, line => Log.LineSkipped(_logger, line, container.LocationOf(path)));

    /// <summary>Logs a damaged file with its full location and returns the exception naming it (container and path: no server path leaves the store).</summary>
    private StorageCorruptException Corrupt(IObjectContainer container, string path, Exception cause)
    {
        Log.FileCorrupt(_logger, container.LocationOf(path), cause);
        return new StorageCorruptException($"{container.Name}/{path}", $"The stored file '{container.Name}/{path}' is damaged and cannot be read.", cause);
    }

    private static void EnsureValid(string claimId)
    {
        if (!ClaimIds.IsValid(claimId))
        {
            throw new ArgumentException($"'{claimId}' is not a valid claim id.", nameof(claimId));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3501, Level = LogLevel.Error, Message = "Stored file {File} is damaged and cannot be read")]
        public static partial void FileCorrupt(ILogger logger, string file, Exception exception);

        [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "Skipped unreadable line {Line} of {File}")]
        public static partial void LineSkipped(ILogger logger, int line, string file);
    }
}
