using Azure.Storage.Blobs;
using DurableClaims.Agents;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using DurableClaims.Notifications;
using DurableClaims.Policies;
using DurableClaims.Sessions;
using DurableClaims.Storage;
using DurableClaims.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Configuration;

/// <summary>The one registration method of the claims workflow.</summary>
public static class ClaimsServiceCollectionExtensions
{
    /// <summary>Registers options (validated at start-up), stores, policies, agents and model, webhooks and statistics.</summary>
    /// <remarks>The durable runtime is registered by the host: Microsoft's worker on the SQLite task hub locally (<c>AddDurableClaimsRuntime</c>), the Durable extension in Functions.</remarks>
    public static IServiceCollection AddDurableClaims(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClaimsOptions>()
            .Bind(configuration.GetSection(ClaimsOptions.SectionName))
            .PostConfigure(o => o.FlatNameErrors.AddRange(ClaimsConfiguration.ApplyFlatNames(configuration, o)))
            .ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName)).ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(o => StorageConfiguration.Apply(configuration, o))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClaimsOptions>, ClaimsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // One client (and so one credential and token cache) shared by the claims stores.
        services.TryAddKeyedSingleton(
            BlobClientFactory.ServiceKey, (sp, _) => BlobClientFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PolicyCatalog>();
        services.AddSingleton(CreateSessionStore);
        services.AddSingleton(CreateDocumentStore);
        services.AddSingleton<DocumentReader>();
        services.AddSingleton<SessionRecorder>();
        services.AddSingleton<ClaimStatisticsService>();
        services.AddHttpClient(WebhookSender.HttpClientName);
        services.AddSingleton<WebhookSender>();
        services.AddClaimAgents();
        return services;
    }

    private static ISessionStore CreateSessionStore(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var location = services.GetRequiredService<IOptions<ClaimsOptions>>().Value.SessionLocation;
        var logger = services.GetService<ILogger<SessionStore>>();
        if (storage.UsesBlobStorage)
        {
            var container = string.IsNullOrWhiteSpace(location) ? storage.SessionsContainer : location;
            var archive = string.IsNullOrWhiteSpace(location) ? storage.ArchiveContainer : container + "-archive";
            return new BlobSessionStore(services.GetRequiredKeyedService<BlobServiceClient>(BlobClientFactory.ServiceKey), container, archive, logger);
        }

        if (string.IsNullOrWhiteSpace(location))
        {
            return new FolderSessionStore(Path.Combine(storage.DataDirectory, storage.SessionsContainer), Path.Combine(storage.DataDirectory, storage.ArchiveContainer), logger);
        }

        var folder = Path.GetFullPath(location);
        return new FolderSessionStore(folder, folder.TrimEnd(Path.DirectorySeparatorChar) + "-archive", logger);
    }

    private static IDocumentStore CreateDocumentStore(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!storage.UsesBlobStorage)
        {
            return new FolderDocumentStore(Path.Combine(storage.DataDirectory, storage.DocumentsContainer));
        }

        var container = services.GetRequiredKeyedService<BlobServiceClient>(BlobClientFactory.ServiceKey).GetBlobContainerClient(storage.DocumentsContainer);
        return new BlobDocumentStore(container, services.GetRequiredService<TimeProvider>(), services.GetService<ILogger<BlobDocumentStore>>(), storage.UploadLinkLifetime);
    }
}
