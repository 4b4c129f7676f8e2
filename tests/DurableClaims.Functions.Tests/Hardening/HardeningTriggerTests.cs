using System.Text;
using DurableClaims.Functions.Functions;
using DurableClaims.Functions.Hosting;
using DurableClaims.Functions.Tests.Triggers;
using DurableClaims.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Functions.Tests.Hardening;

/// <summary>The Functions app's triggers with bad input, spoofed hosts, untrustworthy upload events and a full disk: 4xx, refusals, 507/503, as on the local host.</summary>
public sealed class HardeningTriggerTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private readonly FunctionsApp _app = fixture.App;

    [Fact(Timeout = 30_000)]
    public async Task StartClaim_LoneSurrogateEscape_ShouldAnswer400()
    {
        var response = await _app.StartClaimAsync("{\"claimId\":\"CLM-FN-UNICODE\",\"description\":\"\\ud800\"}");

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartClaim_InvalidUtf8Bytes_ShouldAnswer400()
    {
        var request = _app.Http.Post("/api/claims", "application/json", [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        var response = await TriggerHttp.RunAsync(request, await _app.Claims.StartClaimAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartClaim_MultipartPartCutOff_ShouldAnswer400()
    {
        var body = "--b0\r\nContent-Disposition: form-data; name=\"claim\"; filename=\"claim.json\"\r\n\r\n{\"claimId\":";
        var request = _app.Http.Post("/api/claims", "multipart/form-data; boundary=b0", body);

        var response = await TriggerHttp.RunAsync(request, await _app.Claims.StartClaimAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task SubmitDocuments_MultipartWithoutBoundary_ShouldAnswer400()
    {
        var request = _app.Http.Post("/api/claims/CLM-ANY/documents", "multipart/form-data", "--x\r\n\r\n--x--");

        var response = await _app.SubmitDocumentsAsync("CLM-ANY", request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task BlobCreated_WrongContentType_ShouldAnswer415()
    {
        var request = _app.Http.Post("/api/events/blob-created", "text/plain", "[]");

        var response = await TriggerHttp.RunAsync(request, await _app.UploadEvents.ReceiveAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BatchWithNull_ShouldAnswer200AndReportTheEntry()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.StoreDocumentAsync(claimId, "receipts", "hotel.pdf");
        var blob = EventPayloads.EventGridEvent(EventPayloads.BlobUrl(claimId, "receipts", "hotel.pdf"), "0x8DD1").ToJsonString();
        var request = _app.Http.Json("/api/events/blob-created", $"[null, {blob}]");

        var response = await TriggerHttp.RunAsync(request, await _app.UploadEvents.ReceiveAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(1, response.Body.GetProperty("raised").GetInt32());
        Assert.Equal("[0]: not an event object (Null)", Assert.Single(response.Body.GetProperty("rejected").EnumerateArray()).GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BlobThatDoesNotExist_ShouldBeRefused()
    {
        var claimId = await _app.StartPausedAsync();
        var delivery = EventPayloads.EventGridBlobCreated(EventPayloads.BlobUrl(claimId, "receipts", "missing.pdf"), "0x8DD2");
        var request = _app.Http.Json("/api/events/blob-created", delivery);

        var response = await TriggerHttp.RunAsync(request, await _app.UploadEvents.ReceiveAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(1, response.Body.GetProperty("refused").GetInt32());
        Assert.Equal(0, response.Body.GetProperty("raised").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BlobOverTheSizeLimit_ShouldBeRefusedAndRemoved()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.StoreDocumentAsync(claimId, "receipts", "huge.pdf", (10 * 1024 * 1024) + 1);
        var delivery = EventPayloads.EventGridBlobCreated(EventPayloads.BlobUrl(claimId, "receipts", "huge.pdf"), "0x8DD3");
        var request = _app.Http.Json("/api/events/blob-created", delivery);

        var response = await TriggerHttp.RunAsync(request, await _app.UploadEvents.ReceiveAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(1, response.Body.GetProperty("refused").GetInt32());
        Assert.Null(await _app.Host.Documents.GetAsync(claimId, "receipts", "huge.pdf"));
    }

    [Fact(Timeout = 60_000)]
    public async Task GetClaim_SpoofedHostHeader_ShouldNotChangeTheUploadLink()
    {
        var claimId = await _app.StartPausedAsync();
        var request = _app.Http.Get($"/api/claims/{claimId}");
        request.Host = new HostString("attacker.example");

        var response = await TriggerHttp.RunAsync(request, await _app.Claims.GetClaimAsync(request, claimId, _app.Client, CancellationToken.None));

        Assert.Equal($"{TriggerHttp.BaseUrl}/api/claims/{claimId}/documents", response.Member("uploadUrl"));
    }

    [Fact(Timeout = 30_000)]
    public async Task WorkerMiddleware_DiskFull_ShouldAnswer507AndHealth503()
    {
        var request = _app.Http.Json("/api/claims/CLM-ANY/documents", "{}");
        var middleware = new StorageFaultWorkerMiddleware(_app.StorageHealth, NullLogger<StorageFaultWorkerMiddleware>.Instance);

        await middleware.Invoke(new HttpContextFunctionContext(request.HttpContext), _ => throw new IOException("No space left on device : '/home/site/data/x'", 28));
        var health = _app.Http.Get("/api/health");
        var healthResponse = await TriggerHttp.RunAsync(health, new OperationsFunctions(new Durable.ClaimsApiFactory(_app.Host.Services), _app.StorageHealth).Health(health));
        _app.StorageHealth.ReportWriteSucceeded();

        Assert.Equal(StatusCodes.Status507InsufficientStorage, request.HttpContext.Response.StatusCode);
        Assert.DoesNotContain("/home/site", Encoding.UTF8.GetString(((MemoryStream)request.HttpContext.Response.Body).ToArray()), StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, healthResponse.StatusCode);
    }
}
