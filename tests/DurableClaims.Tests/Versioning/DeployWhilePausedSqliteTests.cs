using DurableClaims.Contracts;
using DurableClaims.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Tests.Versioning;

/// <summary>Shipping the next workflow version while claims wait on the current one, on the SQLite task hub (the local host's default).</summary>
public sealed class DeployWhilePausedSqliteTests : DeployScenario
{
    protected override IDictionary<string, string?> TaskHub { get; } = new Dictionary<string, string?>();

    [Fact]
    public async Task PausedClaims_ResumedOnTheNextBuild_ShouldFinishOnTheirVersionWithoutTheNewStep()
    {
        await PauseOnShippedBuildAsync("CLM-V-PAUSED-1", "CLM-V-PAUSED-2");

        await using var next = await StartNextBuildAsync();
        await next.DeliverAsync("CLM-V-PAUSED-1", Missing);
        await next.DeliverAsync("CLM-V-PAUSED-2", Missing);
        var outcomes = new[] { await next.WaitForOutcomeAsync("CLM-V-PAUSED-1"), await next.WaitForOutcomeAsync("CLM-V-PAUSED-2") };

        Assert.All(outcomes, o => Assert.True(IsApproved(o), $"{o.ClaimId} ended {o.Status}/{o.Reason}"));
        Assert.Equal(ClaimWorkflowVersions.Current, await StartedVersionAsync(next, "CLM-V-PAUSED-1"));
        Assert.DoesNotContain(nameof(FraudCheckActivity), await ScheduledAsync(next, "CLM-V-PAUSED-1"));
        Assert.Empty(FraudChecksOf(next));
    }

    [Fact]
    public async Task NewClaim_StartedOnTheNextBuild_ShouldTakeTheNextVersionAndRunTheNewStepFirst()
    {
        await PauseOnShippedBuildAsync("CLM-V-OLD");

        await using var next = await StartNextBuildAsync();
        await next.SubmitAsync(TestClaims.Auto("CLM-V-NEW", documents: TestClaims.AutoDocuments));
        var outcome = await next.WaitForOutcomeAsync("CLM-V-NEW");

        Assert.True(IsApproved(outcome), $"ended {outcome.Status}/{outcome.Reason}");
        Assert.Equal(NextBuild.Version, await StartedVersionAsync(next, "CLM-V-NEW"));
        Assert.Equal(nameof(FraudCheckActivity), (await ScheduledAsync(next, "CLM-V-NEW"))[0]);
        Assert.Equal(new[] { new FraudCheckRequest("CLM-V-NEW", NextBuild.Version) }, FraudChecksOf(next));
    }

    [Fact]
    public async Task PausedClaim_ResumedOnABuildWithoutTheVersionGate_ShouldFailAsNonDeterministic()
    {
        await PauseOnShippedBuildAsync("CLM-V-UNGATED");

        await using var next = await StartNextBuildAsync(gated: false);
        await next.DeliverAsync("CLM-V-UNGATED", Missing);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await next.Client.WaitForInstanceCompletionAsync("CLM-V-UNGATED", timeout.Token);

        // What the gate prevents: the replay meets a fraud check where the history has the settings load.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("NonDeterministic", metadata.FailureDetails?.ErrorType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimOfTheNextVersion_OnTheShippedBuild_ShouldWaitUnrunForTheNextBuild()
    {
        await using (var shipped = await StartShippedBuildAsync())
        {
            await shipped.Client.ScheduleNewOrchestrationInstanceAsync(
                ClaimWorkflow.OrchestratorName,
                TestClaims.Auto("CLM-V-AHEAD"),
                new StartOrchestrationOptions { InstanceId = "CLM-V-AHEAD", Version = NextBuild.Version });
            await Task.Delay(TimeSpan.FromSeconds(2));

            // CurrentOrOlder with Reject: the shipped build's worker hands the claim back instead of running it.
            var waiting = await shipped.Client.GetInstanceAsync("CLM-V-AHEAD");
            Assert.Equal(OrchestrationRuntimeStatus.Pending, waiting?.RuntimeStatus);
        }

        // The next build takes it: the fraud check runs, then the claim asks for its documents (none were stored).
        await using var next = await StartNextBuildAsync();
        await next.WaitForPauseAsync("CLM-V-AHEAD");
        Assert.Equal(new[] { new FraudCheckRequest("CLM-V-AHEAD", NextBuild.Version) }, FraudChecksOf(next));
    }
}
