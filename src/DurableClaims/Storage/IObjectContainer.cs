namespace DurableClaims.Storage;

/// <summary>A flat container of named objects with ETags: a local folder or a blob container (what the session and document stores are built on).</summary>
public interface IObjectContainer
{
    /// <summary>Gets the container (or folder) name.</summary>
    string Name { get; }

    /// <summary>Reads an object, or returns null when it does not exist.</summary>
    Task<StoredObject?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for streaming, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Writes an object and returns its new ETag.</summary>
    /// <param name="path">Object path with '/' separators.</param>
    /// <param name="content">The content.</param>
    /// <param name="ifMatch">Write only when the current ETag equals this; <see cref="WriteCondition.IfNoneMatch"/> writes only when absent; null writes unconditionally.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ObjectConflictException">The condition did not hold.</exception>
    /// <exception cref="ArgumentException">The path cannot be stored here (see <see cref="CheckPath"/>).</exception>
    /// <exception cref="Contracts.StorageFullException">The disk is full; nothing of the write was kept.</exception>
    Task<string> WriteAsync(string path, Stream content, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Writes an object (unconditionally) with the properties recorded beside it, and returns its new ETag.</summary>
    /// <param name="path">Object path with '/' separators.</param>
    /// <param name="content">The content, read once.</param>
    /// <param name="properties">Asked for once the content has been read, so that they can describe it (its hash, its length).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <remarks>Content and properties appear together: a listing never shows the new content with the old properties.</remarks>
    Task<string> WriteWithPropertiesAsync(string path, Stream content, Func<ObjectProperties> properties, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes everything under the top-level folder <paramref name="folder"/> (e.g. one claim), including what listings skip; false when there was nothing.</summary>
    Task<bool> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>Returns why <paramref name="path"/> cannot be stored in this container (a name or the whole path too long), or null when it can.</summary>
    /// <remarks>Callers check every path of a request before writing any of them, so a request is refused whole instead of half-stored.</remarks>
    string? CheckPath(string path);

    /// <summary>Lists objects whose path starts with <paramref name="prefix"/>, at any depth.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Lists the names of the top-level folders (virtual directories on Blob Storage), e.g. one per claim.</summary>
    IAsyncEnumerable<string> ListFoldersAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the full path or URL of an object, for display and links.</summary>
    string LocationOf(string path);
}

/// <summary>Special values for the ifMatch argument of <see cref="IObjectContainer.WriteAsync"/>.</summary>
public static class WriteCondition
{
    /// <summary>Write only when the object does not exist yet.</summary>
    public const string IfNoneMatch = "*";
}

/// <summary>An object's content and version.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ETag">The version tag.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record StoredObject(byte[] Content, string ETag, DateTimeOffset LastModified);

/// <summary>An entry of a listing.</summary>
/// <param name="Path">Object path with '/' separators.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ETag">The version tag.</param>
/// <param name="LastModified">When it was last written.</param>
/// <param name="Properties">What was recorded beside this version of the content, when anything was.</param>
public sealed record ObjectInfo(string Path, long Size, string ETag, DateTimeOffset LastModified, ObjectProperties? Properties = null);

/// <summary>What is recorded beside an object's content: its media type and name/value metadata.</summary>
/// <param name="ContentType">The media type, when known.</param>
/// <param name="Metadata">Names are lowercase identifiers (Blob Storage metadata rules); values are ASCII.</param>
public sealed record ObjectProperties(string? ContentType, IReadOnlyDictionary<string, string> Metadata);

/// <summary>Thrown when a conditional write finds a different version (HTTP 412/409 on Blob Storage).</summary>
public sealed class ObjectConflictException : Exception
{
    public ObjectConflictException()
    {
    }

    public ObjectConflictException(string message)
        : base(message)
    {
    }

    public ObjectConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
