using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Client;

public sealed class QueryTests
{
    [Fact]
    public async Task QueryInstancesAsync_StatusPrefixAndCreatedFilters_ShouldReturnOnlyMatches()
    {
        // Arrange: claim-1 (completed, t0), claim-2 (running, t0+1h), other-1 (running, t0+2h).
        await using var harness = await EngineHarness.StartAsync(LifecycleTests.Waiter);
        var t0 = harness.Time.GetUtcNow();
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions("claim-1"));
        await harness.Client.RaiseEventAsync("claim-1", "Go", "y");
        await harness.WaitForCompletionAsync("claim-1");
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions("claim-2"));
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions("other-1"));

        // Act
        var byPrefix = await harness.Client.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "claim-" });
        var byStatus = await harness.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed] });
        var byCreated = await harness.Client.QueryInstancesAsync(new OrchestrationQuery { CreatedFrom = t0.AddMinutes(30), CreatedTo = t0.AddMinutes(90) });

        // Assert
        Assert.Equal(["claim-1", "claim-2"], byPrefix.Instances.Select(i => i.InstanceId));
        Assert.Equal(["claim-1"], byStatus.Instances.Select(i => i.InstanceId));
        Assert.Equal(["claim-2"], byCreated.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task QueryInstancesAsync_PageSizeWithContinuationToken_ShouldWalkAllInstancesInCreatedOrder()
    {
        // Arrange: five instances; p-3 and p-2 share a creation instant, so id breaks the tie.
        await using var harness = await EngineHarness.StartAsync(LifecycleTests.Waiter);
        foreach (var id in new[] { "p-1", "p-3", "p-2", "p-4", "p-5" })
        {
            await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions(id));
            if (id != "p-3")
            {
                harness.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        // Act
        var pages = new List<IReadOnlyList<string>>();
        string? token = null;
        do
        {
            var page = await harness.Client.QueryInstancesAsync(new OrchestrationQuery { PageSize = 2, ContinuationToken = token });
            pages.Add(page.Instances.Select(i => i.InstanceId).ToList());
            token = page.ContinuationToken;
        }
        while (token is not null);

        // Assert
        Assert.Equal(3, pages.Count);
        Assert.Equal(["p-1", "p-2", "p-3", "p-4", "p-5"], pages.SelectMany(p => p));
    }
}
