using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Tests.Clients;

public sealed class ClaimWaiterTests
{
    [Fact]
    public void IsStopPoint_StalledClaimWaitingForAnAdjuster_ShouldBeTrue()
    {
        var view = new ClaimStatusView { ClaimId = "CLM-1", Status = ClaimStatusCodes.Stalled, RuntimeStatus = "Running", Awaiting = ClaimAwaiting.Adjuster };

        Assert.True(ClaimWaiter.IsStopPoint(view));
    }

    [Fact]
    public void IsStopPoint_RunningClaim_ShouldBeFalse()
    {
        var view = new ClaimStatusView { ClaimId = "CLM-1", Status = ClaimStatusCodes.Running, RuntimeStatus = "Running" };

        Assert.False(ClaimWaiter.IsStopPoint(view));
    }
}
