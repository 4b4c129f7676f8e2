using DurableClaims.Contracts;
using DurableClaims.Domain;

namespace DurableClaims.Tests.Domain;

/// <summary>The claim state's transitions guard their own rules.</summary>
public sealed class ClaimStateTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static ClaimState Intake(params string[] received)
        => ClaimState.Start("CLM-S", 3).Intake(["police_report", "repair_estimate"], received.Select(t => new ReceivedDocument(t, t + ".pdf", $"CLM-S/{t}/{t}.pdf")).ToList());

    [Fact]
    public void Intake_SomeDocumentsStored_ShouldMissTheRest()
    {
        var state = Intake("police_report");

        Assert.Equal(["repair_estimate"], state.Missing);
    }

    [Fact]
    public void Receive_DocumentWithoutLocation_ShouldNotCount()
    {
        var (state, added) = Intake().Receive([new ReceivedDocument("repair_estimate", "estimate.pdf")]);

        Assert.Empty(added);
        Assert.Contains("repair_estimate", state.Missing);
    }

    [Fact]
    public void BeginRound_RoundLimitUsed_ShouldThrow()
    {
        var state = Intake("police_report", "repair_estimate").BeginRound().BeginRound().BeginRound();

        Assert.False(state.CanAnalyse);
        Assert.Throws<InvalidOperationException>(() => state.BeginRound());
    }

    [Fact]
    public void ApplyRound_NothingNew_ShouldCountARoundWithoutProgress()
    {
        var state = Intake("police_report", "repair_estimate").BeginRound().ApplyRound(new RoundConclusion { RiskScore = 0.2 });

        Assert.Equal((1, 0.2), (state.RoundsWithoutProgress, state.RiskScore));
    }

    [Fact]
    public void NeedAdjuster_Approved_ShouldBeRefused()
        => Assert.Throws<ArgumentException>(() => Intake().NeedAdjuster(ClaimStatusCodes.Approved, ClaimReasons.Covered, At));

    [Fact]
    public void NeedAdjuster_ErrorWithMessage_ShouldWaitForARetry()
    {
        var state = Intake().NeedAdjuster(ClaimStatusCodes.Error, ClaimReasons.UnexpectedError, At, "RunAnalysisRoundActivity: timeout");

        Assert.Equal((ClaimAwaiting.Retry, "RunAnalysisRoundActivity: timeout"), (state.Awaiting, state.ToProgress().Error));
    }

    [Fact]
    public void Reopen_ClaimNotWaitingForAnAdjuster_ShouldThrow()
        => Assert.Throws<InvalidOperationException>(() => Intake().Reopen(["receipts"], "again", 3));

    [Fact]
    public void Reopen_TimedOutClaim_ShouldAskForTheDocumentsWithAFreshRoundBudget()
    {
        var timedOut = Intake("police_report", "repair_estimate").BeginRound().BeginRound().BeginRound()
            .NeedAdjuster(ClaimStatusCodes.Timeout, ClaimReasons.MaxRounds, At);

        var reopened = timedOut.Reopen(["witness_statement"], "Adjuster wants a witness.", 3);

        Assert.Equal((ClaimStatusCodes.Running, ClaimPhases.Documents, 6), (reopened.Status, reopened.Phase, reopened.RoundLimit));
        Assert.Equal(["witness_statement"], reopened.Missing);
        Assert.Equal("Adjuster wants a witness.", reopened.RequestReasons["witness_statement"]);
    }

    [Fact]
    public void Complete_ThenAnyTransition_ShouldThrow()
    {
        var closed = Intake().Complete(new ClaimOutcome { ClaimId = "CLM-S", Status = ClaimStatusCodes.Denied, Reason = ClaimReasons.NotCovered, CompletedAt = At });

        Assert.True(closed.IsClosed);
        Assert.Throws<InvalidOperationException>(() => closed.Working(ClaimPhases.Analysis));
    }

    [Fact]
    public void ToProgress_Stalled_ShouldQuoteTheLatestConflict()
    {
        var state = Intake("police_report", "repair_estimate").BeginRound()
            .ApplyRound(new RoundConclusion { NewFindings = ["Conflict: totals differ.", "Photos match the description."] })
            .NeedAdjuster(ClaimStatusCodes.Stalled, ClaimReasons.NoProgress, At);

        Assert.Equal("Conflict: totals differ.", state.ToProgress().Cause);
    }
}
