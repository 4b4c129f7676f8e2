using Azure;
using Azure.Storage.Blobs;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Intake;

/// <summary>What a paused claim's upload link (a SAS on Azurite) allows.</summary>
public sealed class UploadLinkTests(EventGridHostFixture fixture) : IClassFixture<EventGridHostFixture>
{
    private static readonly BlobClientOptions AzuriteVersion = new(BlobClientOptions.ServiceVersion.V2026_06_06);

    [Fact]
    public async Task UploadLink_ExistingDocument_ShouldRefuseToOverwriteIt()
    {
        var claimId = await TestClaims.StartPausedAsync(fixture.Host.Client);
        var existing = $"{claimId}/booking_confirmation/booking.pdf";
        await fixture.Documents.UploadBlobAsync(existing, BinaryData.FromString("original"));
        var link = await UploadLinkAsync(claimId, "booking_confirmation/booking.pdf");

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(link, AzuriteVersion).UploadAsync(BinaryData.FromString("forged"), overwrite: true));

        Assert.Equal(403, refused.Status);
        Assert.Equal("original", (await fixture.Documents.GetBlobClient(existing).DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadLink_NewDocument_ShouldBeAccepted()
    {
        var claimId = await TestClaims.StartPausedAsync(fixture.Host.Client);
        var link = await UploadLinkAsync(claimId, "receipts/hotel.pdf");

        await new BlobClient(link, AzuriteVersion).UploadAsync(BinaryData.FromString("receipt"));

        Assert.True((await fixture.Documents.GetBlobClient($"{claimId}/receipts/hotel.pdf").ExistsAsync()).Value);
    }

    private async Task<Uri> UploadLinkAsync(string claimId, string relativePath)
    {
        var status = await TestClaims.WaitForStatusAsync(fixture.Host.Client, claimId, s => s == "paused");
        var link = new UriBuilder(status.GetProperty("uploadUrl").GetString()!);
        link.Path = link.Path.TrimEnd('/') + "/" + relativePath;
        return link.Uri;
    }
}
