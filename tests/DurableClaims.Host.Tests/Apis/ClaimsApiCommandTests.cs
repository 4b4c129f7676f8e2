using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

public sealed class ClaimsApiCommandTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task Review_ClaimWaitingForDocuments_ShouldReturn409()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"/api/claims/{claimId}/review", TestClaims.Json("""{"decision":"approve","adjuster":"ada"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Review_ClaimAwaitingReview_ShouldReturn202AndEndWithTheAdjustersDecision()
    {
        var claimId = await StartHighRiskAsync();

        using var response = await _client.PostAsync($"/api/claims/{claimId}/review", TestClaims.Json("""{"decision":"deny","adjuster":"ada","notes":"cash only"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s is not ("paused" or "running"));
        Assert.Equal("denied", status.GetProperty("status").GetString());
        Assert.Equal("ada", status.GetProperty("decision").GetProperty("adjuster").GetString());
    }

    [Theory]
    [InlineData("""{"decision":"maybe","adjuster":"ada"}""", "decision")]
    [InlineData("""{"decision":"approve"}""", "adjuster")]
    public async Task Review_InvalidBody_ShouldReturn400NamingTheField(string body, string field)
    {
        using var response = await _client.PostAsync("/api/claims/ANY-1/review", TestClaims.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Review_UnknownClaim_ShouldReturn404()
    {
        using var response = await _client.PostAsync("/api/claims/NO-SUCH-CLAIM/review", TestClaims.Json("""{"decision":"deny","adjuster":"ada"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteClaim_Paused_ShouldTerminateAndRemoveInstanceSessionAndDocuments()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await TestClaims.PostDocumentsAsync(_client, claimId, "receipts")).Dispose();

        using var response = await _client.DeleteAsync($"/api/claims/{claimId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("instancesDeleted").GetInt32());
        Assert.True(body.GetProperty("sessionDeleted").GetBoolean());
        using var after = await _client.GetAsync($"/api/claims/{claimId}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(fixture.Host.DataDirectory, "claim-documents", claimId)));
    }

    [Fact]
    public async Task DeleteClaim_Unknown_ShouldReturn404()
    {
        using var response = await _client.DeleteAsync("/api/claims/NO-SUCH-CLAIM");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A claim on a new policy, reported late, with pressure phrases: high risk, so it waits for an adjuster.</summary>
    private async Task<string> StartHighRiskAsync()
    {
        var claimId = TestClaims.NewId("HR");
        var json = $$"""
            {"claimId":"{{claimId}}","policyNumber":"POL-AUTO-2002","claimType":"auto","incidentDate":"2026-09-25","amount":5000,"currency":"USD",
             "claimant":{"name":"Marco Ilves","email":"marco@example.com"},
             "description":"My car was stolen late at night, no witnesses. Urgent: cash only please.",
             "documents":[{"type":"police_report","filename":"p.pdf"},{"type":"vehicle_damage_photos","filename":"d.zip"},
                          {"type":"insurance_exchange_form","filename":"f.pdf"},{"type":"repair_estimate","filename":"e.pdf"}]}
            """;
        using var response = await TestClaims.StartAsync(_client, json);
        response.EnsureSuccessStatusCode();
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s != "running");
        Assert.Equal("awaiting_review", status.GetProperty("reason").GetString());
        return claimId;
    }
}
