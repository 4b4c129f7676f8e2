using DurableClaims.Agents;
using DurableClaims.Contracts;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Workflow;

/// <summary>Analysis rounds and decisions: review, stall, max rounds, errors, extra documents.</summary>
public sealed partial class ClaimWorkflowTests
{
    [Theory]
    [InlineData(AdjusterDecisions.Approve, ClaimStatusCodes.Approved, ClaimReasons.AdjusterApproved, "handoff_package.md", 5800)]
    [InlineData(AdjusterDecisions.Deny, ClaimStatusCodes.Denied, ClaimReasons.AdjusterDenied, "denial_package.md", 0)]
    public async Task Claim_HighRiskWithHitl_ShouldWaitForTheAdjusterAndFollowTheDecision(
        string decision, string status, string reason, string package, decimal payable)
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.HighRisk("CLM-W-REVIEW"));
        var waiting = await host.WaitForPauseAsync("CLM-W-REVIEW", ClaimAwaiting.Review);

        await host.Client.RaiseEventAsync("CLM-W-REVIEW", ClaimWorkflow.Events.AdjusterDecision, new AdjusterDecision(decision, "Jordan Reyes", "Spoke to the claimant."));
        var outcome = await host.WaitForOutcomeAsync("CLM-W-REVIEW");

        Assert.Equal((ClaimReasons.AwaitingReview, AdjusterDecisions.Deny), (waiting.Reason, waiting.Recommendation));
        Assert.Equal((status, reason, package, payable), (outcome.Status, outcome.Reason, outcome.PackageFileName, outcome.Decision!.PayableAmount));
        Assert.Equal(("Jordan Reyes", "Spoke to the claimant."), (outcome.Decision.Adjuster, outcome.Decision.AdjusterNotes));
    }

    [Fact]
    public async Task Claim_ReviewWithoutValidDecision_ShouldIgnoreItAndKeepWaiting()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.HighRisk("CLM-W-BADREVIEW"));
        await host.WaitForPauseAsync("CLM-W-BADREVIEW", ClaimAwaiting.Review);

        await host.Client.RaiseEventAsync("CLM-W-BADREVIEW", ClaimWorkflow.Events.AdjusterDecision, new AdjusterDecision("maybe", "Jordan Reyes"));
        await host.Client.RaiseEventAsync("CLM-W-BADREVIEW", ClaimWorkflow.Events.AdjusterDecision, new AdjusterDecision("deny", "Jordan Reyes"));

        Assert.Equal(ClaimReasons.AdjusterDenied, (await host.WaitForOutcomeAsync("CLM-W-BADREVIEW")).Reason);
    }

    [Fact]
    public async Task Claim_NoAdjusterBeforeTheReviewDeadline_ShouldTimeOut()
    {
        await using var host = await StartHostAsync(SeedAutoClose());
        await host.SubmitAsync(TestClaims.HighRisk("CLM-W-NOREVIEW"));
        await host.WaitForPauseAsync("CLM-W-NOREVIEW", ClaimAwaiting.Review);

        host.Advance(TimeSpan.FromDays(15));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-NOREVIEW");
        Assert.Equal((ClaimStatusCodes.Timeout, ClaimReasons.ReviewNotReceived), (outcome.Status, outcome.Reason));
    }

    [Fact]
    public async Task Claim_HighRiskWithHitlOff_ShouldBeDeniedByTheRiskRule()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["ORCHESTRATION_ENABLE_HITL"] = "false" });
        await host.SubmitAsync(TestClaims.HighRisk("CLM-W-RISKY"));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-RISKY");

        Assert.Equal((ClaimStatusCodes.Denied, ClaimReasons.HighRisk), (outcome.Status, outcome.Reason));
        Assert.Contains(outcome.Decision!.RulesApplied, r => r.Id == "risk.threshold");
    }

    [Fact]
    public async Task Claim_IncidentOutsideThePolicyPeriodWithDocumentsMissing_ShouldBeDeniedAtIntakeWithoutPausing()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-EXPIRED") with { PolicyNumber = "POL-AUTO-3003" });

        var outcome = await host.WaitForOutcomeAsync("CLM-W-EXPIRED");
        var events = await host.Sessions.GetEventsAsync("CLM-W-EXPIRED");

        Assert.Equal((ClaimStatusCodes.Denied, ClaimReasons.NotCovered, 0, "denial_package.md"), (outcome.Status, outcome.Reason, outcome.Rounds, outcome.PackageFileName));
        Assert.Contains(outcome.Decision!.RulesApplied, r => r is { Id: "coverage.period", Result: "failed" });
        Assert.DoesNotContain(events, e => e.Type == ClaimEventTypes.Pause);
    }

    [Fact]
    public async Task Claim_NoProgressForThreeRounds_ShouldStall()
    {
        await using var host = await StartHostAsync(SeedAutoClose(), model: ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-W-STALL", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-STALL");

        Assert.Equal((ClaimStatusCodes.Stalled, ClaimReasons.NoProgress, 4), (outcome.Status, outcome.Reason, outcome.Rounds));
        Assert.Equal(ClaimStatusCodes.Stalled, (await host.Sessions.LoadAsync("CLM-W-STALL"))!.Metadata.Status);
    }

    [Fact]
    public async Task Claim_StallThresholdFromEnvironmentName_ShouldStallSooner()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["Claims:AutoCloseAfter"] = "00:00:00", ["ORCHESTRATION_STALL_THRESHOLD"] = "1" }, ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-W-STALL1", documents: TestClaims.AutoDocuments));

        Assert.Equal(2, (await host.WaitForOutcomeAsync("CLM-W-STALL1")).Rounds);
    }

    [Fact]
    public async Task Claim_ProgressWithoutDecision_ShouldTimeOutAtMaxRounds()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["Claims:AutoCloseAfter"] = "00:00:00", ["ORCHESTRATION_MAX_ROUNDS"] = "5" }, ScriptedChatModel.NeverDeciding());
        await host.SubmitAsync(TestClaims.Auto("CLM-W-MAX", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-MAX");

        Assert.Equal((ClaimStatusCodes.Timeout, ClaimReasons.MaxRounds, 5), (outcome.Status, outcome.Reason, outcome.Rounds));
    }

    [Fact]
    public async Task Claim_ModelFailsDuringAnalysis_ShouldEndInErrorWithTheSessionSaved()
    {
        await using var host = await StartHostAsync(SeedAutoClose(), model: ScriptedChatModel.FailingIn(ClaimAgents.DecisionName));
        await host.SubmitAsync(TestClaims.Auto("CLM-W-ERROR", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-ERROR");
        var session = await host.Sessions.LoadAsync("CLM-W-ERROR");

        Assert.Equal((ClaimStatusCodes.Error, ClaimReasons.UnexpectedError), (outcome.Status, outcome.Reason));
        Assert.Contains("scripted failure", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal((ClaimStatusCodes.Error, ClaimReasons.UnexpectedError, true), (session!.Metadata.Status, session.Metadata.Reason, session.Metadata.Archived));
        Assert.Contains(session.History, m => m.Content.StartsWith("Claim stopped by an unexpected error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claim_AnalysisFindsThirdPartyAndHighAmount_ShouldPauseAgainForTheNewDocuments()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-MORE", 18500m, "The other driver ran a red light and hit my car.", TestClaims.AutoDocuments));

        var paused = await host.WaitForPauseAsync("CLM-W-MORE");
        await host.DeliverAsync("CLM-W-MORE", "third_party_statement", "independent_appraisal");
        var outcome = await host.WaitForOutcomeAsync("CLM-W-MORE");

        Assert.Equal((1, ClaimPhases.Documents), (paused.Rounds, paused.Phase));
        Assert.Equal(["third_party_statement", "independent_appraisal"], paused.MissingDocuments);
        Assert.Equal((ClaimStatusCodes.Approved, 18000m), (outcome.Status, outcome.Decision!.PayableAmount));
    }

    [Fact]
    public async Task Claim_DecidedAfterAModelRound_ShouldRecordTheModelAndPromptVersion()
    {
        await using var host = await StartHostAsync(model: ScriptedChatModel.Approving());
        await host.SubmitAsync(TestClaims.Auto("CLM-W-MODEL", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-MODEL");

        Assert.Equal($"scripted/{ClaimAgents.PromptVersion}", outcome.Decision?.ModelVersion);
    }
}
