using DurableClaims.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace DurableClaims.Tests.Configuration;

/// <summary>Start-up validation of the token-based (managed identity) model settings.</summary>
public sealed class ModelCredentialOptionsTests
{
    private const string Endpoint = "https://claims-openai.openai.azure.com/openai/v1/";
    private const string ClientId = "6f1c2a57-5d2e-4a38-9c1b-2f7d3e8a9b10";

    private static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var all = new[] { ("Claims:Model:Provider", (string?)"openai"), ("Claims:Model:Model", "gpt-4o-mini") }.Concat(settings);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(all.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)))
            .Build();
        return new ServiceCollection().AddLogging().AddDurableClaims(configuration).BuildServiceProvider();
    }

    private static List<string> StartUpFailures(ServiceProvider services)
        => Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate()).Failures.ToList();

    [Fact]
    public void AddDurableClaims_ManagedIdentityWithEndpoint_ShouldUseTheOpenAIConnectorWithoutAKey()
    {
        using var services = Build(("Claims:Model:Endpoint", Endpoint), ("Claims:Model:Credential", "managedidentity"), ("Claims:Model:ClientId", ClientId));

        var model = services.GetRequiredService<IChatCompletionService>();

        Assert.IsType<OpenAIChatCompletionService>(model);
    }

    [Fact]
    public void AddDurableClaims_ApiKeyAndManagedIdentity_ShouldFailStartUpAsMutuallyExclusive()
    {
        using var services = Build(("Claims:Model:Endpoint", Endpoint), ("Claims:Model:Credential", "managedidentity"), ("Claims:Model:ApiKey", "k"));

        var failures = StartUpFailures(services);

        Assert.Contains(failures, f => f.StartsWith("Claims:Model:ApiKey and Claims:Model:Credential are mutually exclusive", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_ManagedIdentityWithoutEndpoint_ShouldFailStartUpAskingForTheEndpoint()
    {
        using var services = Build(("Claims:Model:Credential", "managedidentity"));

        var failures = StartUpFailures(services);

        Assert.Contains(failures, f => f.StartsWith("Claims:Model:Endpoint is required with Claims:Model:Credential", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_ManagedIdentityOverPlainHttp_ShouldFailStartUp()
    {
        using var services = Build(("Claims:Model:Endpoint", "http://claims-openai.openai.azure.com/openai/v1/"), ("Claims:Model:Credential", "managedidentity"));

        var failures = StartUpFailures(services);

        Assert.Contains(failures, f => f.StartsWith("Claims:Model:Endpoint must be an https URL", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_UnknownModelCredential_ShouldFailStartUpNamingTheSetting()
    {
        using var services = Build(("Claims:Model:Endpoint", Endpoint), ("Claims:Model:Credential", "apikey"));

        var failures = StartUpFailures(services);

        Assert.Contains(failures, f => f.StartsWith("Claims:Model:Credential must be", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_ClientIdWithApiKey_ShouldFailStartUp()
    {
        using var services = Build(("Claims:Model:Endpoint", Endpoint), ("Claims:Model:ApiKey", "k"), ("Claims:Model:ClientId", ClientId));

        var failures = StartUpFailures(services);

        Assert.Contains(failures, f => f.StartsWith("Claims:Model:ClientId applies only with Claims:Model:Credential", StringComparison.Ordinal));
    }
}
