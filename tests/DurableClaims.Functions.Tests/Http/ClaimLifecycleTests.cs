using System.Text;
using DurableClaims.Contracts;
using DurableClaims.Functions.Tests.Triggers;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Functions.Tests.Http;

/// <summary>A claim driven only through the HTTP triggers on the real workflow: started, paused for documents, documents sent, approved.</summary>
public sealed class ClaimLifecycleTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private readonly FunctionsApp _app = fixture.App;

    [Fact]
    public async Task SubmitDocuments_JsonWithBase64Content_ShouldStoreThemAndApproveThePausedClaim()
    {
        var claimId = await _app.StartPausedAsync();

        var accepted = await _app.SubmitDocumentsAsync(claimId, _app.Http.Json($"/api/claims/{claimId}/documents", TestClaims.DocumentsJson("receipts")));

        Assert.Equal(StatusCodes.Status202Accepted, accepted.StatusCode);
        Assert.Equal($"{TriggerHttp.BaseUrl}/api/claims/{claimId}", accepted.Member("statusUri"));
        Assert.Equal("content of receipts", await StoredAsync(claimId, "receipts", "receipts.txt"));
        var outcome = await _app.Host.WaitForOutcomeAsync(claimId);
        Assert.Equal(ClaimStatusCodes.Approved, outcome.Status);
    }

    [Fact]
    public async Task SubmitDocuments_Multipart_ShouldStoreEachFilePartUnderItsNameAndApproveThePausedClaim()
    {
        var claimId = await _app.StartPausedAsync();
        var request = await _app.Http.MultipartAsync($"/api/claims/{claimId}/documents", ("receipts", "hotel.pdf", Encoding.UTF8.GetBytes("hotel receipt")));

        var accepted = await _app.SubmitDocumentsAsync(claimId, request);

        Assert.Equal(StatusCodes.Status202Accepted, accepted.StatusCode);
        Assert.Equal("hotel receipt", await StoredAsync(claimId, "receipts", "hotel.pdf"));
        Assert.Equal(ClaimStatusCodes.Approved, (await _app.Host.WaitForOutcomeAsync(claimId)).Status);
    }

    [Fact]
    public async Task GetClaim_AfterTheDocumentsArrived_ShouldShowTheClaimApprovedWithItsDecision()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.SubmitDocumentsAsync(claimId, _app.Http.Json($"/api/claims/{claimId}/documents", TestClaims.DocumentsJson("receipts")));
        await _app.Host.WaitForOutcomeAsync(claimId);

        var status = await _app.GetClaimAsync(claimId);

        Assert.Equal(StatusCodes.Status200OK, status.StatusCode);
        Assert.Equal(("approved", "Completed"), (status.Member("status"), status.Member("runtimeStatus")));
        Assert.Empty(status.Body.GetProperty("missingDocuments").EnumerateArray());
        Assert.Contains("receipts", status.Body.GetProperty("receivedDocuments").EnumerateArray().Select(e => e.GetString()));
        Assert.True(status.Body.GetProperty("decision").GetProperty("payableAmount").GetDecimal() > 0);
    }

    [Fact]
    public async Task StartClaim_MarkdownBody_ShouldStartTheClaimUnderItsClaimId()
    {
        var claimId = TestClaims.NewId();
        var markdown = await File.ReadAllTextAsync(Testing.RepositoryPaths.Combine("samples", "claims", "approve-after-documents.md"));

        var response = await _app.StartClaimAsync(markdown.Replace("CLM-SAMPLE-APPROVE", claimId, StringComparison.Ordinal), contentType: "text/markdown");

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal(claimId, response.Member("id"));
        Assert.NotNull(await _app.Client.GetInstanceAsync(claimId));
    }

    private async Task<string> StoredAsync(string claimId, string type, string fileName)
    {
        var stored = (await _app.Host.Documents.ListAsync(claimId)).Single(d => d.Type == type && d.Filename == fileName);
        await using var content = await _app.Host.Documents.OpenReadAsync(claimId, stored.Type, stored.Filename);
        Assert.NotNull(content);
        using var reader = new StreamReader(content);
        return await reader.ReadToEndAsync();
    }
}
