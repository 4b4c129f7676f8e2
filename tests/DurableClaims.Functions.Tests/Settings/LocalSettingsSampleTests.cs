using System.Reflection;
using System.Text.RegularExpressions;
using DurableClaims.Configuration;
using DurableClaims.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace DurableClaims.Functions.Tests.Settings;

/// <summary>local.settings.sample.json is what a developer copies to run the Functions app with Azurite.</summary>
public sealed partial class LocalSettingsSampleTests
{
    private readonly IReadOnlyDictionary<string, string?> _values = JsonFiles.LocalSettingsValues();

    [Fact]
    public void Sample_ShouldTargetAzuriteAndTheIsolatedWorker()
    {
        Assert.False((bool?)JsonFiles.Read("local.settings.sample.json")["IsEncrypted"] ?? true);
        Assert.Equal("UseDevelopmentStorage=true", _values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", _values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Sample_TaskHubName_ShouldBeAValidDurableTaskHubName()
    {
        // Azure Storage task hubs: 3-45 characters, letters and digits, starting with a letter.
        Assert.Matches(TaskHubName(), _values["TASKHUB_NAME"]);
    }

    [Fact]
    public void Sample_ShouldCarryTheOriginalOrchestrationSettingsWithTheirDefaults()
    {
        Assert.Equal("true", _values["ORCHESTRATION_ENABLE_HITL"]);
        Assert.Equal("15", _values["ORCHESTRATION_MAX_ROUNDS"]);
        Assert.Equal("3", _values["ORCHESTRATION_STALL_THRESHOLD"]);
    }

    [Fact]
    public void Sample_ShouldKeepEverySecretEmpty()
    {
        var secrets = _values.Where(p => SecretName().IsMatch(p.Key)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, p => Assert.True(string.IsNullOrEmpty(p.Value), $"{p.Key} must be empty in the sample"));
    }

    [Fact]
    public void Sample_ClaimsSettings_ShouldBindToTheWorkflowOptions()
    {
        var configuration = Configuration();
        var claims = configuration.GetSection(ClaimsOptions.SectionName).Get<ClaimsOptions>() ?? new ClaimsOptions();
        var invalid = ClaimsConfiguration.ApplyFlatNames(configuration, claims);
        var model = configuration.GetSection(ModelOptions.SectionName).Get<ModelOptions>() ?? new ModelOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();

        Assert.Empty(invalid);
        Assert.True(claims.EnableHumanInTheLoop);
        Assert.Equal(15, claims.MaxRounds);
        Assert.Equal(3, claims.StallThreshold);
        Assert.Equal(TimeSpan.FromDays(14), claims.DocumentDeadline);
        Assert.Equal(TimeSpan.FromDays(2), claims.ReminderInterval);
        Assert.True(model.IsOffline);
        Assert.Equal("sessions", storage.SessionsContainer);
        Assert.Equal("sessions-archive", storage.ArchiveContainer);
        Assert.Equal("claim-documents", storage.DocumentsContainer);
    }

    [Fact]
    public void Sample_EveryClaimsSetting_ShouldNameAPropertyTheLibraryBinds()
    {
        // A misspelt key (Claims__DocumentDeadLine, Claims__Model__Name) would be ignored silently.
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            [ClaimsOptions.SectionName] = typeof(ClaimsOptions),
            [ModelOptions.SectionName] = typeof(ModelOptions),
            [StorageOptions.SectionName] = typeof(StorageOptions),
            [WebhookOptions.SectionName] = typeof(WebhookOptions),
        };

        var unknown = _values.Keys
            .Where(key => key.StartsWith(ClaimsOptions.SectionName + "__", StringComparison.OrdinalIgnoreCase))
            .Where(key =>
            {
                var path = key.Replace("__", ":", StringComparison.Ordinal);
                var separator = path.LastIndexOf(':');
                return !sections.TryGetValue(path[..separator], out var type)
                    || type.GetProperty(path[(separator + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null;
            })
            .ToList();

        Assert.Empty(unknown);
    }

    private IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(_values.Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value)))
            .Build();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();

    [GeneratedRegex("(ApiKey|Secret|Password|AccountKey)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
