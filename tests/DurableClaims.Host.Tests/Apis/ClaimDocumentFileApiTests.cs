using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary><c>GET /api/claims/{claimId}/documents/{type}/{fileName}</c>: the stored file, its media type and safe headers; 404 problems for unknown.</summary>
public sealed class ClaimDocumentFileApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task GetDocument_Stored_ShouldReturnItsContentWithTheStoredMediaTypeAndNosniff()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using (var posted = await TestClaims.PostDocumentsAsync(_client, claimId, "receipts"))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        using var response = await _client.GetAsync($"/api/claims/{claimId}/documents/receipts/receipts.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("content of receipts", await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    [InlineData("report.html", "text/html", "attachment")]
    [InlineData("scan.pdf", "application/pdf", "inline")]
    [InlineData("data.bin", "application/octet-stream", "attachment")]
    [InlineData("image.svg", "image/svg+xml", "attachment")]
    public void ContentDisposition_MediaType_ShouldBeInlineOnlyForSafeTypes(string fileName, string mediaType, string expected)
        => Assert.StartsWith(expected + ";", DurableClaims.Http.DocumentFileHttp.ContentDisposition(mediaType, fileName), StringComparison.Ordinal);

    [Fact]
    public async Task GetClaim_WithDocuments_ShouldLinkEachStoredDocument()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"/api/claims/{claimId}");
        var documents = (await response.ReadJsonAsync()).GetProperty("documents").EnumerateArray().ToList();

        var booking = Assert.Single(documents);
        Assert.EndsWith($"/api/claims/{claimId}/documents/booking_confirmation/booking_confirmation.pdf", booking.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", booking.GetProperty("mediaType").GetString());
    }

    [Theory]
    [InlineData("NO-SUCH-CLAIM", "receipts", "a.txt")]
    [InlineData(null, "receipts", "missing.txt")]
    [InlineData(null, "..", "a.txt")]
    public async Task GetDocument_Unknown_ShouldReturn404Problem(string? claimId, string type, string fileName)
    {
        claimId ??= await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"/api/claims/{claimId}/documents/{Uri.EscapeDataString(type)}/{fileName}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
