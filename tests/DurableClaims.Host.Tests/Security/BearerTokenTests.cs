using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DurableClaims.Host.Tests.Security;

/// <summary>Bearer tokens for the people who act: a valid one records its user, a bad one is refused (never the key's fallback), a key alone still works.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private const string Key = "machine-key-1";
    private readonly TestTokens _tokens = new();
    private KestrelClaimsHost _host = null!;
    private HttpClient _keyClient = null!;

    public async Task InitializeAsync()
    {
        _host = await KestrelClaimsHost.StartAsync(_tokens.HostOptions(Key));
        _keyClient = _host.CreateClient(Key);
    }

    public async Task DisposeAsync()
    {
        _keyClient.Dispose();
        await _host.DisposeAsync();
    }

    [Fact(Timeout = 90_000)]
    public async Task Review_ValidToken_ShouldRecordTheTokensUserInTheDecision()
    {
        var claimId = await StartHighRiskAsync();
        using var client = TestTokens.Client(_host, _tokens.Create("Dana Reviewer"));

        using var response = await client.PostAsync($"/api/claims/{claimId}/review", TestClaims.Json("""{"decision":"deny","adjuster":"someone else","notes":"cash only"}"""));
        var status = await TestClaims.WaitForStatusAsync(_keyClient, claimId, s => s is not ("paused" or "running"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Dana Reviewer", (await response.ReadJsonAsync()).GetProperty("adjuster").GetString());
        Assert.Equal("Dana Reviewer", status.GetProperty("decision").GetProperty("adjuster").GetString());
    }

    [Fact(Timeout = 90_000)]
    public async Task AddNote_ValidTokenWithoutAuthor_ShouldRecordTheTokensUserOnTheTimeline()
    {
        var claimId = await TestClaims.StartPausedAsync(_keyClient);
        using var client = TestTokens.Client(_host, _tokens.Create("Dana Reviewer"));

        using var response = await client.PostAsync($"/api/claims/{claimId}/notes", TestClaims.Json("""{"text":"Called the customer."}"""));
        var events = await _keyClient.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = Assert.Single(events.EnumerateArray(), e => e.GetProperty("type").GetString() == "note").GetProperty("data");
        Assert.Equal(("Dana Reviewer", true), (note.GetProperty("author").GetString(), note.GetProperty("authenticated").GetBoolean()));
    }

    [Fact(Timeout = 60_000)]
    public async Task Review_ExpiredTokenWithAValidKey_ShouldAnswer401ProblemDetails()
    {
        using var client = TestTokens.Client(_host, _tokens.Create("Dana Reviewer", TimeSpan.FromMinutes(-10)));
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        using var response = await client.PostAsync("/api/claims/ANY-1/review", TestClaims.Json("""{"decision":"deny","adjuster":"ada"}"""));

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact(Timeout = 60_000)]
    public async Task Review_TokenSignedWithAnotherKey_ShouldAnswer401ProblemDetails()
    {
        var otherKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key" };
        using var client = TestTokens.Client(_host, _tokens.Create("Mallory", signingKey: otherKey));

        using var response = await client.PostAsync("/api/claims/ANY-1/review", TestClaims.Json("""{"decision":"deny","adjuster":"ada"}"""));

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact(Timeout = 90_000)]
    public async Task AddNote_KeyOnly_ShouldRecordTheBodysAuthorAsUnauthenticated()
    {
        var claimId = await TestClaims.StartPausedAsync(_keyClient);

        using var response = await _keyClient.PostAsync($"/api/claims/{claimId}/notes", TestClaims.Json("""{"author":"ana","text":"By key."}"""));
        var note = (await response.ReadJsonAsync()).GetProperty("data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("ana", false), (note.GetProperty("author").GetString(), note.GetProperty("authenticated").GetBoolean()));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListClaims_ValidTokenWithoutKey_ShouldAnswer200()
    {
        using var client = TestTokens.Client(_host, _tokens.Create("Dana Reviewer"));

        using var response = await client.GetAsync("/api/claims");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_AudienceWithoutAuthority_ShouldFailValidation()
    {
        var options = new TestHostOptions { Settings = new Dictionary<string, string> { ["Claims:Auth:Jwt:Audience"] = TestTokens.Audience } };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => KestrelClaimsHost.StartAsync(options));

        Assert.Contains("Claims:Auth:Jwt:Authority", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A claim on a new policy, reported late, with pressure phrases: high risk, so it waits for an adjuster's review.</summary>
    private async Task<string> StartHighRiskAsync()
    {
        var claimId = TestClaims.NewId("JWT");
        var json = $$"""
            {"claimId":"{{claimId}}","policyNumber":"POL-AUTO-2002","claimType":"auto","incidentDate":"2026-09-25","amount":5000,"currency":"USD",
             "claimant":{"name":"Marco Ilves","email":"marco@example.com"},
             "description":"My car was stolen late at night, no witnesses. Urgent: cash only please.",
             "documents":[{"type":"police_report","filename":"p.pdf"},{"type":"vehicle_damage_photos","filename":"d.zip"},
                          {"type":"insurance_exchange_form","filename":"f.pdf"},{"type":"repair_estimate","filename":"e.pdf"}]}
            """;
        using var response = await TestClaims.StartAsync(_keyClient, json);
        response.EnsureSuccessStatusCode();
        var status = await TestClaims.WaitForStatusAsync(_keyClient, claimId, s => s != "running");
        Assert.Equal("awaiting_review", status.GetProperty("reason").GetString());
        return claimId;
    }
}
