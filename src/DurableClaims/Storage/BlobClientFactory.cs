using Azure.Storage.Blobs;

namespace DurableClaims.Storage;

/// <summary>Creates Blob Storage clients from a connection string, pinning a service version Azurite accepts.</summary>
public static class BlobClientFactory
{
    /// <summary>Creates a service client; for development storage the API version is pinned to one Azurite 3.37 knows.</summary>
    public static BlobServiceClient Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = IsDevelopmentStorage(connectionString)
            ? new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06)
            : new BlobClientOptions();
        return new BlobServiceClient(connectionString, options);
    }

    /// <summary>Returns whether the connection string points at the local emulator.</summary>
    public static bool IsDevelopmentStorage(string connectionString)
        => connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("127.0.0.1", StringComparison.Ordinal)
        || connectionString.Contains("localhost", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("devstoreaccount1", StringComparison.Ordinal);
}
