using System.Net;
using DurableClaims.Api;
using DurableClaims.Api.Retention;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Host.Tests.Retention;

public sealed class RetentionWorkerTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task RunOnce_FinishedClaimOlderThanTheAge_ShouldRemoveItsSessionAndInstance()
    {
        var claimId = await StartDecidedClaimAsync();
        var twoDaysLater = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        var worker = CreateWorker(twoDaysLater, olderThanDays: 1);

        var result = await worker.RunOnceAsync(CancellationToken.None);

        Assert.True(result is { SessionsRemoved: >= 1, InstancesPurged: >= 1 }, $"removed {result}");
        using var status = await _client.GetAsync($"/api/claims/{claimId}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task RunOnce_PausedClaim_ShouldKeepIt()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        var worker = CreateWorker(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30)), olderThanDays: 1);

        await worker.RunOnceAsync(CancellationToken.None);

        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "paused");
        Assert.Equal("paused", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunOnce_ClaimTerminatedThroughTheManagementApi_ShouldNotComeBackAsPaused()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await _client.PostAsync($"/runtime/webhooks/durabletask/instances/{claimId}/terminate?reason=fraud", null)).Dispose();
        await WaitForRuntimeStatusAsync(claimId, "Terminated");
        var worker = CreateWorker(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2)), olderThanDays: 1);

        var result = await worker.RunOnceAsync(CancellationToken.None);

        Assert.True(result.SessionsRemoved >= 1, $"removed {result}");
        using var status = await _client.GetAsync($"/api/claims/{claimId}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public void Host_Started_ShouldRunTheRetentionWorker()
    {
        var workers = fixture.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();

        Assert.Single(workers.OfType<RetentionWorker>());
    }

    private RetentionWorker CreateWorker(TimeProvider time, int olderThanDays)
        => new(
            fixture.Host.Services.GetRequiredService<ClaimsApiService>(),
            Options.Create(new RetentionOptions { OlderThanDays = olderThanDays }),
            time,
            NullLogger<RetentionWorker>.Instance);

    private async Task<string> StartDecidedClaimAsync()
    {
        var claimId = TestClaims.NewId("RET");
        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation", "receipts"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s is not ("running" or "paused"));

        // The status is decided one step before the orchestration itself completes.
        await WaitForRuntimeStatusAsync(claimId, "Completed");
        return claimId;
    }

    private async Task WaitForRuntimeStatusAsync(string claimId, string runtimeStatus)
    {
        for (var i = 0; i < 200; i++)
        {
            using var status = await _client.GetAsync($"/api/claims/{claimId}");
            if ((await status.ReadJsonAsync()).GetProperty("runtimeStatus").GetString() == runtimeStatus)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Claim {claimId} never reached runtime status {runtimeStatus}.");
    }
}
