using System.Net;
using System.Text;
using DurableClaims.Api.Intake;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.Tests.Intake;

public sealed class BlobCreatedEventsTests(EventGridHostFixture fixture) : IClassFixture<EventGridHostFixture>
{
    private const string Route = "/api/events/blob-created";

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task EventGrid_BlobCreated_ShouldResumeClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var (url, etag) = await UploadAsync($"{claimId}/receipts/r.pdf");

        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(url, etag)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("raised").GetInt32());
        await TestClaims.WaitForStatusAsync(Client, claimId, s => s is not ("paused" or "running"));
    }

    [Fact]
    public async Task CloudEvents_BlobCreated_ShouldResumeClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        var (url, etag) = await UploadAsync($"{claimId}/receipts/r.pdf");
        var content = new StringContent(EventPayloads.CloudEventBlobCreated(url, etag), Encoding.UTF8, "application/cloudevents+json");

        using var response = await Client.PostAsync(Route, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await TestClaims.WaitForStatusAsync(Client, claimId, s => s is not ("paused" or "running"));
    }

    [Fact]
    public async Task EventGrid_SameEventDeliveredTwice_ShouldRaiseOnce()
    {
        var claimId = await RuntimeProbe.StartMissingBothAsync(Client);
        var (url, etag) = await UploadAsync($"{claimId}/receipts/r.pdf");
        var body = EventPayloads.EventGridBlobCreated(url, etag);

        using var first = await Client.PostAsync(Route, TestClaims.Json(body));
        using var second = await Client.PostAsync(Route, TestClaims.Json(body));

        Assert.Equal(1, (await first.ReadJsonAsync()).GetProperty("raised").GetInt32());
        Assert.Equal(1, (await second.ReadJsonAsync()).GetProperty("duplicates").GetInt32());
        await RuntimeProbe.WaitForReceivedAsync(Client, claimId, "receipts");
        Assert.Equal(1, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task EventGrid_UploadHeldByAnotherIntake_ShouldAnswer503WithRetryAfterAndRaiseNothing()
    {
        var claimId = await RuntimeProbe.StartMissingBothAsync(Client);
        var (url, etag) = await UploadAsync($"{claimId}/receipts/r.pdf");
        var receipts = fixture.Host.Services.GetRequiredService<IIntakeReceiptStore>();
        Assert.Equal(ReceiptTake.Taken, await receipts.TryTakeAsync(IntakeReceipt.KeyFor($"{claimId}/receipts/r.pdf", etag), TimeSpan.FromMinutes(1)));

        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(url, etag)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, await RuntimeProbe.CountRaisedAsync(Client, claimId));
    }

    [Fact]
    public async Task EventGrid_DocumentStoredThroughTheApi_ShouldCountAsHandledNotJudgedAgain()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);
        using var stored = await TestClaims.PostDocumentsAsync(Client, claimId, "receipts");
        stored.EnsureSuccessStatusCode();
        var blob = fixture.Documents.GetBlobClient($"{claimId}/receipts/receipts.txt");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();

        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(blob.Uri.ToString(), etag)));

        var result = await response.ReadJsonAsync();
        Assert.Equal((1, 0), (result.GetProperty("duplicates").GetInt32(), result.GetProperty("ignored").GetInt32()));
    }

    [Fact]
    public async Task EventGrid_SameBlobUploadedAgain_ShouldRaiseForTheNewETag()
    {
        var claimId = await RuntimeProbe.StartMissingBothAsync(Client);
        var (url, firstTag) = await UploadAsync($"{claimId}/receipts/r.pdf");
        var (_, secondTag) = await UploadAsync($"{claimId}/receipts/r.pdf");

        using var first = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(url, firstTag)));
        using var second = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridBlobCreated(url, secondTag)));

        Assert.Equal(1, (await second.ReadJsonAsync()).GetProperty("raised").GetInt32());
    }

    [Fact]
    public async Task EventGrid_BadPaths_ShouldReturn200AndIgnoreThem()
    {
        var baseUrl = fixture.Documents.Uri.ToString().TrimEnd('/');
        var events = new System.Text.Json.Nodes.JsonArray(
            EventPayloads.EventGridEvent($"{baseUrl}/NO-SUCH-CLAIM/receipts/x.pdf", "0x1"),
            EventPayloads.EventGridEvent($"{baseUrl}/C-1/x.pdf", "0x2"),
            EventPayloads.EventGridEvent($"{baseUrl}/C-1/%2E%2E/x.pdf", "0x3"),
            EventPayloads.EventGridEvent(baseUrl.Replace("claim-documents", "other", StringComparison.Ordinal) + "/C-1/receipts/x.pdf", "0x4"));

        using var response = await Client.PostAsync(Route, TestClaims.Json(events.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal(0, result.GetProperty("raised").GetInt32());
        Assert.Equal(4, result.GetProperty("ignored").GetInt32());
    }

    [Fact]
    public async Task EventGrid_SubscriptionValidation_ShouldEchoValidationResponse()
    {
        using var response = await Client.PostAsync(Route, TestClaims.Json(EventPayloads.EventGridValidation("code-42")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("code-42", (await response.ReadJsonAsync()).GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task CloudEvents_OptionsHandshake_ShouldAllowTheRequestingOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Route);
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }

    [Fact]
    public async Task BlobCreated_MalformedBody_ShouldReturn400Problem()
    {
        using var response = await Client.PostAsync(Route, TestClaims.Json("{ not an event"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(string Url, string ETag)> UploadAsync(string blobName)
    {
        var blob = fixture.Documents.GetBlobClient(blobName);
        var info = await blob.UploadAsync(BinaryData.FromString("content " + Guid.NewGuid()), overwrite: true);
        return (blob.Uri.ToString(), info.Value.ETag.ToString());
    }
}
