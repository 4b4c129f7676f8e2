using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace DurableClaims.DurableTask.AzureStorage;

/// <summary>Reads the task hub's account the way the Functions host reads a connection: a connection string, or identity-based settings.</summary>
public static class AzureStorageConnection
{
    /// <summary>Fills the connection and the hub name of <paramref name="options"/> from <paramref name="configuration"/> where they are not set.</summary>
    /// <remarks>
    /// <c>{ConnectionName}</c> as a value is a connection string (<c>UseDevelopmentStorage=true</c> is Azurite on its default ports).
    /// As a section it is identity-based: <c>accountName</c> (public-cloud endpoints) or <c>blobServiceUri</c>, <c>queueServiceUri</c>
    /// and <c>tableServiceUri</c>, with <c>credential</c> (<c>managedidentity</c>) and <c>clientId</c> (a user-assigned identity).
    /// The hub name comes from <c>DurableTask:HubName</c>, then <c>TASKHUB_NAME</c> (the Functions app's setting).
    /// </remarks>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="options">The options to fill.</param>
    /// <param name="credentials">Turns <c>credential</c> and <c>clientId</c> into the app's token credential (the app decides which, and shares it with its other clients).</param>
    public static void Apply(IConfiguration configuration, AzureStorageTaskHubOptions options, Func<string?, string?, TokenCredential> credentials)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        var hubName = NonEmpty(configuration["DurableTask:HubName"]) ?? NonEmpty(configuration[AzureStorageTaskHubOptions.TaskHubNameSetting]);
        if (hubName is not null)
        {
            options.TaskHubName = hubName;
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString) || options.Endpoints is not null)
        {
            return;
        }

        var section = configuration.GetSection(options.ConnectionName);
        if (NonEmpty(section.Value) is { } connectionString)
        {
            options.ConnectionString = connectionString;
            return;
        }

        options.Endpoints = Endpoints(section);
        if (options.Endpoints is not null)
        {
            options.Credential ??= credentials(NonEmpty(section["credential"]), NonEmpty(section["clientId"]));
        }
    }

    private static AzureStorageEndpoints? Endpoints(IConfigurationSection section)
    {
        if (NonEmpty(section["accountName"]) is { } account)
        {
            return new AzureStorageEndpoints(
                new Uri($"https://{account}.blob.core.windows.net/"),
                new Uri($"https://{account}.queue.core.windows.net/"),
                new Uri($"https://{account}.table.core.windows.net/"));
        }

        var (blob, queue, table) = (NonEmpty(section["blobServiceUri"]), NonEmpty(section["queueServiceUri"]), NonEmpty(section["tableServiceUri"]));
        return blob is null || queue is null || table is null
            ? null
            : new AzureStorageEndpoints(new Uri(blob), new Uri(queue), new Uri(table));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
