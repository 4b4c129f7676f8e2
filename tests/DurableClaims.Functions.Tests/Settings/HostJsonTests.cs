using System.Text.Json.Nodes;
using DurableClaims.Api;
using DurableClaims.Functions.Tests.Support;

namespace DurableClaims.Functions.Tests.Settings;

/// <summary>host.json configures the Functions host the production app runs in.</summary>
public sealed class HostJsonTests
{
    private readonly JsonObject _host = JsonFiles.Read("host.json");

    [Fact]
    public void HostJson_ShouldUseFunctionsHostSchemaVersion2()
    {
        Assert.Equal("2.0", (string?)_host["version"]);
    }

    [Fact]
    public void DurableExtension_ShouldSitAtTopLevelExtensionsAndTakeTheHubNameFromTaskhubName()
    {
        // A durableTask block nested anywhere else (e.g. under "logging") is silently ignored by the host.
        var durable = Assert.IsType<JsonObject>(_host["extensions"]?["durableTask"]);
        Assert.Equal("%TASKHUB_NAME%", (string?)durable["hubName"]);
        Assert.Null(_host["logging"]?["extensions"]);
        Assert.Equal(1, CountProperties(_host, "durableTask"));
    }

    [Fact]
    public void DurableExtension_ShouldUseAzureStorageOverTheHostConnectionWithExtendedSessionsAndConcurrencyLimits()
    {
        var durable = _host["extensions"]!["durableTask"]!;

        Assert.Equal("AzureStorage", (string?)durable["storageProvider"]?["type"]);
        Assert.Equal("AzureWebJobsStorage", (string?)durable["storageProvider"]?["connectionName"]);
        Assert.True((bool?)durable["extendedSessionsEnabled"]);
        Assert.InRange((int?)durable["maxConcurrentActivityFunctions"] ?? 0, 1, 100);
        Assert.InRange((int?)durable["maxConcurrentOrchestratorFunctions"] ?? 0, 1, 100);
        Assert.InRange((int?)durable["storageProvider"]?["partitionCount"] ?? 0, 1, 16);
    }

    [Fact]
    public void HttpRoutePrefix_ShouldEqualTheSharedRouteTablePrefix()
    {
        // The Functions HTTP triggers use ApiRoutes templates without "api/": the host adds this prefix.
        Assert.Equal(ApiRoutes.ApiPrefix, (string?)_host["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public void Telemetry_ShouldBeOpenTelemetryAndLogTheDurableTriggers()
    {
        Assert.Equal("OpenTelemetry", (string?)_host["telemetryMode"]);
        Assert.NotNull(_host["logging"]?["logLevel"]?["Host.Triggers.DurableTask"]);
    }

    private static int CountProperties(JsonNode? node, string name) => node switch
    {
        JsonObject obj => obj.Sum(p => (p.Key == name ? 1 : 0) + CountProperties(p.Value, name)),
        JsonArray array => array.Sum(item => CountProperties(item, name)),
        _ => 0,
    };
}
