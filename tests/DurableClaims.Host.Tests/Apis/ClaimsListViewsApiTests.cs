using System.Net;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>The work queue's API: sort (newest first by default), saved views with counts, totals, and statistics that agree with the list.</summary>
public sealed class ClaimsListViewsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task ListClaims_NoSort_ShouldListNewestFirst()
    {
        var first = await TestClaims.StartPausedAsync(_client);
        var second = await TestClaims.StartPausedAsync(_client);

        var ids = await IdsAsync("/api/claims?top=1000");

        Assert.True(ids.IndexOf(second) < ids.IndexOf(first), string.Join(", ", ids));
    }

    [Fact]
    public async Task ListClaims_SortCreatedAscending_ShouldListOldestFirst()
    {
        var first = await TestClaims.StartPausedAsync(_client);
        var second = await TestClaims.StartPausedAsync(_client);

        var ids = await IdsAsync("/api/claims?top=1000&sort=created");

        Assert.True(ids.IndexOf(first) < ids.IndexOf(second), string.Join(", ", ids));
    }

    [Fact]
    public async Task ListClaims_Item_ShouldCarryTheClaimsFacts()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"/api/claims?top=1000&claimIdPrefix={claimId}");
        var claim = (await response.ReadJsonAsync()).EnumerateArray().Single().GetProperty("claim");

        Assert.Equal("Amara Okafor", claim.GetProperty("claimantName").GetString());
        Assert.Equal("travel", claim.GetProperty("claimType").GetString());
        Assert.Equal(420m, claim.GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData("sort=colour")]
    [InlineData("view=everything")]
    public async Task ListClaims_BadSortOrView_ShouldReturn400ProblemNamingTheParameter(string query)
    {
        using var response = await _client.GetAsync($"/api/claims?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(query.Split('=')[0], out _));
    }

    [Fact]
    public async Task ListClaims_SmallTop_ShouldReportTheTotalAndAFullFirstPage()
    {
        await TestClaims.StartPausedAsync(_client);
        await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync("/api/claims?top=1");

        Assert.Single((await response.ReadJsonAsync()).EnumerateArray());
        Assert.True(int.Parse(response.Headers.GetValues("x-total-count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(response.Headers.Contains("x-ms-continuation-token"));
    }

    [Fact]
    public async Task ClaimViews_Get_ShouldCountEachViewAsTheListDoes()
    {
        await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync("/api/claim-views");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var view in body.GetProperty("views").EnumerateArray())
        {
            var name = view.GetProperty("name").GetString();
            Assert.Equal(view.GetProperty("count").GetInt32(), (await IdsAsync($"/api/claims?top=1000&view={name}")).Count);
        }
    }

    [Fact]
    public async Task Stats_AfterTerminate_ShouldCountEveryStatusAsTheListDoes()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using (var terminated = await _client.PostAsync(new Uri($"/runtime/webhooks/durabletask/instances/{claimId}/terminate?reason=test", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        }

        await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "error");

        using var stats = await _client.GetAsync("/api/stats");
        var byStatus = (await stats.ReadJsonAsync()).GetProperty("byStatus");
        foreach (var status in new[] { "running", "paused", "approved", "denied", "stalled", "timeout", "error" })
        {
            Assert.Equal((await IdsAsync($"/api/claims?top=1000&status={status}")).Count, byStatus.GetProperty(status).GetInt32());
        }
    }

    private async Task<List<string>> IdsAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).EnumerateArray().Select(e => e.GetProperty("claimId").GetString()!)];
    }
}
