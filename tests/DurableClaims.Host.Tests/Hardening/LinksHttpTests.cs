using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>Absolute URLs come from the host's own address (or its configured public base URL), never from the Host header; responses name no server path.</summary>
public sealed class LinksHttpTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private KestrelClaimsHost Host => fixture.Host;

    [Fact(Timeout = 60_000)]
    public async Task StartClaim_SpoofedHostHeader_ShouldNotChangeTheLinks()
    {
        var claimId = TestClaims.NewId();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims") { Content = TestClaims.Json(TestClaims.TravelJson(claimId)) };
        request.Headers.Host = "attacker.example";

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = (await response.ReadJsonAsync()).GetProperty("statusQueryGetUri").GetString();
        Assert.StartsWith(Host.BaseAddress.GetLeftPart(UriPartial.Authority), status, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task InstanceStatus_SpoofedHostHeader_ShouldNotChangeLocation()
    {
        var claimId = await TestClaims.StartPausedAsync(Host.Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{claimId}");
        request.Headers.Host = "attacker.example";

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith(Host.BaseAddress.GetLeftPart(UriPartial.Authority), response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitDocuments_Response_ShouldNameALogicalLocationNotAServerPath()
    {
        var claimId = await TestClaims.StartPausedAsync(Host.Client);

        using var response = await TestClaims.PostDocumentsAsync(Host.Client, claimId, "receipts");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = (await response.ReadJsonAsync()).GetProperty("documents")[0].GetProperty("location").GetString();
        Assert.Equal($"claim-documents/{claimId}/receipts/receipts.txt", location);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartClaim_PublicBaseUrlConfigured_ShouldLinkToIt()
    {
        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Settings = new Dictionary<string, string> { ["Host:PublicBaseUrl"] = "https://claims.example.com/" },
        });

        using var response = await host.Client.PostAsync("/api/claims", TestClaims.Json(TestClaims.TravelJson(TestClaims.NewId())));

        var status = (await response.ReadJsonAsync()).GetProperty("statusQueryGetUri").GetString();
        Assert.StartsWith("https://claims.example.com/runtime/webhooks/durabletask/instances/", status, StringComparison.Ordinal);
    }
}

/// <summary>With <c>AllowedHosts</c> configured, links follow an allowed request host (host filtering refuses the others).</summary>
public sealed class AllowedHostsLinksTests
{
    [Fact(Timeout = 60_000)]
    public async Task StartClaim_AllowedHostHeader_ShouldLinkToThatHost()
    {
        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Settings = new Dictionary<string, string> { ["AllowedHosts"] = "claims.test;127.0.0.1" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims") { Content = TestClaims.Json(TestClaims.TravelJson(TestClaims.NewId())) };
        request.Headers.Host = "claims.test";

        using var response = await host.Client.SendAsync(request);

        var status = (await response.ReadJsonAsync()).GetProperty("statusQueryGetUri").GetString();
        Assert.StartsWith("http://claims.test/runtime/webhooks/durabletask/instances/", status, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartClaim_HostHeaderNotAllowed_ShouldBeRefusedWithoutStarting()
    {
        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Settings = new Dictionary<string, string> { ["AllowedHosts"] = "claims.test;127.0.0.1" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims") { Content = TestClaims.Json(TestClaims.TravelJson(TestClaims.NewId())) };
        request.Headers.Host = "attacker.example";

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
