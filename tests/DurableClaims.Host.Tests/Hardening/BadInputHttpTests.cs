using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>Bad input on every body route answers 4xx problem details, never 5xx: invalid Unicode, broken multipart, wrong content types.</summary>
public sealed class BadInputHttpTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string LoneSurrogateClaim = "{\"claimId\":\"CLM-BAD-UNICODE\",\"policyNumber\":\"POL-TRAVEL-5005\",\"description\":\"\\ud800\"}";

    private HttpClient Client => fixture.Host.Client;

    [Fact(Timeout = 30_000)]
    public async Task StartClaim_LoneSurrogateEscape_ShouldAnswer400()
    {
        using var response = await Client.PostAsync("/api/claims", TestClaims.Json(LoneSurrogateClaim));

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartClaim_InvalidUtf8Bytes_ShouldAnswer400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"claimId\":\"CLM-BAD-UTF8\",\"description\":\"x\"}");
        bytes[^3] = 0xC3; // a lead byte followed by '"' is not UTF-8
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Client.PostAsync("/api/claims", content);

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=" + "0123456789012345678901234567890123456789012345678901234567890123456789XX")]
    public async Task StartClaim_MultipartWithoutUsableBoundary_ShouldAnswer400(string contentType)
    {
        using var response = await PostRawAsync("/api/claims", contentType, "--x\r\nContent-Disposition: form-data; name=\"claim\"\r\n\r\n{}\r\n--x--\r\n");

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartClaim_MultipartPartCutOff_ShouldAnswer400()
    {
        using var response = await PostRawAsync(
            "/api/claims", "multipart/form-data; boundary=b0", "--b0\r\nContent-Disposition: form-data; name=\"claim\"; filename=\"claim.json\"\r\n\r\n{\"claimId\":");

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 30_000)]
    public async Task SubmitDocuments_MultipartPartCutOff_ShouldAnswer400()
    {
        using var response = await PostRawAsync(
            "/api/claims/CLM-ANY/documents", "multipart/form-data; boundary=b0", "--b0\r\nContent-Disposition: form-data; name=\"receipts\"; filename=\"r.pdf\"\r\n\r\n%PDF");

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 30_000)]
    public async Task SubmitDocuments_LoneSurrogateEscape_ShouldAnswer400()
    {
        using var response = await Client.PostAsync(
            "/api/claims/CLM-ANY/documents", TestClaims.Json("{\"documents\":[{\"type\":\"receipts\",\"filename\":\"\\udc00.pdf\",\"contentBase64\":\"JVBERg==\"}]}"));

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 30_000)]
    public async Task Review_LoneSurrogateEscape_ShouldAnswer400()
    {
        using var response = await Client.PostAsync("/api/claims/CLM-ANY/review", TestClaims.Json("{\"decision\":\"approve\",\"adjuster\":\"\\ud800\"}"));

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact(Timeout = 60_000)]
    public async Task RaiseEvent_LoneSurrogateEscape_ShouldAnswer400()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);

        using var response = await Client.PostAsync(
            $"/runtime/webhooks/durabletask/instances/{claimId}/raiseEvent/Anything", TestClaims.Json("{\"note\":\"\\ud800\"}"));

        AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("/runtime/webhooks/durabletask/instances/CLM-ANY/raiseEvent/Anything")]
    [InlineData("/api/events/blob-created")]
    [InlineData("/api/claims/CLM-ANY/documents")]
    [InlineData("/api/claims")]
    public async Task BodyRoute_WrongContentType_ShouldAnswer415(string route)
    {
        using var response = await PostRawAsync(route, "application/xml", "<claim/>");

        AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact(Timeout = 30_000)]
    public async Task BlobCreated_BatchWithNullAndNonObjects_ShouldAnswer200AndReportThem()
    {
        var body = "[null, 42, " + Testing.EventPayloads.EventGridValidation("code-7")[1..^1] + "]";

        using var response = await Client.PostAsync("/api/events/blob-created", TestClaims.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("code-7", (await response.ReadJsonAsync()).GetProperty("validationResponse").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task BlobCreated_BlobEventBatchWithNull_ShouldAnswer200WithTheBadEntryRejected()
    {
        var blob = Testing.EventPayloads.EventGridEvent(Testing.EventPayloads.BlobUrl("CLM-NO-SUCH-CLAIM", "receipts", "r.pdf"), "0x1").ToJsonString();

        using var response = await Client.PostAsync("/api/events/blob-created", TestClaims.Json($"[{blob}, null]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = (await response.ReadJsonAsync()).GetProperty("rejected");
        Assert.Equal("[1]: not an event object (Null)", Assert.Single(rejected.EnumerateArray()).GetString());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string route, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await Client.PostAsync(route, content);
    }

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
