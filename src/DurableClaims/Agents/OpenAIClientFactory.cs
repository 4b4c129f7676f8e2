using System.ClientModel;
using System.ClientModel.Primitives;
using DurableClaims.Configuration;
using OpenAI;

namespace DurableClaims.Agents;

/// <summary>Creates the OpenAI SDK client that calls an Azure OpenAI OpenAI-compatible endpoint with Entra ID bearer tokens.</summary>
internal static class OpenAIClientFactory
{
    /// <summary>Creates a client whose pipeline adds <c>Authorization: Bearer</c> with a token for <see cref="ModelOptions.AzureOpenAIScope"/>.</summary>
    /// <param name="endpoint">The OpenAI-compatible base URL, e.g. <c>https://name.openai.azure.com/openai/v1/</c>.</param>
    /// <param name="tokenProvider">The credential (an Azure.Core <c>TokenCredential</c> is one); the policy caches and refreshes its tokens.</param>
    /// <param name="httpClient">The transport (the named claims-model client, with its timeout).</param>
    /// <param name="timeout">The network timeout of one call.</param>
    public static OpenAIClient CreateWithBearerToken(Uri endpoint, AuthenticationTokenProvider tokenProvider, HttpClient httpClient, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(httpClient);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(httpClient),
            NetworkTimeout = timeout,
        };

        // OPENAI001: the SDK marks its authentication-policy constructor experimental; it is the SDK's own way to
        // authenticate with tokens instead of a key (the Azure OpenAI v1 endpoint accepts both), so we accept it here only.
#pragma warning disable OPENAI001
        return new OpenAIClient(new BearerTokenPolicy(tokenProvider, ModelOptions.AzureOpenAIScope), options);
#pragma warning restore OPENAI001
    }
}
