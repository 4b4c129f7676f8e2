using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace DurableClaims.DurableTask.AzureStorage.Tests;

/// <summary>How the task hub's account and name are read from the settings a Functions app uses.</summary>
public sealed class AzureStorageConnectionTests
{
    private static readonly TokenCredential AppCredential = new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);

    [Fact]
    public void Apply_ConnectionStringAndTaskHubName_ShouldUseThem()
    {
        var options = Apply(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["TASKHUB_NAME"] = "ClaimsHub2" });

        Assert.Equal(("UseDevelopmentStorage=true", "ClaimsHub2", (AzureStorageEndpoints?)null), (options.ConnectionString, options.TaskHubName, options.Endpoints));
    }

    [Fact]
    public void Apply_AccountNameWithManagedIdentity_ShouldUseThePublicEndpointsAndTheAppsCredential()
    {
        string? asked = null;

        var options = Apply(
            new() { ["AzureWebJobsStorage:accountName"] = "claimsacct", ["AzureWebJobsStorage:credential"] = "managedidentity", ["AzureWebJobsStorage:clientId"] = "id-1" },
            (credential, clientId) =>
            {
                asked = $"{credential}/{clientId}";
                return AppCredential;
            });

        Assert.Equal(new Uri("https://claimsacct.queue.core.windows.net/"), options.Endpoints?.Queue);
        Assert.Same(AppCredential, options.Credential);
        Assert.Equal("managedidentity/id-1", asked);
    }

    [Fact]
    public void Validate_NoConnection_ShouldNameTheSetting()
    {
        var options = Apply([]);

        Assert.Contains("AzureWebJobsStorage", options.Validate(), StringComparison.Ordinal);
    }

    private static AzureStorageTaskHubOptions Apply(Dictionary<string, string?> settings, Func<string?, string?, TokenCredential>? credentials = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new AzureStorageTaskHubOptions();
        AzureStorageConnection.Apply(configuration, options, credentials ?? ((_, _) => AppCredential));
        return options;
    }
}
