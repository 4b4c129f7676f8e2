using Azure.Identity;
using Azure.Storage.Blobs;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using DurableClaims.Sessions;
using DurableClaims.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Configuration;

/// <summary>Which stores AddDurableClaims selects from the storage settings (no network: clients are built, never called).</summary>
public sealed class StorageSelectionTests
{
    private const string ClientId = "6f1c2a57-5d2e-4a38-9c1b-2f7d3e8a9b10";
    private const string ServiceUri = "https://claimsprod.blob.core.windows.net/";

    private static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddDurableClaims(configuration).BuildServiceProvider();
    }

    // The settings infra/app/function-app.bicep gives the Function App (environment "__" is ":" here).
    private static ServiceProvider BuildAzureIdentitySettings() => Build(
        ("AzureWebJobsStorage:blobServiceUri", ServiceUri),
        ("AzureWebJobsStorage:queueServiceUri", "https://claimsprod.queue.core.windows.net/"),
        ("AzureWebJobsStorage:credential", "managedidentity"),
        ("AzureWebJobsStorage:clientId", ClientId));

    private static BlobServiceClient Client(ServiceProvider services)
        => services.GetRequiredKeyedService<BlobServiceClient>(BlobClientFactory.ServiceKey);

    [Fact]
    public void AddDurableClaims_HostBlobServiceUri_ShouldUseBlobStores()
    {
        using var services = BuildAzureIdentitySettings();

        var stores = (services.GetRequiredService<ISessionStore>(), services.GetRequiredService<IDocumentStore>());

        Assert.IsType<BlobSessionStore>(stores.Item1);
        Assert.IsType<BlobDocumentStore>(stores.Item2);
    }

    [Fact]
    public void AddDurableClaims_HostBlobServiceUri_ShouldBuildAKeylessClientOnThatUri()
    {
        using var services = BuildAzureIdentitySettings();

        var client = Client(services);

        Assert.Equal(new Uri(ServiceUri), client.Uri);
        Assert.False(client.CanGenerateAccountSasUri);
    }

    [Fact]
    public void AddDurableClaims_ManagedIdentityCredential_ShouldAuthenticateAsTheManagedIdentity()
    {
        using var services = BuildAzureIdentitySettings();
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        var credential = BlobClientFactory.CredentialFor(options);

        Assert.IsType<ManagedIdentityCredential>(credential);
        Assert.Equal(ClientId, options.ClientId);
    }

    [Fact]
    public void AddDurableClaims_ServiceUriWithoutCredential_ShouldUseTheDefaultCredentialChain()
    {
        using var services = Build(("AzureWebJobsStorage:blobServiceUri", ServiceUri));

        var credential = BlobClientFactory.CredentialFor(services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.IsType<DefaultAzureCredential>(credential);
    }

    [Fact]
    public void AddDurableClaims_HostAccountName_ShouldUseThatAccountsBlobEndpoint()
    {
        using var services = Build(("AzureWebJobsStorage:accountName", "claimsprod"), ("AzureWebJobsStorage:credential", "managedidentity"));

        Assert.Equal(new Uri(ServiceUri), Client(services).Uri);
    }

    [Fact]
    public void AddDurableClaims_ClaimsStorageServiceUri_ShouldWinOverAzureWebJobsStorage()
    {
        using var services = Build(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
            ("Claims:Storage:BlobServiceUri", "https://claimsdocs.blob.core.windows.net/"),
            ("Claims:Storage:Credential", "managedidentity"));

        Assert.Equal(new Uri("https://claimsdocs.blob.core.windows.net/"), Client(services).Uri);
    }

    [Fact]
    public void AddDurableClaims_ClaimsStorageConnectionString_ShouldUseAKeySignedClient()
    {
        using var services = Build(("Claims:Storage:ConnectionString", "UseDevelopmentStorage=true"));

        var client = Client(services);

        Assert.True(client.CanGenerateAccountSasUri);
        Assert.IsType<BlobDocumentStore>(services.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void AddDurableClaims_EmptyStorageConnection_ShouldUseFolderStores()
    {
        using var folder = new Testing.TempDirectory();
        using var services = Build(("DURABLECLAIMS_DATA", folder.Path), ("AzureWebJobsStorage", ""));

        Assert.IsType<FolderSessionStore>(services.GetRequiredService<ISessionStore>());
        Assert.IsType<FolderDocumentStore>(services.GetRequiredService<IDocumentStore>());
    }

    [Theory]
    [InlineData("claimsprod.blob.core.windows.net")]
    [InlineData("http://claimsprod.blob.core.windows.net/")]
    [InlineData("ftp://claimsprod/")]
    public void AddDurableClaims_InvalidBlobServiceUri_ShouldFailStartUpNamingTheSetting(string uri)
    {
        using var services = Build(("AzureWebJobsStorage:blobServiceUri", uri), ("AzureWebJobsStorage:credential", "managedidentity"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("AzureWebJobsStorage__blobServiceUri must be an absolute https URL", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_ConnectionStringAndServiceUri_ShouldFailStartUp()
    {
        using var services = Build(("Claims:Storage:ConnectionString", "UseDevelopmentStorage=true"), ("Claims:Storage:BlobServiceUri", ServiceUri));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.EndsWith("not both.", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_UnknownCredential_ShouldFailStartUpNamingTheSetting()
    {
        using var services = Build(("AzureWebJobsStorage:blobServiceUri", ServiceUri), ("AzureWebJobsStorage:credential", "connectionstring"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith("Claims:Storage:Credential (AzureWebJobsStorage__credential)", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDurableClaims_ClientIdWithConnectionString_ShouldFailStartUp()
    {
        using var services = Build(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("AzureWebJobsStorage:clientId", ClientId));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("apply only to a blob service URI", StringComparison.Ordinal));
    }
}
