using System.Net;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>Uploads through the claim's link (Blob Storage on Azurite) count only when they hold content.</summary>
public sealed class DocumentsUploadEvidenceTests(EventGridHostFixture fixture) : IClassFixture<EventGridHostFixture>
{
    private const string Route = "/api/events/blob-created";

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task EventGrid_EmptyBlobCreated_ShouldReturn200AndNotCountIt()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var blob = fixture.Documents.GetBlobClient($"{claimId}/receipts/empty.pdf");
        var info = await blob.UploadAsync(BinaryData.FromBytes([]), overwrite: true);

        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(blob.Uri.ToString(), info.Value.ETag.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal((0, 1), (result.GetProperty("raised").GetInt32(), result.GetProperty("ignored").GetInt32()));
        Assert.Equal(0, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task EventGrid_BlobOfATypeTheClaimDoesNotExpect_ShouldReturn200AndNotCountIt()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var blob = fixture.Documents.GetBlobClient($"{claimId}/wedding_photos/cake.jpg");
        var info = await blob.UploadAsync(BinaryData.FromString("cake"), overwrite: true);

        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(blob.Uri.ToString(), info.Value.ETag.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("ignored").GetInt32());
        Assert.Equal(0, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task EventGrid_BlobWithContent_ShouldRaiseItWithItsSha256()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var blob = fixture.Documents.GetBlobClient($"{claimId}/receipts/hotel.pdf");
        var info = await blob.UploadAsync(BinaryData.FromString("Hotel 120 EUR"), overwrite: true);

        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(blob.Uri.ToString(), info.Value.ETag.ToString())));
        await TestClaims.WaitForStatusAsync(Client, claimId, s => s is not ("paused" or "running"));
        var history = await Client.GetStringAsync($"/runtime/webhooks/durabletask/instances/{claimId}?showHistory=true&showHistoryOutput=true");

        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("raised").GetInt32());
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Hotel 120 EUR"u8)), history, StringComparison.Ordinal);
    }
}
