using DurableClaims.Testing;
using DurableClaims.Workflow;

namespace DurableClaims.Tests.Versioning;

/// <summary>Shipping the next workflow version while claims wait on the current one, on Microsoft's Azure Storage task hub over Azurite (as Durable Functions runs).</summary>
public sealed class DeployWhilePausedAzureStorageTests(AzuriteFixture azurite) : DeployScenario, IClassFixture<AzuriteFixture>
{
    protected override IDictionary<string, string?> TaskHub { get; } = new Dictionary<string, string?>
    {
        ["DurableTask:StorageProvider:Type"] = "AzureStorage",
        ["DurableTask:StorageProvider:MaxQueuePollingInterval"] = "00:00:00.100",
        ["DurableTask:StorageProvider:PartitionCount"] = "1",
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["TASKHUB_NAME"] = "deploy" + Guid.NewGuid().ToString("N")[..10],
        ["Claims:Storage:ConnectionString"] = azurite.ConnectionString,
    };

    [Fact]
    public async Task PausedClaims_ResumedOnTheNextBuild_ShouldFinishOnTheirVersionWithoutTheNewStep()
    {
        await PauseOnShippedBuildAsync("CLM-VA-PAUSED-1", "CLM-VA-PAUSED-2");

        await using var next = await StartNextBuildAsync();
        await next.DeliverAsync("CLM-VA-PAUSED-1", Missing);
        await next.DeliverAsync("CLM-VA-PAUSED-2", Missing);
        var outcomes = new[] { await next.WaitForOutcomeAsync("CLM-VA-PAUSED-1"), await next.WaitForOutcomeAsync("CLM-VA-PAUSED-2") };

        Assert.All(outcomes, o => Assert.True(IsApproved(o), $"{o.ClaimId} ended {o.Status}/{o.Reason}"));
        Assert.Equal(ClaimWorkflowVersions.Current, await StartedVersionAsync(next, "CLM-VA-PAUSED-2"));
        Assert.DoesNotContain(nameof(FraudCheckActivity), await ScheduledAsync(next, "CLM-VA-PAUSED-2"));
        Assert.Empty(FraudChecksOf(next));
    }

    [Fact]
    public async Task NewClaim_StartedOnTheNextBuild_ShouldTakeTheNextVersionAndRunTheNewStepFirst()
    {
        await PauseOnShippedBuildAsync("CLM-VA-OLD");

        await using var next = await StartNextBuildAsync();
        await next.SubmitAsync(TestClaims.Auto("CLM-VA-NEW", documents: TestClaims.AutoDocuments));
        var outcome = await next.WaitForOutcomeAsync("CLM-VA-NEW");

        Assert.True(IsApproved(outcome), $"ended {outcome.Status}/{outcome.Reason}");
        Assert.Equal(NextBuild.Version, await StartedVersionAsync(next, "CLM-VA-NEW"));
        Assert.Equal(nameof(FraudCheckActivity), (await ScheduledAsync(next, "CLM-VA-NEW"))[0]);
        Assert.Equal(new[] { new FraudCheckRequest("CLM-VA-NEW", NextBuild.Version) }, FraudChecksOf(next));
    }
}
