namespace DurableClaims.Contracts;

/// <summary>Claim documents (folder or container <c>claim-documents</c>, path <c>{claimId}/{type}/{filename}</c>).</summary>
public interface IDocumentStore
{
    /// <summary>Stores (or replaces) a document and returns where it is.</summary>
    /// <exception cref="ArgumentException">A path segment is not safe (empty, <c>..</c>, separators).</exception>
    Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) a document sent as <paramref name="contentType"/> (null: unknown; the file extension decides) and returns where it is, its size, media type and SHA-256.</summary>
    /// <exception cref="ArgumentException">A path segment is not safe (empty, <c>..</c>, separators).</exception>
    Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, string? contentType, CancellationToken cancellationToken = default);

    /// <summary>Returns one stored document, or null when it is not stored.</summary>
    Task<StoredDocument?> GetAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default);

    /// <summary>Lists a claim's documents.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Opens a document for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default);

    /// <summary>Deletes all of a claim's documents; returns how many.</summary>
    Task<int> DeleteAllAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Returns a URL that lets a client upload into the claim's folder until <paramref name="expiresOn"/>, or null when the store has none (local folder).</summary>
    Uri? CreateUploadUri(string claimId, DateTimeOffset expiresOn);
}

/// <summary>A stored claim document.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Type">The document type (folder name).</param>
/// <param name="Filename">The file name.</param>
/// <param name="Location">The full path or blob URL.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ETag">Version tag; identifies one upload.</param>
/// <param name="LastModified">When it was stored.</param>
/// <param name="MediaType">The media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Sha256">The SHA-256 of the content, lowercase hex.</param>
public sealed record StoredDocument(
    string ClaimId, string Type, string Filename, string Location, long Size, string ETag, DateTimeOffset LastModified, string MediaType, string Sha256)
{
    /// <summary>Returns the document as a <see cref="DocumentsReceived"/> entry carrying its evidence (location, size, media type, hash).</summary>
    public ReceivedDocument ToReceived() => new(Type, Filename, Location, Size, MediaType, Sha256);
}
