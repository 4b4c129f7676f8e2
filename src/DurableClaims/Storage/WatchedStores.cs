using DurableClaims.Api.Intake;
using DurableClaims.Contracts;

namespace DurableClaims.Storage;

/// <summary>The document store with its writes counted by <see cref="StorageWriteWatch"/>; reads pass through.</summary>
public sealed class WatchedDocumentStore(IDocumentStore inner, StorageWriteWatch watch) : IDocumentStore
{
    public Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, CancellationToken cancellationToken = default)
        => SaveAsync(claimId, type, filename, content, null, cancellationToken);

    public async Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, string? contentType, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("document save", claimId, cancellationToken);
        return await inner.SaveAsync(claimId, type, filename, content, contentType, write.Token);
    }

    public Task<StoredDocument?> GetAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
        => inner.GetAsync(claimId, type, filename, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string claimId, CancellationToken cancellationToken = default)
        => inner.ListAsync(claimId, cancellationToken);

    public Task<Stream?> OpenReadAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
        => inner.OpenReadAsync(claimId, type, filename, cancellationToken);

    public async Task<bool> DeleteAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("document delete", claimId, cancellationToken, abandonOnStop: false);
        return await inner.DeleteAsync(claimId, type, filename, write.Token);
    }

    public async Task<int> DeleteAllAsync(string claimId, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("claim documents delete", claimId, cancellationToken, abandonOnStop: false);
        return await inner.DeleteAllAsync(claimId, write.Token);
    }

    public string? CheckName(string claimId, string type, string filename) => inner.CheckName(claimId, type, filename);

    public Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline) => inner.CreateUploadUri(claimId, type, filename, deadline);
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

    // Giving a receipt back is clean-up after a failed request: it must finish.
    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        using var write = watch.Begin("intake receipt remove", key, cancellationToken, abandonOnStop: false);
        await inner.RemoveAsync(key, write.Token);
    }
}
