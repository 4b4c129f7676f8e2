using System.Net;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Intake;

/// <summary>The upload intake follows Claims:Storage:DocumentsContainer rather than the default container name.</summary>
public sealed class DocumentsContainerTests(CustomContainerHostFixture fixture) : IClassFixture<CustomContainerHostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task EventGrid_BlobCreatedInTheConfiguredContainer_ShouldResumeClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var blob = fixture.Documents.GetBlobClient($"{claimId}/receipts/r.pdf");
        var info = await blob.UploadAsync(BinaryData.FromString("receipt"), overwrite: true);

        using var response = await Client.PostAsync(
            "/api/events/blob-created", TestClaims.Json(EventPayloads.EventGridBlobCreated(blob.Uri.ToString(), info.Value.ETag.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("raised").GetInt32());
    }
}
