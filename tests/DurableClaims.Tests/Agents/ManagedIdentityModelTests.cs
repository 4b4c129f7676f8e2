using Azure.Core;
using DurableClaims.Agents;
using DurableClaims.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Tests.Agents;

/// <summary>The model configured with Claims:Model:Credential calls its endpoint with the identity's bearer token.</summary>
public sealed class ManagedIdentityModelTests : IDisposable
{
    private readonly LoopbackChatEndpoint _endpoint = new();
    private readonly FixedTokenCredential _credential = new();

    public void Dispose() => _endpoint.Dispose();

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Claims:Model:Provider"] = "openai",
                ["Claims:Model:Model"] = "gpt-claims",
                ["Claims:Model:Endpoint"] = _endpoint.Url.ToString(),
                ["Claims:Model:Credential"] = "managedidentity",
                ["Claims:Model:ClientId"] = "6f1c2a57-5d2e-4a38-9c1b-2f7d3e8a9b10",
            })
            .Build();

        // The managed identity endpoint does not exist here: the fake stands in for Entra ID, the listener for Azure OpenAI.
        return new ServiceCollection()
            .AddLogging()
            .AddDurableClaims(configuration)
            .AddKeyedSingleton<TokenCredential>(ModelServiceCollectionExtensions.CredentialServiceKey, _credential)
            .AddHttpClient(ModelServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(_endpoint.CreateTrustingHandler).Services
            .BuildServiceProvider();
    }

    private static async Task<string?> AskAsync(ServiceProvider services)
    {
        var model = services.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage("Is claim CLM-1 complete?");
        var reply = await model.GetChatMessageContentsAsync(history);
        return reply[0].Content;
    }

    [Fact]
    public async Task GetChatMessageContents_ManagedIdentity_ShouldSendTheIdentitysBearerToken()
    {
        using var services = Build();

        var content = await AskAsync(services);

        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal("Bearer " + FixedTokenCredential.Token, request.Authorization);
        Assert.Equal(LoopbackChatEndpoint.Reply, content);
    }

    [Fact]
    public async Task GetChatMessageContents_ManagedIdentity_ShouldRequestATokenForAzureOpenAI()
    {
        using var services = Build();

        await AskAsync(services);

        Assert.Equal([ModelOptions.AzureOpenAIScope], Assert.Single(_credential.RequestedScopes));
    }

    [Fact]
    public async Task GetChatMessageContents_ManagedIdentity_ShouldCallTheChatCompletionsRouteOfTheEndpoint()
    {
        using var services = Build();

        await AskAsync(services);

        Assert.Equal("/openai/v1/chat/completions", Assert.Single(_endpoint.Requests).Path);
    }
}
