using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>Evidence, not names: a document counts only with its content, and only as a type the claim expects.</summary>
public sealed class ClaimsApiEvidenceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task StartClaim_DocumentsNamedWithoutFiles_ShouldPauseWithThemMissing()
    {
        var claimId = TestClaims.NewId("NAMES");

        using var response = await _client.PostAsync(
            new Uri("/api/claims", UriKind.Relative), TestClaims.Json(TestClaims.TravelJson(claimId, 420m, "booking_confirmation", "receipts")));
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s is not "running");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("paused", status.GetProperty("status").GetString());
        Assert.Equal(["booking_confirmation", "receipts"], status.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.StartsWith("Waiting for ", status.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitDocuments_NameWithoutContent_ShouldReturn400NamingTheDocumentAndStoreNothing()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync(
            new Uri($"/api/claims/{claimId}/documents", UriKind.Relative), TestClaims.Json("""{"documents":[{"type":"receipts","filename":"hotel.pdf"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hotel.pdf", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("documents[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["booking_confirmation"], TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }

    [Fact]
    public async Task SubmitDocuments_TypeTheClaimDoesNotExpect_ShouldReturn400ListingTheExpectedTypes()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await TestClaims.PostDocumentsAsync(_client, claimId, "reciepts");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("documents[0].type")[0].GetString();
        Assert.Contains("expected: booking_confirmation, receipts", message, StringComparison.Ordinal);
        Assert.Equal(["booking_confirmation"], TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }
}
