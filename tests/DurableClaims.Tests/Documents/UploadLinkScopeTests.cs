using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using DurableClaims.Documents;
using DurableClaims.Storage;
using DurableClaims.Testing;
using DurableClaims.Tests.Sessions;

namespace DurableClaims.Tests.Documents;

/// <summary>What an upload link (a blob SAS on Azurite) lets its holder create: that one document, nothing else.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class UploadLinkScopeTests
{
    private static readonly BlobClientOptions AzuriteVersion = new(BlobClientOptions.ServiceVersion.V2026_06_06);
    private readonly BlobContainerClient _container;
    private readonly BlobDocumentStore _store;

    public UploadLinkScopeTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _container = BlobClientFactory.Create(azurite.ConnectionString).GetBlobContainerClient($"links-{Guid.NewGuid():N}"[..21]);
        _store = new BlobDocumentStore(_container);
    }

    private async Task<Uri> LinkAsync(string claimId = "CLM-A", string type = "police_report", string filename = "report.pdf")
    {
        await _container.CreateIfNotExistsAsync();
        return _store.CreateUploadUri(claimId, type, filename, DateTimeOffset.UtcNow.AddDays(10))!;
    }

    // The same token on another blob name: what a holder would try.
    private static Uri Elsewhere(Uri link, string blobName)
        => new UriBuilder(link) { Path = string.Join('/', link.AbsolutePath.Split('/')[..3]) + "/" + blobName }.Uri;

    [Fact]
    public async Task UploadLink_ItsDocument_ShouldBeCreated()
    {
        var link = await LinkAsync();

        await new BlobClient(link, AzuriteVersion).UploadAsync(BinaryData.FromString("report"));

        Assert.True((await _container.GetBlobClient("CLM-A/police_report/report.pdf").ExistsAsync()).Value);
    }

    [Theory]
    [InlineData("CLM-B/police_report/report.pdf")]
    [InlineData("CLM-A/receipts/receipt.pdf")]
    [InlineData("report.pdf")]
    public async Task UploadLink_AnotherBlob_ShouldBeRefused(string blobName)
    {
        var link = await LinkAsync();

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(Elsewhere(link, blobName), AzuriteVersion).UploadAsync(BinaryData.FromString("forged")));

        Assert.Equal(403, refused.Status);
        Assert.False((await _container.GetBlobClient(blobName).ExistsAsync()).Value);
    }

    [Fact]
    public async Task CreateUploadUri_DistantDeadline_ShouldExpireWithinTheLinkLifetime()
    {
        var link = await LinkAsync();

        var expiresOn = DateTimeOffset.Parse(UploadSasTests.Query(link)["se"], CultureInfo.InvariantCulture);

        Assert.InRange(expiresOn, DateTimeOffset.UtcNow.AddHours(3.9), DateTimeOffset.UtcNow.AddHours(4.1));
    }

    [Fact]
    public void CreateUploadUri_DeadlinePassed_ShouldBeNull()
        => Assert.Null(_store.CreateUploadUri("CLM-A", "police_report", "report.pdf", DateTimeOffset.UtcNow.AddMinutes(-1)));
}
