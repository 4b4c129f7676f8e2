using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary><c>POST /api/claims</c> as multipart: the claim in the "claim" part, its documents beside it, stored before the claim starts.</summary>
public sealed class ClaimsApiStartWithDocumentsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task StartClaim_MultipartWithEveryRequiredDocument_ShouldNeverPauseForDocuments()
    {
        var claimId = TestClaims.NewId("MP");
        using var form = Form(TestClaims.TravelJson(claimId, 420m, "booking_confirmation", "receipts"), ("booking_confirmation", "booking.pdf", "PNR X1Y2Z3"), ("receipts", "receipts.pdf", "Hotel 120 EUR"));

        using var response = await _client.PostAsync(new Uri("/api/claims", UriKind.Relative), form);
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s is "approved" or "denied" or "paused");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("approved", status.GetProperty("status").GetString());
        Assert.Equal(["booking_confirmation", "receipts"], status.GetProperty("receivedDocuments").EnumerateArray().Select(e => e.GetString()).Order());
    }

    [Fact]
    public async Task StartClaim_MultipartWithAnEmptyDocument_ShouldReturn400AndStartNothing()
    {
        var claimId = TestClaims.NewId("MP");
        using var form = Form(TestClaims.TravelJson(claimId, 420m, "booking_confirmation"), ("booking_confirmation", "booking.pdf", string.Empty));

        using var response = await _client.PostAsync(new Uri("/api/claims", UriKind.Relative), form);
        using var status = await _client.GetAsync(new Uri($"/api/claims/{claimId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has no content", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(fixture.Host.DataDirectory, "claim-documents", claimId)));
    }

    [Fact]
    public async Task StartClaim_MultipartWithoutClaimPart_ShouldReturn400NamingThePart()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "receipts", "receipts.pdf" } };

        using var response = await _client.PostAsync(new Uri("/api/claims", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'claim' part", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(string claimJson, params (string Type, string FileName, string Content)[] documents)
    {
        var form = new MultipartFormDataContent();
        var claim = new StringContent(claimJson, Encoding.UTF8);
        claim.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(claim, "claim", "claim.json");
        foreach (var (type, fileName, content) in documents)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), type, fileName);
        }

        return form;
    }
}
