namespace DurableClaims.Configuration;

/// <summary>Which chat model the agents use, bound from "Claims:Model".</summary>
public sealed class ModelOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims:Model";

    /// <summary>The offline deterministic claims model (default, no network).</summary>
    public const string OfflineProvider = "offline";

    /// <summary>OpenAI, or any OpenAI-compatible endpoint such as Azure OpenAI's /openai/v1/.</summary>
    public const string OpenAIProvider = "openai";

    /// <summary>Gets or sets <c>offline</c> or <c>openai</c>.</summary>
    public string Provider { get; set; } = OfflineProvider;

    /// <summary>Gets or sets the OpenAI-compatible endpoint; null uses api.openai.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The Entra ID scope of Azure OpenAI; tokens of the managed identity are requested for it.</summary>
    public const string AzureOpenAIScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Gets or sets the API key (mutually exclusive with <see cref="Credential"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the Entra ID credential of an Azure OpenAI endpoint: <c>managedidentity</c> or <c>default</c>; empty authenticates with <see cref="ApiKey"/>.</summary>
    public string? Credential { get; set; }

    /// <summary>Gets or sets the client id of the user-assigned managed identity <see cref="Credential"/> uses; empty uses the system-assigned one.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the header that carries the key: <c>Authorization</c> (Bearer, OpenAI) or <c>api-key</c> (Azure OpenAI).</summary>
    public string ApiKeyHeader { get; set; } = "Authorization";

    /// <summary>Gets or sets the model or deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the HTTP timeout of one model call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets or sets how many tool calls one agent turn may make.</summary>
    public int MaxToolCalls { get; set; } = 4;

    /// <summary>Gets whether the model is called with an Entra ID bearer token instead of an API key.</summary>
    public bool UsesTokenCredential => !string.IsNullOrWhiteSpace(Credential);

    /// <summary>Gets whether the offline model is selected.</summary>
    public bool IsOffline => string.Equals(Provider, OfflineProvider, StringComparison.OrdinalIgnoreCase);
}
