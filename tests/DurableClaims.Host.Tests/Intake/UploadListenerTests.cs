using System.Net;
using System.Web;
using Azure.Storage.Blobs;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Intake;

public sealed class UploadListenerTests(ListenerHostFixture fixture) : IClassFixture<ListenerHostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task Listener_BlobUploadedForPausedClaim_ShouldResumeIt()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);

        await fixture.Documents.UploadBlobAsync($"{claimId}/receipts/hotel.pdf", BinaryData.FromString("receipt"));

        var status = await TestClaims.WaitForStatusAsync(Client, claimId, s => s is not ("paused" or "running"));
        Assert.Contains("receipts", status.GetProperty("receivedDocuments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task Listener_BadPathsThenGoodUpload_ShouldIgnoreBadOnesAndKeepListening()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        await fixture.Documents.UploadBlobAsync("NO-SUCH-CLAIM/receipts/x.pdf", BinaryData.FromString("x"));
        await fixture.Documents.UploadBlobAsync($"{claimId}/just-a-file.pdf", BinaryData.FromString("x"));
        await fixture.Documents.UploadBlobAsync($"{claimId}/receipts/a/too-deep.pdf", BinaryData.FromString("x"));

        await fixture.Documents.UploadBlobAsync($"{claimId}/receipts/good.pdf", BinaryData.FromString("receipt"));

        await TestClaims.WaitForStatusAsync(Client, claimId, s => s is not ("paused" or "running"));
        Assert.Equal(1, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task Listener_HostRestartedOverHandledUpload_ShouldNotRaiseItAgain()
    {
        var claimId = await RuntimeProbe.StartMissingBothAsync(Client);
        await fixture.Documents.UploadBlobAsync($"{claimId}/receipts/hotel.pdf", BinaryData.FromString("receipt"));
        await RuntimeProbe.WaitForReceivedAsync(Client, claimId, "receipts");

        await fixture.RestartHostAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several polls of the new listener

        Assert.Equal(1, await RuntimeProbe.CountRaisedAsync(Client, claimId));
        Assert.Equal("paused", (await TestClaims.WaitForStatusAsync(Client, claimId, _ => true)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SubmitDocuments_ViaApiOnBlobStore_ShouldStoreBlobAndRaiseOnlyOnce()
    {
        var claimId = await RuntimeProbe.StartMissingBothAsync(Client);

        using var response = await TestClaims.PostDocumentsAsync(Client, claimId, "receipts");
        await RuntimeProbe.WaitForReceivedAsync(Client, claimId, "receipts");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the listener sees the stored blob meanwhile

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await fixture.Documents.GetBlobClient($"{claimId}/receipts/receipts.txt").ExistsAsync());
        Assert.Equal(1, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task GetClaim_PausedOnBlobStore_ShouldCarryAOneDocumentSasUrlExpiringWithinTheLinkLifetime()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);

        var status = await TestClaims.WaitForStatusAsync(Client, claimId, s => s == "paused");

        var uploadUrl = new Uri(status.GetProperty("uploadUrl").GetString()!);
        Assert.Contains($"/claim-documents/{claimId}/receipts/", uploadUrl.AbsolutePath, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(uploadUrl.Query);
        Assert.Equal("b", query["sr"]);
        Assert.False(string.IsNullOrEmpty(query["sig"]));
        var expires = DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(4).AddMinutes(1));
    }

    [Fact]
    public async Task UploadUrl_BlobPutThroughIt_ShouldResumeTheClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var status = await TestClaims.WaitForStatusAsync(Client, claimId, s => s == "paused");
        var uploadUrl = new Uri(status.GetProperty("uploadUrl").GetString()!);

        await new BlobClient(uploadUrl, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06))
            .UploadAsync(BinaryData.FromString("receipt"));

        await TestClaims.WaitForStatusAsync(Client, claimId, s => s is not ("paused" or "running"));
    }
}
