using DurableClaims.Api;
using DurableClaims.Cli.Output;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Tests.Output;

public sealed class StatusRendererTests
{
    [Fact]
    public void Hint_ClaimInErrorWaitingForRetry_ShouldNameTheActionsAndTheClosingTime()
    {
        var view = new ClaimStatusView
        {
            ClaimId = "CLM-1",
            Status = ClaimStatusCodes.Error,
            RuntimeStatus = "Running",
            Awaiting = ClaimAwaiting.Retry,
            Actions = AdjusterActions.For(ClaimAwaiting.Retry),
            Deadline = new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero),
        };

        var hint = StatusRenderer.Hint(view);

        Assert.Contains("waiting for an adjuster: retry, decide, close", hint, StringComparison.Ordinal);
        Assert.Contains("closes as error at 2026-12-24 09:00:00Z", hint, StringComparison.Ordinal);
        Assert.Contains("durableclaims retry CLM-1 --adjuster <name>", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Hint_CompletedClaimStillCarryingAwaiting_ShouldNotOfferActions()
    {
        var view = new ClaimStatusView { ClaimId = "CLM-1", Status = ClaimStatusCodes.Stalled, RuntimeStatus = "Completed", Awaiting = ClaimAwaiting.Adjuster, Actions = AdjusterActions.For(ClaimAwaiting.Adjuster) };

        Assert.DoesNotContain("durableclaims", StatusRenderer.Hint(view), StringComparison.Ordinal);
    }
}
