using Azure.Core;
using Azure.Storage.Blobs;
using DurableClaims.Agents;
using DurableClaims.Configuration;
using DurableClaims.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Assistant;

/// <summary>Registers the claim assistant: options (validated at start), conversation store, model, summariser, ranker and the background answers.</summary>
public static class AssistantServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ClaimAssistantService"/> and its parts; call after <c>AddDurableClaims</c>. A second call changes nothing.</summary>
    public static IServiceCollection AddClaimAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AssistantTurns)))
        {
            return services;
        }

        services.AddOptions<AssistantOptions>()
            .Bind(configuration.GetSection(AssistantOptions.SectionName))
            .PostConfigure(o => AssistantOptions.ApplyFlatNames(configuration, o))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssistantOptions>, AssistantOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ConversationStore(CreateContainer(sp), sp.GetService<ILogger<ConversationStore>>()));
        services.AddSingleton<ClaimGroundingReader>();
        services.TryAddSingleton<IAssistantModel>(sp => IsOffline(sp)
            ? new OfflineAssistant()
            : new ChatModelAssistant(sp.GetRequiredService<IChatCompletionService>(), sp.GetRequiredService<IOptions<ModelOptions>>()));
        services.TryAddSingleton<ITurnSummarizer>(sp => IsOffline(sp) || !sp.GetRequiredService<IOptions<AssistantOptions>>().Value.SummarizeWithModel
            ? new DeterministicSummarizer()
            : new ModelSummarizer(sp.GetRequiredService<IChatCompletionService>(), sp.GetRequiredService<ILogger<ModelSummarizer>>()));
        services.TryAddSingleton(CreateRanker);
        services.AddSingleton<AssistantTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<AssistantTurns>());
        services.AddSingleton<ClaimAssistantService>();
        return services;
    }

    private static bool IsOffline(IServiceProvider services) => services.GetRequiredService<IOptions<ModelOptions>>().Value.IsOffline;

    /// <summary>Embeddings only with a model endpoint configured and the switch on; BM25 otherwise (offline, or switched off).</summary>
    private static IRelevanceRanker CreateRanker(IServiceProvider services)
    {
        var assistant = services.GetRequiredService<IOptions<AssistantOptions>>().Value;
        if (IsOffline(services) || !assistant.UseEmbeddings)
        {
            return new Bm25Ranker();
        }

        var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ModelServiceCollectionExtensions.HttpClientName);
        var credential = services.GetKeyedService<TokenCredential>(ModelServiceCollectionExtensions.CredentialServiceKey);
        return new EmbeddingRanker(EmbeddingRanker.CreateClient(model, assistant.EmbeddingModel, http, credential), services.GetRequiredService<ILogger<EmbeddingRanker>>());
    }

    /// <summary>The live sessions container, as the session store opens it: conversations sit in each claim's session folder.</summary>
    private static IObjectContainer CreateContainer(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var location = services.GetRequiredService<IOptions<ClaimsOptions>>().Value.SessionLocation;
        IObjectContainer container = storage.UsesBlobStorage
            ? new BlobObjectContainer(services.GetRequiredKeyedService<BlobServiceClient>(BlobClientFactory.ServiceKey)
                .GetBlobContainerClient(string.IsNullOrWhiteSpace(location) ? storage.SessionsContainer : location))
            : new FolderObjectContainer(string.IsNullOrWhiteSpace(location) ? Path.Combine(storage.DataDirectory, storage.SessionsContainer) : Path.GetFullPath(location));

        // Counted like the session store's writes: a hanging conversation write shows in /api/health.
        return services.GetService<StorageWriteWatch>() is { } watch ? new WatchedObjectContainer(container, watch, "conversation") : container;
    }
}
