using System.Security.Cryptography;
using DurableClaims.Contracts;
using DurableClaims.Storage;

namespace DurableClaims.Documents;

/// <summary>Claim documents at <c>{claimId}/{type}/{filename}</c> on an <see cref="IObjectContainer"/>; folder and blob stores derive from it.</summary>
public abstract class DocumentStore : IDocumentStore
{
    /// <summary>The metadata name under which a document's SHA-256 (lowercase hex) is recorded.</summary>
    public const string Sha256Metadata = "sha256";

    /// <summary>Creates the store on <paramref name="container"/>.</summary>
    protected DocumentStore(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        Container = container;
    }

    /// <summary>Gets the underlying container (<c>claim-documents</c>).</summary>
    public IObjectContainer Container { get; }

    public Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, CancellationToken cancellationToken = default)
        => SaveAsync(claimId, type, filename, content, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The hash and length are taken while the container reads the content (one pass, nothing buffered again) and
    /// recorded with the media type beside the content: Content-Type and metadata on a blob, a sidecar in a folder.
    /// </remarks>
    public async Task<StoredDocument> SaveAsync(
        string claimId, string type, string filename, Stream content, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(claimId, type, filename);
        var mediaType = DocumentMediaTypes.Resolve(contentType, filename);
        using var hashing = new HashingReadStream(content);
        var etag = await Container.WriteWithPropertiesAsync(
            path, hashing, () => new ObjectProperties(mediaType, new Dictionary<string, string> { [Sha256Metadata] = hashing.Sha256 }), cancellationToken);

        // The write returns the ETag; listing the container again only to learn the time would cost a request per upload.
        return new StoredDocument(claimId, type, filename, Container.LocationOf(path), hashing.BytesRead, etag, DateTimeOffset.UtcNow, mediaType, hashing.Sha256);
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureSafe(claimId, nameof(claimId));
        var result = new List<StoredDocument>();
        await foreach (var item in Container.ListAsync(claimId + "/", cancellationToken))
        {
            if (ParsePath(item.Path) is { } parts && parts.ClaimId == claimId
                && await ToDocumentAsync(parts.ClaimId, parts.Type, parts.Filename, item, cancellationToken) is { } document)
            {
                result.Add(document);
            }
        }

        return result;
    }

    public async Task<StoredDocument?> GetAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
    {
        var path = PathOf(claimId, type, filename);
        await foreach (var item in Container.ListAsync(path, cancellationToken))
        {
            if (string.Equals(item.Path, path, StringComparison.Ordinal))
            {
                return await ToDocumentAsync(claimId, type, filename, item, cancellationToken);
            }
        }

        return null;
    }

    public Task<Stream?> OpenReadAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
        => Container.OpenReadAsync(PathOf(claimId, type, filename), cancellationToken);

    public Task<bool> DeleteAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default)
        => Container.DeleteAsync(PathOf(claimId, type, filename), cancellationToken);

    /// <inheritdoc />
    /// <remarks>The claim's whole folder goes, with whatever listings skip (temporary files of interrupted writes, sidecars): they may hold personal data too.</remarks>
    public async Task<int> DeleteAllAsync(string claimId, CancellationToken cancellationToken = default)
    {
        EnsureSafe(claimId, nameof(claimId));
        if (!ClaimIds.IsValid(claimId))
        {
            throw new ArgumentException($"'{claimId}' is not a valid claim id.", nameof(claimId));
        }

        // Paths only: describing each document (a blob without a recorded hash is read) is not needed to count it.
        var count = 0;
        await foreach (var item in Container.ListAsync(claimId + "/", cancellationToken))
        {
            if (ParsePath(item.Path) is { } parts && parts.ClaimId == claimId)
            {
                count++;
            }
        }

        await Container.DeleteFolderAsync(claimId, cancellationToken);
        return count;
    }

    public string? CheckName(string claimId, string type, string filename)
    {
        if (!ClaimIds.IsValid(claimId))
        {
            return $"'{claimId}' is not a valid claim id.";
        }

        if (!ClaimIds.IsSafeSegment(type) || !ClaimIds.IsSafeSegment(filename))
        {
            return $"Document type and file name must be 1-{ClaimIds.MaxSegmentLength} letters, digits, '-', '_', '.', ' ' or parentheses, not '.' or '..'.";
        }

        return Container.CheckPath($"{claimId}/{type}/{filename}") is { } reason ? $"The document cannot be stored: {reason}." : null;
    }

    public abstract Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline);

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

    /// <summary>Describes a listed document; its hash is the recorded one, or taken from the content when none was recorded (a blob uploaded through an upload link); null when it vanished meanwhile.</summary>
    private async Task<StoredDocument?> ToDocumentAsync(string claimId, string type, string filename, ObjectInfo item, CancellationToken cancellationToken)
    {
        var sha256 = item.Properties?.Metadata.GetValueOrDefault(Sha256Metadata) is { } recorded && IsSha256(recorded)
            ? recorded
            : await HashAsync(item.Path, cancellationToken);
        return sha256 is null
            ? null
            : new StoredDocument(
                claimId, type, filename, Container.LocationOf(item.Path), item.Size, item.ETag, item.LastModified,
                DocumentMediaTypes.Resolve(item.Properties?.ContentType, filename), sha256);
    }

    private async Task<string?> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = await Container.OpenReadAsync(path, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);

    private static void EnsureSafe(string segment, string name)
    {
        if (!ClaimIds.IsSafeSegment(segment))
        {
            throw new ArgumentException($"'{segment}' is not allowed as a document path segment (no '/', '\\' or '..').", name);
        }
    }
}
