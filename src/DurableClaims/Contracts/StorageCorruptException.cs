namespace DurableClaims.Contracts;

/// <summary>Thrown when a stored file cannot be read back as what it should be (truncated, half-written, damaged): a storage fault, not a client error.</summary>
/// <remarks>The HTTP layer answers it with 503 problem details; <see cref="File"/> names the file for the operator's log.</remarks>
public sealed class StorageCorruptException : Exception
{
    public StorageCorruptException()
    {
    }

    public StorageCorruptException(string message)
        : base(message)
    {
    }

    public StorageCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="file"/> (its container path or location).</summary>
    public StorageCorruptException(string file, string message, Exception? innerException)
        : base(message, innerException)
    {
        File = file;
    }

    /// <summary>Gets the damaged file (container path or location), when known.</summary>
    public string? File { get; }
}
