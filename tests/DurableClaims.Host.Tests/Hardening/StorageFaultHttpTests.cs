using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>A full disk over HTTP: 507 problem details, health 503 until a write succeeds again.</summary>
public sealed class StorageFaultHttpTests : IAsyncLifetime
{
    private KestrelClaimsHost _host = null!;
    private FailingDocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _host = await KestrelClaimsHost.StartAsync(new TestHostOptions { ConfigureServices = services => _store = FailingDocumentStore.Install(services) });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact(Timeout = 90_000)]
    public async Task SubmitDocuments_DiskFull_ShouldAnswer507WithoutAServerPath()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Full = true;

        using var response = await TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("/data/", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.DataDirectory, text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task Health_AfterDiskFull_ShouldBeUnhealthy()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Full = true;
        using var failed = await TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");

        using var health = await _host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", (await health.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact(Timeout = 90_000)]
    public async Task Health_AfterAWriteSucceedsAgain_ShouldBeHealthy()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Full = true;
        using var failed = await TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");
        _store.Full = false;

        using var stored = await TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");
        using var health = await _host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact(Timeout = 90_000)]
    public async Task RaiseDocumentsReceived_DamagedStore_ShouldAnswer503WithoutAServerPath()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Corrupt = true;

        using var response = await _host.Client.PostAsync(
            $"/runtime/webhooks/durabletask/instances/{claimId}/raiseEvent/DocumentsReceived",
            TestClaims.Json("{\"documents\":[{\"type\":\"receipts\",\"filename\":\"r.pdf\"}]}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("/data/", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
