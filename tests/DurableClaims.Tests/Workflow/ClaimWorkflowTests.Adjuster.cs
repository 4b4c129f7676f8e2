using System.Runtime.CompilerServices;
using DurableClaims.Agents;
using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Tests.Workflow;

/// <summary>No dead ends: stalled, timed-out and errored claims keep their status and wait for an adjuster's next step.</summary>
public sealed partial class ClaimWorkflowTests
{
    [Fact]
    public async Task Claim_Stalls_ShouldKeepItsStatusOpenForAnAdjuster()
    {
        await using var host = await StartHostAsync(model: ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-A-WAIT", documents: TestClaims.AutoDocuments));

        var progress = await host.WaitForIdleAsync("CLM-A-WAIT", p => p.Awaiting == ClaimAwaiting.Adjuster);
        var instance = await host.Client.GetInstanceAsync("CLM-A-WAIT");

        Assert.Equal((ClaimStatusCodes.Stalled, ClaimReasons.NoProgress), (progress.Status, progress.Reason));
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.InRange(progress.DocumentDeadline!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
    }

    [Fact]
    public async Task Claim_StalledThenClosedByAdjuster_ShouldEndStalledWithTheCloseOnTheTimeline()
    {
        await using var host = await StartHostAsync(model: ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-A-CLOSE", documents: TestClaims.AutoDocuments));
        await host.WaitForIdleAsync("CLM-A-CLOSE", p => p.Awaiting == ClaimAwaiting.Adjuster);

        await host.Client.RaiseEventAsync("CLM-A-CLOSE", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Close, "ana", "Customer withdrew the claim."));
        var outcome = await host.WaitForOutcomeAsync("CLM-A-CLOSE");
        var events = await host.Sessions.GetEventsAsync("CLM-A-CLOSE");

        Assert.Equal((ClaimStatusCodes.Stalled, ClaimReasons.NoProgress), (outcome.Status, outcome.Reason));
        Assert.Contains(events, e => e.Type == ClaimEventTypes.AdjusterAction && ActionOf(e) == AdjusterActions.Close);
    }

    [Fact]
    public async Task Claim_StalledThenApprovedByHand_ShouldBeApprovedByTheAdjuster()
    {
        await using var host = await StartHostAsync(model: ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-A-DECIDE", documents: TestClaims.AutoDocuments));
        await host.WaitForIdleAsync("CLM-A-DECIDE", p => p.Awaiting == ClaimAwaiting.Adjuster);

        await host.Client.RaiseEventAsync("CLM-A-DECIDE", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(
            AdjusterActions.Decide, "ana", "Estimate checked by phone.", new AdjusterDecision(AdjusterDecisions.Approve, "ana", "Estimate checked by phone.", 3000m)));
        var outcome = await host.WaitForOutcomeAsync("CLM-A-DECIDE");

        Assert.Equal((ClaimStatusCodes.Approved, ClaimReasons.AdjusterApproved, "ana"), (outcome.Status, outcome.Reason, outcome.Decision?.Adjuster));
    }

    [Fact]
    public async Task Claim_TimedOutThenReopened_ShouldWaitForTheDocumentsAgainAndGoOnWhenTheyArrive()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-A-REOPEN", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-A-REOPEN");
        host.Advance(TimeSpan.FromDays(15));
        await host.WaitForIdleAsync("CLM-A-REOPEN", p => p.Awaiting == ClaimAwaiting.Adjuster);

        await host.Client.RaiseEventAsync("CLM-A-REOPEN", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Reopen, "ana", "The customer called: documents are on the way."));
        var reopened = await host.WaitForPauseAsync("CLM-A-REOPEN");
        await host.DeliverAsync("CLM-A-REOPEN", ThreeMissing);
        var outcome = await host.WaitForOutcomeAsync("CLM-A-REOPEN");

        Assert.Equal(ThreeMissing, reopened.MissingDocuments);
        Assert.Equal(ClaimStatusCodes.Approved, outcome.Status);
    }

    [Fact]
    public async Task Claim_ModelFailsThenRetried_ShouldContinueFromTheFailedStep()
    {
        var failing = new StrongBox<bool>(true);
        var model = new ScriptedChatModel(turn => turn.Agent == ClaimAgents.DecisionName && turn.Round > 0
            ? (failing.Value ? throw new InvalidOperationException("connection refused (scripted)") : ScriptedChatModel.Reply("Approve.", ["Checked."], AdjusterDecisions.Approve, 0.1))
            : ScriptedChatModel.Reply("Fine.", []));
        await using var host = await StartHostAsync(model: model);
        await host.SubmitAsync(TestClaims.Auto("CLM-A-RETRY", documents: TestClaims.AutoDocuments));
        var error = await host.WaitForIdleAsync("CLM-A-RETRY", p => p.Awaiting == ClaimAwaiting.Retry);

        failing.Value = false;
        await host.Client.RaiseEventAsync("CLM-A-RETRY", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Retry, "ops"));
        var outcome = await host.WaitForOutcomeAsync("CLM-A-RETRY");

        Assert.Equal((ClaimStatusCodes.Error, 1), (error.Status, error.Rounds));
        Assert.Contains("connection refused", error.Error, StringComparison.Ordinal);
        Assert.Equal((ClaimStatusCodes.Approved, 1), (outcome.Status, outcome.Rounds));
    }

    [Fact]
    public async Task Claim_NoAdjusterWithinTheWindow_ShouldCloseByItself()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["Claims:AutoCloseAfter"] = "2.00:00:00" }, ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-A-AUTO", documents: TestClaims.AutoDocuments));
        await host.WaitForIdleAsync("CLM-A-AUTO", p => p.Awaiting == ClaimAwaiting.Adjuster);

        host.Advance(TimeSpan.FromDays(3));
        var outcome = await host.WaitForOutcomeAsync("CLM-A-AUTO");

        Assert.Equal((ClaimStatusCodes.Stalled, ClaimReasons.NoProgress), (outcome.Status, outcome.Reason));
    }

    [Fact]
    public async Task Claim_ActionThatDoesNotFit_ShouldBeIgnored()
    {
        await using var host = await StartHostAsync(model: ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-A-WRONG", documents: TestClaims.AutoDocuments));
        await host.WaitForIdleAsync("CLM-A-WRONG", p => p.Awaiting == ClaimAwaiting.Adjuster);

        await host.Client.RaiseEventAsync("CLM-A-WRONG", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Retry, "ops"));
        await host.Client.RaiseEventAsync("CLM-A-WRONG", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Close, "ops"));
        var outcome = await host.WaitForOutcomeAsync("CLM-A-WRONG");

        Assert.Equal(ClaimStatusCodes.Stalled, outcome.Status);
        Assert.DoesNotContain(await host.Sessions.GetEventsAsync("CLM-A-WRONG"), e => ActionOf(e) == AdjusterActions.Retry);
    }

    [Fact]
    public async Task Cleanup_ClaimStalledButOpen_ShouldKeepItsSession()
    {
        await using var host = await StartHostAsync(model: ScriptedChatModel.Stalling());
        await host.SubmitAsync(TestClaims.Auto("CLM-A-KEEP", documents: TestClaims.AutoDocuments));
        await host.WaitForIdleAsync("CLM-A-KEEP", p => p.Awaiting == ClaimAwaiting.Adjuster);

        var result = await host.Services.GetRequiredService<ClaimsApiService>().CleanupAsync(DateTimeOffset.UtcNow.AddDays(400));

        Assert.Equal(0, result.SessionsRemoved);
        Assert.True(await host.Sessions.ExistsAsync("CLM-A-KEEP"));
    }

    private static string? ActionOf(ClaimLifecycleEvent lifecycleEvent)
        => lifecycleEvent.Data is { } data && data.TryGetValue("action", out var action) ? action?.ToString() : null;
}
