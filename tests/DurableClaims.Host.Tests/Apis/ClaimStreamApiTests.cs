using System.Net;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>Live updates: a claim's stream follows it from paused to approved; the list's stream tells of a new claim; unknown claims are 404.</summary>
public sealed class ClaimStreamApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task StreamClaim_DocumentsPosted_ShouldSendStatusFromPausedToApproved()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var response = await OpenAsync($"/api/claims/{claimId}/stream");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.WaitForAsync(e => e.Name == "status" && Status(e) == "paused", Timeout);

        (await TestClaims.PostDocumentsAsync(_client, claimId, "receipts")).Dispose();

        await events.WaitForAsync(e => e.Name == "status" && Status(e) == "approved", Timeout);
    }

    [Fact]
    public async Task StreamClaim_Open_ShouldAnswerAsEventStream()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await OpenAsync($"/api/claims/{claimId}/stream");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task StreamClaim_Settled_ShouldEndWithAnEndEvent()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await TestClaims.PostDocumentsAsync(_client, claimId, "receipts")).Dispose();
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s is "approved" or "denied");

        using var response = await OpenAsync($"/api/claims/{claimId}/stream");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        var end = await events.WaitForAsync(e => e.Name == "end", Timeout);
        Assert.Equal("settled", JsonDocument.Parse(end.Data).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task StreamClaim_UnknownClaim_ShouldReturn404Problem()
    {
        using var response = await _client.GetAsync($"/api/claims/{TestClaims.NewId()}/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StreamList_ClaimStarted_ShouldSendChanged()
    {
        using var response = await OpenAsync("/api/claims/stream");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        var first = await events.WaitForAsync(e => e.Name == "changed", Timeout);

        var claimId = TestClaims.NewId();
        (await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"))).Dispose();

        var next = await events.WaitForAsync(e => e.Name == "changed", Timeout);
        Assert.NotEqual(first.Data, next.Data);
    }

    private static string? Status(SseEvent e) => JsonDocument.Parse(e.Data).RootElement.GetProperty("status").GetString();

    private async Task<HttpResponseMessage> OpenAsync(string path)
    {
        var response = await _client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
