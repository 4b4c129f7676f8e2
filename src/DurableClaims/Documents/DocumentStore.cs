using DurableClaims.Contracts;
using DurableClaims.Storage;

namespace DurableClaims.Documents;

/// <summary>Claim documents at <c>{claimId}/{type}/{filename}</c> on an <see cref="IObjectContainer"/>; folder and blob stores derive from it.</summary>
public abstract class DocumentStore : IDocumentStore
{
    /// <summary>Creates the store on <paramref name="container"/>.</summary>
    protected DocumentStore(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        Container = container;
    }

    /// <summary>Gets the underlying container (<c>claim-documents</c>).</summary>
    public IObjectContainer Container { get; }

    public async Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(claimId, type, filename);
        var start = content.CanSeek ? content.Position : 0;
        var etag = await Container.WriteAsync(path, content, null, cancellationToken);

        // The write returns the ETag; listing the container again only to learn size and time would cost a request per upload.
        var size = content.CanSeek ? content.Position - start : 0;
        return new StoredDocument(claimId, type, filename, Container.LocationOf(path), size, etag, DateTimeOffset.UtcNow);
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureSafe(claimId, nameof(claimId));
        var result = new List<StoredDocument>();
        await foreach (var item in Container.ListAsync(claimId + "/", cancellationToken))
        {
            if (ToDocument(claimId, item) is { } document)
            {
                result.Add(document);
            }
        }

        return result;
    }

    public Task<Stream?> OpenReadAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
        => Container.OpenReadAsync(PathOf(claimId, type, filename), cancellationToken);

    public async Task<int> DeleteAllAsync(string claimId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var document in await ListAsync(claimId, cancellationToken))
        {
            if (await Container.DeleteAsync(PathOf(claimId, document.Type, document.Filename), cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    public abstract Uri? CreateUploadUri(string claimId, DateTimeOffset expiresOn);

    /// <summary>Parses a container path <c>{claimId}/{type}/{filename}</c>; null when it does not have that shape or a segment is unsafe.</summary>
    public static (string ClaimId, string Type, string Filename)? ParsePath(string path)
    {
        var parts = (path ?? string.Empty).Split('/');
        return parts.Length == 3 && ClaimIds.IsValid(parts[0]) && ClaimIds.IsSafeSegment(parts[1]) && ClaimIds.IsSafeSegment(parts[2])
            ? (parts[0], parts[1], parts[2])
            : null;
    }

    /// <summary>Returns the container path of a document after checking every segment.</summary>
    public static string PathOf(string claimId, string type, string filename)
    {
        EnsureSafe(claimId, nameof(claimId));
        EnsureSafe(type, nameof(type));
        EnsureSafe(filename, nameof(filename));
        if (!ClaimIds.IsValid(claimId))
        {
            throw new ArgumentException($"'{claimId}' is not a valid claim id.", nameof(claimId));
        }

        return $"{claimId}/{type}/{filename}";
    }

    private StoredDocument? ToDocument(string claimId, ObjectInfo item)
        => ParsePath(item.Path) is { } parts && parts.ClaimId == claimId
            ? new StoredDocument(claimId, parts.Type, parts.Filename, Container.LocationOf(item.Path), item.Size, item.ETag, item.LastModified)
            : null;

    private static void EnsureSafe(string segment, string name)
    {
        if (!ClaimIds.IsSafeSegment(segment))
        {
            throw new ArgumentException($"'{segment}' is not allowed as a document path segment (no '/', '\\' or '..').", name);
        }
    }
}
