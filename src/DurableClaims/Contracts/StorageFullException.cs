namespace DurableClaims.Contracts;

/// <summary>Thrown when a write fails because the disk (or volume) is full; the failed write left nothing half-written behind.</summary>
/// <remarks>Distinct from other I/O errors so that the HTTP layer can answer 507 and health can report it.</remarks>
public sealed class StorageFullException : Exception
{
    public StorageFullException()
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
