using DurableClaims.Functions.Tests.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Tests.Http;

/// <summary>Refusals from the HTTP triggers are RFC 7807 problem details (application/problem+json) with the status, the request path and a trace id.</summary>
public sealed class ProblemDetailsTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private const string ProblemJson = "application/problem+json";
    private readonly FunctionsApp _app = fixture.App;

    [Fact]
    public async Task StartClaim_InvalidClaimBody_ShouldReturn400WithTheInvalidFields()
    {
        var response = await _app.StartClaimAsync("""{ "claimId": "FN-BAD", "amount": -5 }""");

        AssertProblem(response, StatusCodes.Status400BadRequest, "/api/claims");
        Assert.NotEmpty(response.Body.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task StartClaim_WrongContentType_ShouldReturn415()
    {
        var response = await _app.StartClaimAsync("<claim/>", contentType: "application/xml");

        AssertProblem(response, StatusCodes.Status415UnsupportedMediaType, "/api/claims");
    }

    [Fact]
    public async Task GetClaim_UnknownClaim_ShouldReturn404()
    {
        var response = await _app.GetClaimAsync("FN-NO-SUCH-CLAIM");

        AssertProblem(response, StatusCodes.Status404NotFound, "/api/claims/FN-NO-SUCH-CLAIM");
    }

    [Fact]
    public async Task SubmitDocuments_UnknownClaim_ShouldReturn404()
    {
        var request = _app.Http.Json("/api/claims/FN-NO-SUCH-CLAIM/documents", TestClaims.DocumentsJson("receipts"));

        var response = await _app.SubmitDocumentsAsync("FN-NO-SUCH-CLAIM", request);

        AssertProblem(response, StatusCodes.Status404NotFound, "/api/claims/FN-NO-SUCH-CLAIM/documents");
    }

    [Fact]
    public async Task SubmitDocuments_FinishedClaim_ShouldReturn410()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.Client.TerminateInstanceAsync(claimId, new TerminateInstanceOptions { Output = "withdrawn" });
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _app.Client.WaitForInstanceCompletionAsync(claimId, timeout.Token);
        }

        var response = await _app.SubmitDocumentsAsync(claimId, _app.Http.Json($"/api/claims/{claimId}/documents", TestClaims.DocumentsJson("receipts")));

        AssertProblem(response, StatusCodes.Status410Gone, $"/api/claims/{claimId}/documents");
    }

    [Fact]
    public async Task SubmitDocuments_WrongContentType_ShouldReturn415()
    {
        var claimId = TestClaims.NewId();

        var response = await _app.SubmitDocumentsAsync(claimId, _app.Http.Post($"/api/claims/{claimId}/documents", "text/plain", "receipts"));

        AssertProblem(response, StatusCodes.Status415UnsupportedMediaType, $"/api/claims/{claimId}/documents");
    }

    [Fact]
    public async Task Review_BodyIsNotJson_ShouldReturn400()
    {
        var claimId = TestClaims.NewId();
        var request = _app.Http.Json($"/api/claims/{claimId}/review", "{ not json");

        var response = await TriggerHttp.RunAsync(request, await _app.Adjusters.ReviewAsync(request, claimId, _app.Client, CancellationToken.None));

        AssertProblem(response, StatusCodes.Status400BadRequest, $"/api/claims/{claimId}/review");
    }

    private static void AssertProblem(TriggerResponse response, int status, string path)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.ContentType);
        Assert.Equal(status, response.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.Member("title")));
        Assert.Equal(path, response.Member("instance"));
        Assert.True(response.Body.TryGetProperty("traceId", out _), "traceId missing");
    }
}
