using Microsoft.Extensions.Configuration;

namespace DurableClaims.Configuration;

/// <summary>Fills <see cref="StorageOptions"/> from the Functions host's <c>AzureWebJobsStorage</c> settings when "Claims:Storage" names no account.</summary>
internal static class StorageConfiguration
{
    /// <summary>The host storage connection: a connection string, or a section of identity-based settings.</summary>
    public const string HostConnection = ClaimsConfiguration.StorageConnection;

    /// <summary>Applies the host settings and the data directory to <paramref name="options"/>.</summary>
    /// <remarks>
    /// The account comes from one place: "Claims:Storage" when it sets a connection string or a service URI,
    /// otherwise AzureWebJobsStorage (connection string, or <c>__blobServiceUri</c>/<c>__accountName</c> with
    /// <c>__credential</c> and <c>__clientId</c>, the names the Functions host reads). Reading the identity-based names
    /// matters: in Azure they are the only storage settings, and without them the stores would silently be
    /// local folders, which on Flex Consumption are per instance and temporary.
    /// </remarks>
    public static void Apply(IConfiguration configuration, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        options.DataDirectory = ClaimsConfiguration.ResolveDataDirectory(configuration);
        if (options.UsesBlobStorage)
        {
            return;
        }

        var host = configuration.GetSection(HostConnection);
        options.ConnectionString = host.Value;
        options.BlobServiceUri = NonEmpty(host["blobServiceUri"]) ?? AccountUri(NonEmpty(host["accountName"]));
        options.Credential = NonEmpty(options.Credential) ?? host["credential"];
        options.ClientId = NonEmpty(options.ClientId) ?? host["clientId"];
    }

    // The Functions host's rule for __accountName: the public-cloud blob endpoint of that account.
    private static string? AccountUri(string? accountName) => accountName is null ? null : $"https://{accountName}.blob.core.windows.net/";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
