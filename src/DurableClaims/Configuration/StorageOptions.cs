namespace DurableClaims.Configuration;

/// <summary>Where sessions and documents are stored, bound from "Claims:Storage" plus AzureWebJobsStorage.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims:Storage";

    /// <summary>Gets or sets the Blob Storage connection string (AzureWebJobsStorage); null selects the local folder stores.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the live sessions container or folder name.</summary>
    public string SessionsContainer { get; set; } = "sessions";

    /// <summary>Gets or sets the archive container or folder name.</summary>
    public string ArchiveContainer { get; set; } = "sessions-archive";

    /// <summary>Gets or sets the documents container or folder name.</summary>
    public string DocumentsContainer { get; set; } = "claim-documents";

    /// <summary>Gets or sets the resolved data directory (filled from ClaimsOptions at start-up).</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>Gets whether Blob Storage is used.</summary>
    public bool UsesBlobStorage => !string.IsNullOrWhiteSpace(ConnectionString);
}
