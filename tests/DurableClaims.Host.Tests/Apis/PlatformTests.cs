using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

public sealed class PlatformTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task Health_Anonymous_ShouldReturn200Healthy()
    {
        using var response = await _client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownApiRoute_Get_ShouldReturn404ProblemDetails()
    {
        using var response = await _client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal("/api/no-such-route", problem.GetProperty("instance").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task UnknownRuntimeRoute_Get_ShouldReturn404ProblemDetails()
    {
        using var response = await _client.GetAsync("/runtime/webhooks/durabletask/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_Get_ShouldDescribeClaimAndManagementRoutes()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/claims", out _));
        Assert.True(paths.TryGetProperty("/api/claims/{claimId}/documents", out _));
        Assert.True(paths.TryGetProperty("/runtime/webhooks/durabletask/instances/{instanceId}", out _));
        Assert.True(paths.TryGetProperty("/api/events/blob-created", out _));
    }

    [Fact]
    public async Task ScalarUi_Get_ShouldServeHtml()
    {
        using var response = await _client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Root_Get_ShouldServeDashboardIndexHtml()
    {
        using var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
