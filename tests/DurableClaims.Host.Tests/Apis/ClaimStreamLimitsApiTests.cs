using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>A keyed host allowing one stream: keys apply to streams (as <c>code</c>, since EventSource sends no headers), and a stream beyond the limit is a 503 problem.</summary>
public sealed class ClaimStreamLimitsApiTests : IAsyncLifetime
{
    private const string Key = "stream-key-456";
    private KestrelClaimsHost _host = null!;

    public async Task InitializeAsync() => _host = await KestrelClaimsHost.StartAsync(new TestHostOptions
    {
        Keys = [Key],
        Settings = new Dictionary<string, string> { ["Host:Streams:MaxConcurrent"] = "1" },
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/claims/stream")]
    [InlineData("/api/claims/stream?code=wrong-key")]
    public async Task StreamList_MissingOrWrongKey_ShouldReturn401(string path)
    {
        using var response = await _host.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StreamList_NoKeyFromEventSource_ShouldReturn401Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/claims/stream");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StreamList_KeyAsCode_ShouldBeServed()
    {
        using var response = await _host.Client.GetAsync($"/api/claims/stream?code={Key}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StreamList_BeyondTheLimit_ShouldReturn503Problem()
    {
        using var first = await _host.Client.GetAsync($"/api/claims/stream?code={Key}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await _host.Client.GetAsync($"/api/claims/stream?code={Key}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
    }
}
