using System.Diagnostics;
using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>Stopping with a request in flight whose write hangs: the host stops within its shutdown timeout and stores nothing of the request.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    // Host:ShutdownTimeout in these hosts; the slack covers stopping the worker and the task hub on a slow machine.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    private KestrelClaimsHost _host = null!;
    private BlockingDocumentStore _store = null!;
    private bool _stopped;

    public async Task InitializeAsync()
    {
        _host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Settings = new Dictionary<string, string> { ["Host:ShutdownTimeout"] = "00:00:05" },
            ConfigureServices = services => _store = BlockingDocumentStore.Install(services),
        });
    }

    public async Task DisposeAsync()
    {
        _store.Release();
        if (!_stopped)
        {
            await _host.DisposeAsync();
        }
        else
        {
            _host.Client.Dispose();
            TryDelete(_host.DataDirectory);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task StopAsync_BlockedWrite_ShouldAbandonItAndStopWithinTheShutdownTimeout()
    {
        var (claimId, upload) = await BlockAnUploadAsync(honourCancellation: true);

        var elapsed = await StopAsync();
        using var response = await upload;

        Assert.True(elapsed < ShutdownTimeout + Slack, $"Stopping took {elapsed}.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(FilesOf(claimId, "receipts"));
    }

    [Fact(Timeout = 60_000)]
    public async Task StopAsync_WriteThatIgnoresCancellation_ShouldStillStopWithinTheShutdownTimeout()
    {
        var (claimId, upload) = await BlockAnUploadAsync(honourCancellation: false);

        var elapsed = await StopAsync();

        Assert.True(elapsed < ShutdownTimeout + Slack, $"Stopping took {elapsed}.");
        Assert.DoesNotContain(FilesOf(claimId, "receipts"), f => !f.EndsWith(".tmp", StringComparison.Ordinal));
        _ = upload.ContinueWith(t => t.Exception, TaskScheduler.Default);
    }

    private async Task<(string ClaimId, Task<HttpResponseMessage> Upload)> BlockAnUploadAsync(bool honourCancellation)
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        _store.Block(honourCancellation);
        var upload = TestClaims.PostDocumentsAsync(_host.Client, claimId, "receipts");
        await _store.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        return (claimId, upload);
    }

    private async Task<TimeSpan> StopAsync()
    {
        var clock = Stopwatch.StartNew();
        await _host.StopAsync();
        _stopped = true;
        return clock.Elapsed;
    }

    /// <summary>Every file in the claim's folder of one document type, temporary files and sidecars included.</summary>
    private string[] FilesOf(string claimId, string type)
    {
        var folder = Path.Combine(_host.DataDirectory, "claim-documents", claimId, type);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
