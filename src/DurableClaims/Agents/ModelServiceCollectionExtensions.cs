using Azure.Core;
using DurableClaims.Agents.Offline;
using DurableClaims.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace DurableClaims.Agents;

/// <summary>Registers the agents and the chat model chosen by <see cref="ModelOptions"/>.</summary>
internal static class ModelServiceCollectionExtensions
{
    /// <summary>The named HttpClient the OpenAI connector uses.</summary>
    public const string HttpClientName = "claims-model";

    /// <summary>The key of an optional <see cref="TokenCredential"/> service that replaces the one Claims:Model:Credential names (a host's own credential, or a test double).</summary>
    public const string CredentialServiceKey = ModelOptions.SectionName;

    public static IServiceCollection AddClaimAgents(this IServiceCollection services)
    {
        services.AddSingleton<OfflineAnalyst>();
        services.AddSingleton<OfflineClaimsModel>();
        services.AddTransient<ApiKeyHeaderHandler>();
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<ModelOptions>>().Value.Timeout)
            .AddHttpMessageHandler<ApiKeyHeaderHandler>();
        services.AddSingleton<IChatCompletionService>(CreateModel);
        services.AddSingleton<AgentRunner>();
        services.AddSingleton<ClaimTeam>();
        return services;
    }

    private static IChatCompletionService CreateModel(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        if (options.IsOffline)
        {
            return services.GetRequiredService<OfflineClaimsModel>();
        }

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var loggers = services.GetService<ILoggerFactory>();
        if (options.UsesTokenCredential)
        {
            // Azure OpenAI with key access disabled: the managed identity's bearer token, added by the OpenAI SDK's pipeline.
            var credential = services.GetKeyedService<TokenCredential>(CredentialServiceKey) ?? AzureCredentials.Get(options.Credential, options.ClientId);
            var client = OpenAIClientFactory.CreateWithBearerToken(options.Endpoint!, credential, http, options.Timeout);
            return new OpenAIChatCompletionService(options.Model!, client, loggers);
        }

        return options.Endpoint is null
            ? new OpenAIChatCompletionService(options.Model!, options.ApiKey!, httpClient: http, loggerFactory: loggers)
            : new OpenAIChatCompletionService(options.Model!, options.Endpoint, options.ApiKey, httpClient: http, loggerFactory: loggers);
    }
}

/// <summary>Moves the key from <c>Authorization: Bearer</c> to <c>api-key</c> when the endpoint (Azure OpenAI) expects that header.</summary>
internal sealed class ApiKeyHeaderHandler : DelegatingHandler
{
    private readonly IOptions<ModelOptions> _options;

    public ApiKeyHeaderHandler(IOptions<ModelOptions> options) => _options = options;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (string.Equals(options.ApiKeyHeader, "api-key", StringComparison.OrdinalIgnoreCase) && options.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = null;
            request.Headers.Remove("api-key");
            request.Headers.Add("api-key", key);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
