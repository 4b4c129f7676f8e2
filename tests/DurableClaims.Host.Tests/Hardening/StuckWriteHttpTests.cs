using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>A write to the claim store that hangs makes <c>/api/health</c> unhealthy (naming the write and how long) until it finishes.</summary>
public sealed class StuckWriteHttpTests : IAsyncLifetime
{
    private KestrelClaimsHost _host = null!;
    private BlockingDocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Settings = new Dictionary<string, string> { ["Claims:Storage:StuckWriteAfter"] = "00:00:00.200" },
            ConfigureServices = services => _store = BlockingDocumentStore.Install(services),
        });
    }

    public async Task DisposeAsync()
    {
        _store.Release();
        await _host.DisposeAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task Health_WriteBlockedPastTheThreshold_ShouldBe503NamingTheWrite()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Block();
        var upload = TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");
        await _store.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        var health = await WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);
        _store.Release();
        (await upload).Dispose();

        var body = await health.ReadJsonAsync();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("document write", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(claimId, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Health_BlockedWriteFinishes_ShouldBeHealthyAgain()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Block();
        var upload = TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");
        await _store.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        (await WaitForHealthAsync(HttpStatusCode.ServiceUnavailable)).Dispose();

        _store.Release();
        using var stored = await upload;
        using var health = await _host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Polls health (at most 5 s; the threshold is 200 ms) until it answers <paramref name="expected"/>.</summary>
    private async Task<HttpResponseMessage> WaitForHealthAsync(HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var response = await _host.Client.GetAsync("/api/health");
            if (response.StatusCode == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, response.StatusCode);
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }
}
