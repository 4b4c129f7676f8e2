using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

public sealed class ClaimsApiDocumentsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task GetClaim_PausedForDocuments_ShouldShowMissingDocumentsAndDocumentsRouteAsUploadUrl()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "paused");

        Assert.Contains("receipts", status.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Running", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal($"{fixture.Host.BaseAddress.ToString().TrimEnd('/')}/api/claims/{claimId}/documents", status.GetProperty("uploadUrl").GetString());
        foreach (var field in new[] { "reason", "phase", "receivedDocuments", "riskScore", "rounds", "createdTime", "lastUpdatedTime", "decision" })
        {
            Assert.True(status.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task GetClaim_Unknown_ShouldReturn404Problem()
    {
        using var response = await _client.GetAsync("/api/claims/NO-SUCH-CLAIM");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SubmitDocuments_JsonWithContent_ShouldStoreContentAndResumeClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await TestClaims.PostDocumentsAsync(_client, claimId, "receipts");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Path.Combine(fixture.Host.DataDirectory, "claim-documents", claimId, "receipts", "receipts.txt");
        Assert.Equal("content of receipts", await File.ReadAllTextAsync(stored));
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s is not ("paused" or "running"));
        Assert.DoesNotContain("receipts", status.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task SubmitDocuments_Multipart_ShouldStoreEachFilePartUnderItsName()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("hotel receipt"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "receipts", "hotel.pdf");

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Path.Combine(fixture.Host.DataDirectory, "claim-documents", claimId, "receipts", "hotel.pdf");
        Assert.Equal("hotel receipt", await File.ReadAllTextAsync(stored));
    }

    [Fact]
    public async Task SubmitDocuments_UnknownClaim_ShouldReturn404()
    {
        using var response = await TestClaims.PostDocumentsAsync(_client, "NO-SUCH-CLAIM", "receipts");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SubmitDocuments_FinishedClaim_ShouldReturn410()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await _client.PostAsync($"/runtime/webhooks/durabletask/instances/{claimId}/terminate", null)).Dispose();
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "error");

        using var response = await TestClaims.PostDocumentsAsync(_client, claimId, "receipts");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Theory]
    [InlineData("..", "a.pdf", "documents[0].type")]
    [InlineData("", "a.pdf", "documents[0].type")]
    [InlineData("receipts", "../../etc/passwd", "documents[0].filename")]
    public async Task SubmitDocuments_BadPath_ShouldReturn400AndStoreNothing(string type, string filename, string field)
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        var json = $$"""{"documents":[{"type":"{{type}}","filename":"{{filename}}","contentBase64":"eA=="}]}""";

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", TestClaims.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(["booking_confirmation"], TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }

    [Fact]
    public async Task SubmitDocuments_MalformedJson_ShouldReturn400()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", TestClaims.Json("{\"documents\": [ {"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SubmitDocuments_UnsupportedContentType_ShouldReturn415()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", new StringContent("receipts", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task SubmitDocuments_FinishedClaim_ShouldSendProblemType()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await _client.PostAsync($"/runtime/webhooks/durabletask/instances/{claimId}/terminate", null)).Dispose();
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "error");

        using var response = await TestClaims.PostDocumentsAsync(_client, claimId, "receipts");

        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.11", (await response.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task SubmitDocuments_MultipartFileNameWithFolders_ShouldReturn400AndStoreNothing()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("receipt")), "receipts", "a/../x.pdf" } };

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("documents[0].filename", out _));
        Assert.Equal(["booking_confirmation"], TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }
}
