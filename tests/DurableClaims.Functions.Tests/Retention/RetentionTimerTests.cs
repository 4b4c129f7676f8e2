using DurableClaims.Contracts;
using DurableClaims.Functions.Tests.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Functions.Tests.Retention;

/// <summary>The RetentionCleanup timer function called directly: it removes finished claims older than the window and nothing else.</summary>
/// <remarks>Each test has its own task hub: a clean-up sweeps every claim of the hub.</remarks>
public sealed class RetentionTimerTests : IAsyncLifetime
{
    private FunctionsApp _app = null!;

    public async Task InitializeAsync() => _app = await FunctionsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RetentionCleanup_FinishedClaimOlderThanTheWindow_ShouldPurgeItsInstanceAndSession()
    {
        var claimId = await StartApprovedAsync();

        await RunTimerAsync(daysLater: 2, olderThanDays: 1);

        Assert.Null(await _app.Client.GetInstanceAsync(claimId));
        Assert.Null(await _app.Host.Sessions.LoadStateAsync(claimId));
        Assert.Equal(StatusCodes.Status404NotFound, (await _app.GetClaimAsync(claimId)).StatusCode);
    }

    [Fact]
    public async Task RetentionCleanup_FinishedClaimInsideTheWindow_ShouldKeepIt()
    {
        var claimId = await StartApprovedAsync();

        await RunTimerAsync(daysLater: 2, olderThanDays: 30);

        Assert.NotNull(await _app.Client.GetInstanceAsync(claimId));
        Assert.Equal("approved", (await _app.GetClaimAsync(claimId)).Member("status"));
    }

    [Fact]
    public async Task RetentionCleanup_PausedClaim_ShouldKeepItRunning()
    {
        var claimId = await _app.StartPausedAsync();

        await RunTimerAsync(daysLater: 30, olderThanDays: 1);

        var instance = await _app.Client.GetInstanceAsync(claimId);
        Assert.NotNull(instance);
        Assert.False(instance.IsCompleted);
    }

    private async Task RunTimerAsync(int daysLater, int olderThanDays)
    {
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(daysLater));
        var timer = new TimerInfo { IsPastDue = false };

        await _app.Retention(olderThanDays, later).RunAsync(timer, _app.Client, CancellationToken.None);
    }

    private async Task<string> StartApprovedAsync()
    {
        var claimId = TestClaims.NewId("RET");
        Assert.Equal(StatusCodes.Status202Accepted, (await _app.StartClaimAsync(TestClaims.TravelJson(claimId, "booking_confirmation", "receipts"))).StatusCode);
        Assert.Equal(ClaimStatusCodes.Approved, (await _app.Host.WaitForOutcomeAsync(claimId)).Status);
        return claimId;
    }
}
