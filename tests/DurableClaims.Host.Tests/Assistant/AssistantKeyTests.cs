using System.Net;
using DurableClaims.Host.Tests.Infrastructure;
using static DurableClaims.Host.Tests.Assistant.AssistantCalls;

namespace DurableClaims.Host.Tests.Assistant;

/// <summary>Keys apply to the assistant's routes as to every /api route.</summary>
public sealed class AssistantKeyTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private readonly KestrelClaimsHost _host = fixture.Host;

    [Theory]
    [InlineData("POST", "/api/claims/C-1/conversations")]
    [InlineData("GET", "/api/claims/C-1/conversations")]
    [InlineData("GET", "/api/claims/C-1/conversations/cnv-00000000000000000000")]
    [InlineData("DELETE", "/api/claims/C-1/conversations/cnv-00000000000000000000")]
    [InlineData("POST", "/api/claims/C-1/conversations/cnv-00000000000000000000/messages")]
    public async Task Route_WithoutKey_ShouldBe401Problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Ask_WithKey_ShouldStreamTheAnswer()
    {
        using var client = _host.CreateClient(KeyedHostFixture.Key);
        var claimId = await TestClaims.StartPausedAsync(client);
        var conversationId = await CreateAsync(client, claimId);

        var events = await AskAsync(client, claimId, conversationId, "What is the status?");

        Assert.Equal("done", events[^1].Name);
    }
}
