using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

public sealed class ClaimsApiQueryTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task ListClaims_StatusFilter_ShouldReturnOnlyClaimsWithThatStatus()
    {
        var paused = await TestClaims.StartPausedAsync(_client);
        var decided = await DecidedClaimAsync();

        var items = await ListAllAsync("status=paused&top=1000");

        Assert.Contains(items, e => e.GetProperty("claimId").GetString() == paused);
        Assert.DoesNotContain(items, e => e.GetProperty("claimId").GetString() == decided);
        Assert.All(items, e => Assert.Equal("paused", e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ListClaims_ClaimTypeAndClaimantFilters_ShouldReturnOnlyMatchingClaims()
    {
        var travel = await TestClaims.StartPausedAsync(_client);
        var other = TestClaims.NewId("OTHER");
        var json = System.Text.Json.Nodes.JsonNode.Parse(TestClaims.TravelJson(other))!;
        json["claimant"]!["name"] = "Jonas Berg";
        json["claimant"]!["email"] = "jonas@example.com";
        using (var started = await TestClaims.StartAsync(_client, json.ToJsonString()))
        {
            started.EnsureSuccessStatusCode();
        }

        var byClaimant = (await ListAllAsync("claimant=AMARA&top=1000")).Select(e => e.GetProperty("claimId").GetString()).ToList();
        var byType = (await ListAllAsync("claimType=Auto&top=1000")).Select(e => e.GetProperty("claimId").GetString()).ToList();

        Assert.Contains(travel, byClaimant);
        Assert.DoesNotContain(other, byClaimant);
        Assert.DoesNotContain(travel, byType);
    }

    [Fact]
    public async Task ListClaims_SmallTop_ShouldPageWithContinuationTokenWithoutDuplicates()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await TestClaims.StartPausedAsync(_client));
        }

        var items = await ListAllAsync("top=1");

        var seen = items.Select(e => e.GetProperty("claimId").GetString()!).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, seen));
    }

    [Theory]
    [InlineData("status=sleeping")]
    [InlineData("top=-1")]
    [InlineData("createdFrom=not-a-date")]
    public async Task ListClaims_InvalidQuery_ShouldReturn400Problem(string query)
    {
        using var response = await _client.GetAsync($"/api/claims?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task GetHistory_PausedClaim_ShouldReturnChatMessages()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"/api/claims/{claimId}/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            foreach (var field in new[] { "id", "author", "role", "content", "timestamp" })
            {
                Assert.True(m.TryGetProperty(field, out _), $"missing {field}");
            }
        });
    }

    [Fact]
    public async Task GetEvents_PausedClaim_ShouldIncludeStartAndPause()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"/api/claims/{claimId}/events");

        var types = (await response.ReadJsonAsync()).EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("start", types);
        Assert.Contains("pause", types);
    }

    [Theory]
    [InlineData("history")]
    [InlineData("events")]
    [InlineData("package")]
    public async Task ClaimSubresource_UnknownClaim_ShouldReturn404(string resource)
    {
        using var response = await _client.GetAsync($"/api/claims/NO-SUCH-CLAIM/{resource}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetPackage_BeforeDecision_ShouldReturn404()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"/api/claims/{claimId}/package");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetPackage_AfterDecision_ShouldReturnDecisionAndMarkdown()
    {
        var claimId = await DecidedClaimAsync();

        using var response = await _client.GetAsync($"/api/claims/{claimId}/package");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var package = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(package.GetProperty("packageMarkdown").GetString()));
        Assert.Contains(package.GetProperty("decision").GetProperty("outcome").GetString(), new[] { "approve", "deny" });
    }

    [Fact]
    public async Task GetStats_AfterClaims_ShouldReturn200Object()
    {
        await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync("/api/stats");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, (await response.ReadJsonAsync()).ValueKind);
    }

    private async Task<string> DecidedClaimAsync()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await TestClaims.PostDocumentsAsync(_client, claimId, "receipts")).Dispose();
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s is "approved" or "denied");
        return claimId;
    }

    private async Task<List<System.Text.Json.JsonElement>> ListAllAsync(string query)
    {
        var items = new List<System.Text.Json.JsonElement>();
        string? token = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/claims?{query}");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            items.AddRange((await response.ReadJsonAsync()).EnumerateArray());
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.First() : null;
            if (token is null)
            {
                break;
            }
        }

        return items;
    }
}
