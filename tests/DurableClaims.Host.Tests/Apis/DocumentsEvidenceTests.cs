using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>Evidence over HTTP on the folder stores: what is recorded per document, and empty files refused whole.</summary>
public sealed class DocumentsEvidenceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task SubmitDocuments_Json_ShouldAnswerEachDocumentsSizeMediaTypeAndSha256()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", JsonDocuments(("receipts", "hotel.pdf", "Hotel 120 EUR")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var document = (await response.ReadJsonAsync()).GetProperty("documents")[0];
        Assert.Equal(
            (13, "application/pdf", Sha256Of("Hotel 120 EUR")),
            (document.GetProperty("size").GetInt64(), document.GetProperty("mediaType").GetString(), document.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task SubmitDocuments_MultipartPartWithContentType_ShouldRecordThatMediaType()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = Form(("receipts", "hotel.scan", "Hotel 120 EUR", "image/png"));

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var document = (await response.ReadJsonAsync()).GetProperty("documents")[0];
        Assert.Equal(("image/png", Sha256Of("Hotel 120 EUR")), (document.GetProperty("mediaType").GetString(), document.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task SubmitDocuments_JsonWithOneEmptyDocument_ShouldReturn400NamingItAndStoreNeither()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync(
            $"/api/claims/{claimId}/documents", JsonDocuments(("receipts", "hotel.pdf", "Hotel 120 EUR"), ("receipts", "taxi.pdf", string.Empty)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'taxi.pdf' is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("receipts", TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }

    [Fact]
    public async Task SubmitDocuments_MultipartWithOneEmptyFile_ShouldReturn400NamingItAndStoreNeither()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = Form(("receipts", "hotel.pdf", "Hotel 120 EUR", null), ("receipts", "taxi.pdf", string.Empty, null));

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'taxi.pdf' is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("receipts", TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }

    [Fact]
    public async Task StartClaim_MultipartWithOneEmptyFileBesideAGoodOne_ShouldReturn400AndStoreNeither()
    {
        var claimId = TestClaims.NewId("EV");
        using var form = Form(("booking_confirmation", "booking.pdf", "PNR X1Y2Z3", null), ("receipts", "receipts.pdf", string.Empty, null));
        form.Add(new StringContent(TestClaims.TravelJson(claimId, 420m, "booking_confirmation", "receipts"), Encoding.UTF8, "application/json"), "claim", "claim.json");

        using var response = await _client.PostAsync("/api/claims", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'receipts.pdf' is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }

    [Fact]
    public async Task RaiseEvent_DocumentsReceivedNamingADocumentNotStored_ShouldReturn400ProblemNamingIt()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        var payload = """{"documents":[{"type":"receipts","filename":"r.pdf","location":"/somewhere/r.pdf"}],"source":"ops"}""";

        using var response = await _client.PostAsync($"/runtime/webhooks/durabletask/instances/{claimId}/raiseEvent/DocumentsReceived", TestClaims.Json(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("receipts/r.pdf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RuntimeProbe.CountRaisedAsync(_client, claimId));
    }

    [Fact]
    public async Task RaiseEvent_DocumentsReceivedNamingAStoredDocument_ShouldResumeTheClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        var folder = Path.Combine(fixture.Host.DataDirectory, "claim-documents", claimId, "receipts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "r.pdf"), "Hotel 120 EUR");
        var payload = """{"documents":[{"type":"receipts","filename":"r.pdf"}],"source":"ops"}""";

        using var response = await _client.PostAsync($"/runtime/webhooks/durabletask/instances/{claimId}/raiseEvent/DocumentsReceived", TestClaims.Json(payload));
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s is not ("paused" or "running"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("receipts", status.GetProperty("receivedDocuments").EnumerateArray().Select(e => e.GetString()));
    }

    private static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static StringContent JsonDocuments(params (string Type, string FileName, string Content)[] documents)
        => TestClaims.Json(new JsonObject
        {
            ["documents"] = new JsonArray(documents.Select(d => (JsonNode)new JsonObject
            {
                ["type"] = d.Type,
                ["filename"] = d.FileName,
                ["contentBase64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Content)),
            }).ToArray()),
        }.ToJsonString());

    private static MultipartFormDataContent Form(params (string Type, string FileName, string Content, string? ContentType)[] documents)
    {
        var form = new MultipartFormDataContent();
        foreach (var (type, fileName, content, contentType) in documents)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            if (contentType is not null)
            {
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            form.Add(file, type, fileName);
        }

        return form;
    }
}
