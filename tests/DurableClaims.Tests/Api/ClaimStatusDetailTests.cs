using DurableClaims.Api;
using DurableClaims.Contracts;

namespace DurableClaims.Tests.Api;

/// <summary>Every status carries its cause in words, without stack traces.</summary>
public sealed class ClaimStatusDetailTests
{
    private static ClaimStatusView View(string status, string reason) => new() { ClaimId = "CLM-1", Status = status, Reason = reason };

    [Fact]
    public void Describe_PausedForDocuments_ShouldNameThemAndTheDeadline()
    {
        var view = View(ClaimStatusCodes.Paused, ClaimReasons.AwaitingDocuments) with
        {
            MissingDocuments = ["receipts", "booking_confirmation"],
            Deadline = new DateTimeOffset(2026, 12, 19, 9, 30, 0, TimeSpan.Zero),
        };

        Assert.Equal("Waiting for receipts, booking_confirmation until 2026-12-19 09:30 UTC.", ClaimStatusDetail.Describe(view));
    }

    [Fact]
    public void Describe_ErrorInAnActivity_ShouldNameTheStepAndOnlyTheFirstLineOfTheMessage()
    {
        var view = View(ClaimStatusCodes.Error, ClaimReasons.UnexpectedError);

        var detail = ClaimStatusDetail.Describe(view, "RunAnalysisRoundActivity: Connection refused (127.0.0.1:9)\n   at System.Net.Http.HttpConnection.ConnectAsync()");

        Assert.Equal("Stopped by an error in RunAnalysisRound: Connection refused (127.0.0.1:9)", detail);
    }

    [Fact]
    public void Describe_NotCovered_ShouldGiveTheFailedRulesReasons()
    {
        var view = View(ClaimStatusCodes.Denied, ClaimReasons.NotCovered) with
        {
            Decision = new ClaimDecision
            {
                Outcome = "denied", PolicyNumber = "POL-AUTO-3003", ClaimedAmount = 3100m, Currency = "USD", DecidedBy = "rules",
                RulesApplied =
                [
                    new AppliedRule("policy.exists", "The policy number must be on file.", "passed"),
                    new AppliedRule("coverage.period", "The incident must fall within the policy period.", "failed", "Incident on 2026-10-10; policy period 2025-01-01 to 2025-12-31."),
                ],
            },
        };

        Assert.Equal("Denied: Incident on 2026-10-10; policy period 2025-01-01 to 2025-12-31.", ClaimStatusDetail.Describe(view));
    }

    [Fact]
    public void Describe_StalledWaitingForAnAdjuster_ShouldQuoteTheFindingAndOfferTheActions()
    {
        var view = View(ClaimStatusCodes.Stalled, ClaimReasons.NoProgress) with
        {
            Rounds = 4,
            Awaiting = ClaimAwaiting.Adjuster,
            Actions = AdjusterActions.For(ClaimAwaiting.Adjuster),
            Deadline = new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero),
        };

        var detail = ClaimStatusDetail.Describe(view, "Conflict: the repair_estimate total of 14,900.00 USD does not match the claimed 8,400.00 USD.");

        Assert.Equal(
            "The analysis found nothing new for several rounds in a row (round 4): \"Conflict: the repair_estimate total of 14,900.00 USD does not match the claimed 8,400.00 USD\"; "
            + "an adjuster should review the findings. An adjuster can decide, reopen, close until 2027-01-04 09:30 UTC; then it closes as stalled.",
            detail);
    }
}
