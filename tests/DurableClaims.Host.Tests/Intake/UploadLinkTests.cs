using Azure;
using Azure.Storage.Blobs;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Intake;

/// <summary>What a paused claim's upload link (a SAS on Azurite) allows.</summary>
public sealed class UploadLinkTests(EventGridHostFixture fixture) : IClassFixture<EventGridHostFixture>
{
    private static readonly BlobClientOptions AzuriteVersion = new(BlobClientOptions.ServiceVersion.V2026_06_06);

    [Fact]
    public async Task UploadLink_AsGiven_ShouldStoreTheMissingDocumentOfThatClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(fixture.Host.Client);
        var link = await UploadLinkAsync(claimId);

        await new BlobClient(link, AzuriteVersion).UploadAsync(BinaryData.FromString("receipt"));

        var target = new BlobUriBuilder(link);
        Assert.StartsWith($"{claimId}/receipts/", target.BlobName, StringComparison.Ordinal);
        Assert.True((await fixture.Documents.GetBlobClient(target.BlobName).ExistsAsync()).Value);
    }

    [Fact]
    public async Task UploadLink_PointedAtAnotherClaim_ShouldBeRefused()
    {
        var claimId = await TestClaims.StartPausedAsync(fixture.Host.Client);
        var other = $"{TestClaims.NewId("OTHER")}/receipts/forged.pdf";
        var link = new BlobUriBuilder(await UploadLinkAsync(claimId)) { BlobName = other }.ToUri();

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(link, AzuriteVersion).UploadAsync(BinaryData.FromString("forged")));

        Assert.Equal(403, refused.Status);
        Assert.False((await fixture.Documents.GetBlobClient(other).ExistsAsync()).Value);
    }

    private async Task<Uri> UploadLinkAsync(string claimId)
    {
        var status = await TestClaims.WaitForStatusAsync(fixture.Host.Client, claimId, s => s == "paused");
        return new Uri(status.GetProperty("uploadUrl").GetString()!);
    }
}
