using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using DurableClaims.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Tests.Configuration;

public sealed class AddDurableClaimsTests
{
    private static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddDurableClaims(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddDurableClaims_NothingConfigured_ShouldUseTheOriginalDefaults()
    {
        using var services = Build();

        var options = services.GetRequiredService<IOptions<ClaimsOptions>>().Value;

        Assert.Equal((true, 15, 3, true), (options.EnableHumanInTheLoop, options.MaxRounds, options.StallThreshold, options.PersistSessions));
    }

    [Fact]
    public void AddDurableClaims_FlatEnvironmentNames_ShouldOverrideTheClaimsSection()
    {
        using var services = Build(
            ("Claims:MaxRounds", "9"), ("ORCHESTRATION_MAX_ROUNDS", "7"), ("ORCHESTRATION_ENABLE_HITL", "false"),
            ("ORCHESTRATION_STALL_THRESHOLD", "5"), ("SESSION_PERSISTENCE_ENABLED", "0"));

        var options = services.GetRequiredService<IOptions<ClaimsOptions>>().Value;

        Assert.Equal((false, 7, 5, false), (options.EnableHumanInTheLoop, options.MaxRounds, options.StallThreshold, options.PersistSessions));
    }

    [Fact]
    public void AddDurableClaims_InvalidValues_ShouldFailNamingEachSetting()
    {
        using var services = Build(("ORCHESTRATION_MAX_ROUNDS", "many"), ("Claims:StallThreshold", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClaimsOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("ORCHESTRATION_MAX_ROUNDS must be a whole number", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Claims:StallThreshold (ORCHESTRATION_STALL_THRESHOLD)", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_OpenAIWithoutKey_ShouldFailValidation()
    {
        using var services = Build(("Claims:Model:Provider", "openai"), ("Claims:Model:Model", "gpt-4o-mini"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ModelOptions>>().Value);

        Assert.Contains("Claims:Model:ApiKey is required for the openai provider.", error.Failures);
    }

    [Fact]
    public void AddDurableClaims_WebhookWithoutSecret_ShouldFailValidation()
    {
        using var services = Build(("Claims:Webhooks:Urls:0", "https://example.com/hook"));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);
    }

    [Fact]
    public void AddDurableClaims_DefaultProvider_ShouldBeTheOfflineModel()
    {
        using var services = Build();

        Assert.IsType<DurableClaims.Agents.Offline.OfflineClaimsModel>(services.GetRequiredService<IChatCompletionService>());
    }

    [Fact]
    public void AddDurableClaims_OpenAIProvider_ShouldUseTheOpenAIConnector()
    {
        using var services = Build(("Claims:Model:Provider", "openai"), ("Claims:Model:Model", "gpt-4o-mini"), ("Claims:Model:ApiKey", "k"), ("Claims:Model:Endpoint", "https://example.openai.azure.com/openai/v1/"));

        Assert.IsType<Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService>(services.GetRequiredService<IChatCompletionService>());
    }

    [Fact]
    public void AddDurableClaims_NoStorageConnection_ShouldUseFolderStoresUnderTheDataDirectory()
    {
        using var folder = new Testing.TempDirectory();
        using var services = Build(("DURABLECLAIMS_DATA", folder.Path));

        var sessions = Assert.IsType<FolderSessionStore>(services.GetRequiredService<ISessionStore>());

        Assert.Equal(folder.Combine("sessions", "CLM-1", "session.json"), sessions.Live.LocationOf("CLM-1/session.json"));
        Assert.IsType<FolderDocumentStore>(services.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void AddDurableClaims_DevelopmentStorage_ShouldUseBlobStores()
    {
        using var services = Build(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        Assert.IsType<BlobSessionStore>(services.GetRequiredService<ISessionStore>());
        Assert.IsType<BlobDocumentStore>(services.GetRequiredService<IDocumentStore>());
    }
}
