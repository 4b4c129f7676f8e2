using Azure.Core;
using Azure.Storage.Blobs;
using DurableClaims.Configuration;

namespace DurableClaims.Storage;

/// <summary>The one place Blob Storage clients are created: from a connection string or from a service URI and a token credential.</summary>
public static class BlobClientFactory
{
    /// <summary>The key under which <see cref="ClaimsServiceCollectionExtensions.AddDurableClaims"/> registers the shared <see cref="BlobServiceClient"/> of the claims stores.</summary>
    public const string ServiceKey = "DurableClaims.Storage";

    /// <summary>Creates a service client; for development storage the API version is pinned to one Azurite 3.37 knows.</summary>
    public static BlobServiceClient Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new BlobServiceClient(connectionString, OptionsFor(connectionString));
    }

    /// <summary>Creates a service client that authenticates with <paramref name="credential"/> (Entra ID); no account key is involved.</summary>
    public static BlobServiceClient Create(Uri serviceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new BlobServiceClient(serviceUri, credential, OptionsFor(serviceUri.ToString()));
    }

    /// <summary>Creates the client <paramref name="options"/> select: the connection string, else the service URI with the credential named by Credential/ClientId.</summary>
    /// <exception cref="InvalidOperationException">Neither a connection string nor a service URI is configured.</exception>
    public static BlobServiceClient Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UsesConnectionString)
        {
            return Create(options.ConnectionString!);
        }

        if (options.UsesServiceUri)
        {
            return Create(new Uri(options.BlobServiceUri!, UriKind.Absolute), CredentialFor(options));
        }

        throw new InvalidOperationException("Blob Storage is not configured: set AzureWebJobsStorage (connection string), AzureWebJobsStorage__blobServiceUri or Claims:Storage:ConnectionString/BlobServiceUri.");
    }

    /// <summary>Returns the token credential a service-URI configuration uses: the managed identity for <c>managedidentity</c>, else the default chain.</summary>
    internal static TokenCredential CredentialFor(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AzureCredentials.Get(options.Credential, options.ClientId);
    }

    /// <summary>Returns whether the connection string (or service URI) points at the local emulator.</summary>
    public static bool IsDevelopmentStorage(string connectionString)
        => connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("127.0.0.1", StringComparison.Ordinal)
        || connectionString.Contains("localhost", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("devstoreaccount1", StringComparison.Ordinal);

    // Azurite rejects API versions newer than it knows; the pinned one is what Azurite 3.37 accepts.
    private static BlobClientOptions OptionsFor(string target)
        => IsDevelopmentStorage(target)
            ? new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06)
            : new BlobClientOptions();
}
