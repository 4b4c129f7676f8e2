using System.Net;
using System.Net.Http.Json;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Security;

public sealed class KeyTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    private readonly KestrelClaimsHost _host = fixture.Host;

    [Theory]
    [InlineData("GET", "/api/claims")]
    [InlineData("GET", "/api/claims/C-1")]
    [InlineData("POST", "/api/claims")]
    [InlineData("POST", "/api/claims/C-1/documents")]
    [InlineData("GET", "/api/stats")]
    [InlineData("POST", "/api/events/blob-created")]
    [InlineData("GET", "/runtime/webhooks/durabletask/instances")]
    [InlineData("DELETE", "/runtime/webhooks/durabletask/instances/C-1")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Route_WithoutKey_ShouldReturn401Problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Route_WithWrongKey_ShouldReturn401()
    {
        using var client = _host.CreateClient("wrong-key");

        using var response = await client.GetAsync("/api/claims");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Route_WithKeyHeader_ShouldBeServed()
    {
        using var client = _host.CreateClient(KeyedHostFixture.Key);

        using var response = await client.GetAsync("/api/claims");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Route_WithCodeQuery_ShouldBeServed()
    {
        using var response = await _host.Client.GetAsync($"/runtime/webhooks/durabletask/instances?code={KeyedHostFixture.Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutKey_ShouldReturn200()
    {
        using var response = await _host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartClaim_WithKey_ShouldCarryCodeInManagementUrls()
    {
        using var client = _host.CreateClient(KeyedHostFixture.Key);

        using var response = await TestClaims.StartAsync(client, TestClaims.TravelJson(TestClaims.NewId(), 420m, "booking_confirmation"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Contains("code=" + KeyedHostFixture.Key, statusUri, StringComparison.Ordinal);
        using var status = await _host.Client.GetAsync(statusUri);
        Assert.True(status.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted);
    }
}
