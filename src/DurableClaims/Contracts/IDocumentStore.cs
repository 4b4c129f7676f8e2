namespace DurableClaims.Contracts;

/// <summary>Claim documents (folder or container <c>claim-documents</c>, path <c>{claimId}/{type}/{filename}</c>).</summary>
public interface IDocumentStore
{
    /// <summary>Stores (or replaces) a document and returns where it is.</summary>
    /// <exception cref="ArgumentException">A path segment is not safe (empty, <c>..</c>, separators).</exception>
    Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) a document sent as <paramref name="contentType"/> (null: unknown; the file extension decides) and returns where it is, its size, media type and SHA-256.</summary>
    /// <exception cref="ArgumentException">A path segment is not safe (empty, <c>..</c>, separators) or too long for the store.</exception>
    /// <exception cref="StorageFullException">The disk is full; nothing of the document was kept.</exception>
    Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, string? contentType, CancellationToken cancellationToken = default);

    /// <summary>Returns one stored document, or null when it is not stored.</summary>
    Task<StoredDocument?> GetAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default);

    /// <summary>Lists a claim's documents.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Opens a document for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default);

    /// <summary>Deletes one document; false when it was not stored.</summary>
    Task<bool> DeleteAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default);

    /// <summary>Deletes all of a claim's documents, and anything else under its folder (temporary files of interrupted writes); returns how many documents.</summary>
    Task<int> DeleteAllAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>Returns why a document could not be stored under these names (an unsafe segment, a name or path too long for the store), or null when it can.</summary>
    /// <remarks>Check every document of a request with it before storing any: a request is refused whole, never half-stored.</remarks>
    string? CheckName(string claimId, string type, string filename);

    /// <summary>Returns a URL that lets a client create exactly one document, <c>{claimId}/{type}/{filename}</c>, or null when the store has none (local folder).</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="type">The document type.</param>
    /// <param name="filename">The file name the upload will have.</param>
    /// <param name="deadline">The claim's document deadline: the link never outlives it (and is shorter when the store's link lifetime ends first).</param>
    /// <exception cref="ArgumentException">A segment is not safe.</exception>
    Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline);
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
