using DurableClaims.Api;
using DurableClaims.Api.Adjusters;
using DurableClaims.Contracts;
using DurableClaims.Testing;
using DurableClaims.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Tests.Workflow;

/// <summary>Reminders on request (workflow version 2): an adjuster reminds the customer of a claim waiting for documents; version-1 claims keep their own path.</summary>
public sealed partial class ClaimWorkflowTests
{
    [Fact]
    public async Task Claim_WaitingForDocuments_ShouldOfferTheRemindAction()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-R-OFFER", documents: ["police_report"]));

        var paused = await host.WaitForPauseAsync("CLM-R-OFFER");

        Assert.Equal([AdjusterActions.Remind], paused.Actions);
    }

    [Fact]
    public async Task Claim_AdjusterAsksForAReminder_ShouldRemindTheCustomerAtOnceAndKeepWaiting()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-R-ASK", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-R-ASK");

        await host.Client.RaiseEventAsync("CLM-R-ASK", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Remind, "ana", "Please send the estimate this week."));
        var reminded = await host.WaitForPauseAsync("CLM-R-ASK", reminders: 1);
        var events = await host.Sessions.GetEventsAsync("CLM-R-ASK");
        var history = await host.Sessions.GetHistoryAsync("CLM-R-ASK");

        Assert.Equal(ThreeMissing, reminded.MissingDocuments);
        Assert.Contains(events, e => e.Type == ClaimEventTypes.Reminder && Equals(e.Data?["adjuster"]?.ToString(), "ana"));
        Assert.Contains(history, m => m.Content.Contains("Sent by adjuster ana. Note: Please send the estimate this week.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claim_RemindedThenDocumentsArrive_ShouldBeApproved()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-R-THEN", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-R-THEN");
        await host.Client.RaiseEventAsync("CLM-R-THEN", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Remind, "ana"));
        await host.WaitForPauseAsync("CLM-R-THEN", reminders: 1);

        await host.DeliverAsync("CLM-R-THEN", ThreeMissing);

        Assert.Equal(ClaimStatusCodes.Approved, (await host.WaitForOutcomeAsync("CLM-R-THEN")).Status);
    }

    [Fact]
    public async Task Claim_WaitingForDocumentsGetsAnotherAction_ShouldIgnoreItAndKeepWaiting()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-R-OTHER", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-R-OTHER");

        await host.Client.RaiseEventAsync("CLM-R-OTHER", ClaimWorkflow.Events.AdjusterAction, new AdjusterAction(AdjusterActions.Close, "ops"));
        await host.DeliverAsync("CLM-R-OTHER", ThreeMissing);

        Assert.Equal(ClaimStatusCodes.Approved, (await host.WaitForOutcomeAsync("CLM-R-OTHER")).Status);
        Assert.DoesNotContain(await host.Sessions.GetEventsAsync("CLM-R-OTHER"), e => e.Type == ClaimEventTypes.Reminder);
    }

    [Fact]
    public async Task Remind_ClaimStartedOnVersion1_ShouldBeRefusedWithTheReason()
    {
        await using var host = await StartHostAsync();
        await StartOnVersion1Async(host, "CLM-R-V1");
        var paused = await host.WaitForPauseAsync("CLM-R-V1");

        var result = await host.Services.GetRequiredService<ClaimActionsService>().RemindAsync("CLM-R-V1", new AdjusterActionRequest("ana", null));

        Assert.Null(paused.Actions);
        Assert.Equal(ApiResultKind.Conflict, result.Kind);
        Assert.Contains("workflow version 1", result.Problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_StartedOnVersion1_ShouldFinishOnItsOwnPathOnThisBuild()
    {
        await using var host = await StartHostAsync();
        await StartOnVersion1Async(host, "CLM-R-V1-END");
        await host.WaitForPauseAsync("CLM-R-V1-END");

        await host.DeliverAsync("CLM-R-V1-END", ThreeMissing);

        Assert.Equal(ClaimStatusCodes.Approved, (await host.WaitForOutcomeAsync("CLM-R-V1-END")).Status);
    }

    /// <summary>A claim as the previous build started it: stamped with version 1.</summary>
    private static async Task StartOnVersion1Async(WorkflowHost host, string claimId)
    {
        var claim = TestClaims.Auto(claimId, documents: ["police_report"]);
        await host.StoreDocumentsOfAsync(claim);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            ClaimWorkflow.OrchestratorName, claim, new StartOrchestrationOptions { InstanceId = claimId, Version = ClaimWorkflowVersions.V1 });
    }
}
