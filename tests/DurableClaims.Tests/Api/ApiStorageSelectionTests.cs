using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Configuration;
using DurableClaims.Host.Extensions;
using DurableClaims.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DurableClaims.Tests.Api;

/// <summary>The API's own Blob users (intake receipts, upload listener) on the identity-based settings Azure gives (no network: clients are built, never called).</summary>
public sealed class ApiStorageSelectionTests : IDisposable
{
    private readonly TempDirectory _data = new("api-storage");

    public void Dispose() => _data.Dispose();

    private ServiceProvider BuildWithServiceUriOnly()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage:blobServiceUri"] = "https://claimsprod.blob.core.windows.net/",
                ["AzureWebJobsStorage:credential"] = "managedidentity",
                ["AzureWebJobsStorage:clientId"] = "6f1c2a57-5d2e-4a38-9c1b-2f7d3e8a9b10",
                ["Claims:DataDirectory"] = _data.Path,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddDurableClaimsRuntime(configuration).AddUploadListener().BuildServiceProvider();
    }

    [Fact]
    public async Task IntakeReceipts_ServiceUriOnly_ShouldBeBuiltOnBlobStorage()
    {
        await using var services = BuildWithServiceUriOnly();

        var receipts = services.GetRequiredService<IIntakeReceiptStore>();

        Assert.IsType<ObjectIntakeReceiptStore>(receipts);
    }

    [Fact]
    public async Task UploadListener_ServiceUriOnly_ShouldBeTheBlobListener()
    {
        await using var services = BuildWithServiceUriOnly();

        var hosted = services.GetServices<IHostedService>();

        Assert.Single(hosted.OfType<BlobUploadListener>());
    }
}
