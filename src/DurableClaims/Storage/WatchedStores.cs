using DurableClaims.Api.Intake;
using DurableClaims.Contracts;
using DurableClaims.Documents;

namespace DurableClaims.Storage;

/// <summary>The document store with its writes counted by <see cref="StorageWriteWatch"/>: the same store over a watched container.</summary>
/// <remarks>
/// A <see cref="DocumentStore"/> itself rather than a wrapper of the interface: callers that need the store's own
/// operations (the upload intake removes a refused blob only from a <see cref="DocumentStore"/>) keep them.
/// </remarks>
public sealed class WatchedDocumentStore(DocumentStore inner, StorageWriteWatch watch)
    : DocumentStore(new WatchedObjectContainer((inner ?? throw new ArgumentNullException(nameof(inner))).Container, watch, "document"))
{
    public override Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline)
        => inner.CreateUploadUri(claimId, type, filename, deadline);
}

/// <summary>An object container whose writes are counted by <see cref="StorageWriteWatch"/>; reads pass through.</summary>
/// <param name="inner">The container.</param>
/// <param name="watch">The host's watch.</param>
/// <param name="kind">What the container holds, for the health detail (e.g. <c>document</c>).</param>
public sealed class WatchedObjectContainer(IObjectContainer inner, StorageWriteWatch watch, string kind) : IObjectContainer
{
    public string Name => inner.Name;

    public Task<StoredObject?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public async Task<string> WriteAsync(string path, Stream content, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin($"{kind} write", path, cancellationToken);
        return await inner.WriteAsync(path, content, ifMatch, write.Token);
    }

    public async Task<string> WriteWithPropertiesAsync(string path, Stream content, Func<ObjectProperties> properties, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin($"{kind} write", path, cancellationToken);
        return await inner.WriteWithPropertiesAsync(path, content, properties, write.Token);
    }

    // Deletes are clean-up (a failed request removes what it wrote): shutdown does not cut them short.
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin($"{kind} delete", path, cancellationToken, abandonOnStop: false);
        return await inner.DeleteAsync(path, write.Token);
    }

    public async Task<bool> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin($"{kind} folder delete", folder, cancellationToken, abandonOnStop: false);
        return await inner.DeleteFolderAsync(folder, write.Token);
    }

    public string? CheckPath(string path) => inner.CheckPath(path);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public IAsyncEnumerable<string> ListFoldersAsync(CancellationToken cancellationToken = default) => inner.ListFoldersAsync(cancellationToken);

    public string LocationOf(string path) => inner.LocationOf(path);
}

/// <summary>The session store with its writes counted by <see cref="StorageWriteWatch"/>; reads and the retention sweep pass through.</summary>
/// <remarks>The sweep (<see cref="ISessionStore.CleanupAsync"/>) is many writes that may rightly take long on a big store; it is not one stuck write.</remarks>
public sealed class WatchedSessionStore(ISessionStore inner, StorageWriteWatch watch) : ISessionStore
{
    public async Task<string> SaveAsync(
        SessionMetadata metadata, SessionContext? context, IEnumerable<SessionMessage> newMessages, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var write = watch.Begin("session save", metadata.ClaimId, cancellationToken);
        return await inner.SaveAsync(metadata, context, newMessages, ifMatch, write.Token);
    }

    public Task<SessionSnapshot?> LoadAsync(string claimId, CancellationToken cancellationToken = default) => inner.LoadAsync(claimId, cancellationToken);

    public Task<SessionSnapshot?> LoadStateAsync(string claimId, CancellationToken cancellationToken = default) => inner.LoadStateAsync(claimId, cancellationToken);

    public Task<bool> ExistsAsync(string claimId, CancellationToken cancellationToken = default) => inner.ExistsAsync(claimId, cancellationToken);

    public Task<IReadOnlyList<SessionMetadata>> ListAsync(SessionQuery? query = null, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public Task<SessionScan> ScanAsync(SessionQuery? query = null, CancellationToken cancellationToken = default) => inner.ScanAsync(query, cancellationToken);

    public Task<IReadOnlyList<SessionMessage>> GetHistoryAsync(string claimId, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(claimId, cancellationToken);

    // A move (archive copy, then live delete) is not cut in the middle by shutdown.
    public async Task<bool> ArchiveAsync(string claimId, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("session archive", claimId, cancellationToken, abandonOnStop: false);
        return await inner.ArchiveAsync(claimId, write.Token);
    }

    public async Task<bool> DeleteAsync(string claimId, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("session delete", claimId, cancellationToken, abandonOnStop: false);
        return await inner.DeleteAsync(claimId, write.Token);
    }

    public Task<int> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => inner.CleanupAsync(olderThan, cancellationToken);

    public async Task AppendEventAsync(ClaimLifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        using var write = watch.Begin("session event append", lifecycleEvent.ClaimId, cancellationToken);
        await inner.AppendEventAsync(lifecycleEvent, write.Token);
    }

    public async Task AppendEventsAsync(IReadOnlyList<ClaimLifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var write = watch.Begin("session event append", events.Count > 0 ? events[0].ClaimId : "(none)", cancellationToken);
        await inner.AppendEventsAsync(events, write.Token);
    }

    public Task<IReadOnlyList<ClaimLifecycleEvent>> GetEventsAsync(string claimId, CancellationToken cancellationToken = default) => inner.GetEventsAsync(claimId, cancellationToken);
}

/// <summary>The intake receipts with their writes counted by <see cref="StorageWriteWatch"/>.</summary>
public sealed class WatchedReceiptStore(IIntakeReceiptStore inner, StorageWriteWatch watch) : IIntakeReceiptStore
{
    public async Task<bool> TryAddAsync(string key, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("intake receipt add", key, cancellationToken);
        return await inner.TryAddAsync(key, write.Token);
    }

    public async Task<ReceiptTake> TryTakeAsync(string key, TimeSpan takeoverAfter, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("intake receipt take", key, cancellationToken);
        return await inner.TryTakeAsync(key, takeoverAfter, write.Token);
    }

    // The event is raised by now: recording that must finish, or a later intake raises it again.
    public async Task CompleteAsync(string key, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("intake receipt complete", key, cancellationToken, abandonOnStop: false);
        await inner.CompleteAsync(key, write.Token);
    }

    // A read: nothing is written, so nothing to watch.
    public Task<bool> IsHandledAsync(string key, CancellationToken cancellationToken = default) => inner.IsHandledAsync(key, cancellationToken);

    // Giving a receipt back is clean-up after a failed request: it must finish.
    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("intake receipt remove", key, cancellationToken, abandonOnStop: false);
        await inner.RemoveAsync(key, write.Token);
    }
}
