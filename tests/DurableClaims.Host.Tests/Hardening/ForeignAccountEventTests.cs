using System.Net;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>On Blob Storage, an event must name a blob of the configured account: the same path in another account is refused.</summary>
public sealed class ForeignAccountEventTests(EventGridHostFixture fixture) : IClassFixture<EventGridHostFixture>
{
    [Fact(Timeout = 90_000)]
    public async Task BlobCreated_BlobInAnotherAccount_ShouldBeRefused()
    {
        var claimId = await TestClaims.StartPausedAsync(fixture.Host.Client);
        var blob = fixture.Documents.GetBlobClient($"{claimId}/receipts/r.pdf");
        var info = await blob.UploadAsync(BinaryData.FromString("%PDF-1.4 receipt"));
        var foreign = blob.Uri.ToString().Replace("/devstoreaccount1/", "/otheraccount/", StringComparison.Ordinal);

        using var response = await fixture.Host.Client.PostAsync(
            "/api/events/blob-created", TestClaims.Json(EventPayloads.EventGridBlobCreated(foreign, info.Value.ETag.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        Assert.Equal(0, result.GetProperty("raised").GetInt32());
    }
}
