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
    Task<string> WriteAsync(string path, Stream content, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

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
public sealed record ObjectInfo(string Path, long Size, string ETag, DateTimeOffset LastModified);

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
