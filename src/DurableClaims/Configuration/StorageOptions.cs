namespace DurableClaims.Configuration;

/// <summary>Where sessions and documents are stored, bound from "Claims:Storage" plus the AzureWebJobsStorage settings.</summary>
/// <remarks>
/// Blob Storage is used when either a connection string or a blob service URI is configured; with neither the
/// stores are local folders. When "Claims:Storage" names no account itself, the Functions host's
/// <c>AzureWebJobsStorage</c> settings are used: the connection string, or the identity-based
/// <c>AzureWebJobsStorage__blobServiceUri</c> (or <c>__accountName</c>), <c>__credential</c> and <c>__clientId</c>.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims:Storage";

    /// <summary>Gets or sets the Blob Storage connection string (or AzureWebJobsStorage's); it carries its own key.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the blob service URI (https) used with a token credential, e.g. <c>https://account.blob.core.windows.net/</c>.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Gets or sets the token credential of <see cref="BlobServiceUri"/>: <c>managedidentity</c>, <c>default</c>, or empty for the default chain.</summary>
    public string? Credential { get; set; }

    /// <summary>Gets or sets the client id of a user-assigned managed identity; empty uses the system-assigned one.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the live sessions container or folder name.</summary>
    public string SessionsContainer { get; set; } = "sessions";

    /// <summary>Gets or sets the archive container or folder name.</summary>
    public string ArchiveContainer { get; set; } = "sessions-archive";

    /// <summary>Gets or sets the documents container or folder name.</summary>
    public string DocumentsContainer { get; set; } = "claim-documents";

    /// <summary>Gets or sets how long a document upload link (Blob Storage SAS) lives at most; a claim's document deadline ends it sooner. Default 4 hours.</summary>
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Gets or sets the resolved data directory (filled from ClaimsOptions at start-up).</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Gets whether a connection string is configured.</summary>
    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Gets whether a blob service URI (with a token credential) is configured.</summary>
    public bool UsesServiceUri => !string.IsNullOrWhiteSpace(BlobServiceUri);

    /// <summary>Gets whether Blob Storage is used (a connection string or a blob service URI is configured).</summary>
    public bool UsesBlobStorage => UsesConnectionString || UsesServiceUri;
}
