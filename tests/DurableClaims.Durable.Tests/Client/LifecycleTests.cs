using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Client;

public sealed class LifecycleTests
{
    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_DuplicateIdWhileRunning_ShouldThrowAlreadyExists()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions("order-1"));

        // Act
        var error = await Record.ExceptionAsync(() =>
            harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "y", new StartOrchestrationOptions("order-1")));

        // Assert
        Assert.IsType<OrchestrationAlreadyExistsException>(error);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_FinishedId_ShouldReplaceInstance()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "first", new StartOrchestrationOptions("order-2"));
        await harness.Client.RaiseEventAsync(id, "Go", "one");
        await harness.WaitForCompletionAsync(id);

        // Act
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "second", new StartOrchestrationOptions(id));
        await harness.Client.RaiseEventAsync(id, "Go", "two");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("second:two", result.ReadOutputAs<string>());
        Assert.Single(await harness.Client.GetHistoryAsync(id), e => e.EventType == "ExecutionStarted");
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_StartAtInFuture_ShouldStayPendingUntilDue()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var startAt = harness.Time.GetUtcNow().AddHours(2);

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "later", new StartOrchestrationOptions(StartAt: startAt));
        var before = (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus;
        harness.Time.Advance(TimeSpan.FromHours(2));
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Pending, before);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task GetInstanceAsync_WithoutInputsAndOutputs_ShouldOmitPayloads()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "secret");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Act
        var bare = await harness.Client.GetInstanceAsync(id);
        var full = await harness.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        // Assert
        Assert.Null(bare!.SerializedInput);
        Assert.Equal("secret", full!.ReadInputAs<string>());
        Assert.Equal("waiting", full.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task TerminateInstanceAsync_WaitingInstance_ShouldEndTerminatedWithGivenOutput()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Act
        await harness.Client.TerminateInstanceAsync(id, "cancelled by adjuster");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("cancelled by adjuster", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminateInstanceAsync_FinishedInstance_ShouldThrowAlreadyCompleted()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.Client.TerminateInstanceAsync(id, "stop");
        await harness.WaitForCompletionAsync(id);

        // Act
        var error = await Record.ExceptionAsync(() => harness.Client.TerminateInstanceAsync(id, "again"));

        // Assert
        Assert.IsType<OrchestrationAlreadyCompletedException>(error);
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventRaisedWhileSuspended_ShouldBeProcessedOnlyAfterResume()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");
        await harness.Client.SuspendInstanceAsync(id, "audit");
        await harness.WaitUntilAsync(id, async () => (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);

        // Act
        await harness.Client.RaiseEventAsync(id, "Go", "during suspension");
        var whileSuspended = await harness.Client.GetInstanceAsync(id);
        await harness.Client.ResumeInstanceAsync(id);
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, whileSuspended!.RuntimeStatus);
        Assert.Equal("x:during suspension", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_FinishedUnknownAndRunning_ShouldDeleteOnlyFinished()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var done = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.Client.RaiseEventAsync(done, "Go", "y");
        await harness.WaitForCompletionAsync(done);
        var running = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");

        // Act
        var purgedDone = await harness.Client.PurgeInstanceAsync(done);
        var purgedUnknown = await harness.Client.PurgeInstanceAsync("nobody");
        var purgedRunning = await harness.Client.PurgeInstanceAsync(running);

        // Assert
        Assert.Equal((1, 0, 0), (purgedDone.PurgedInstanceCount, purgedUnknown.PurgedInstanceCount, purgedRunning.PurgedInstanceCount));
        Assert.Null(await harness.Client.GetInstanceAsync(done));
        Assert.Empty(await harness.Client.GetHistoryAsync(done));
        Assert.NotNull(await harness.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_ByStatusFilter_ShouldDeleteMatchingFinishedInstances()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Waiter);
        var completed = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.Client.RaiseEventAsync(completed, "Go", "y");
        var terminated = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.Client.TerminateInstanceAsync(terminated, "stop");
        var running = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await harness.WaitForCompletionAsync(completed);
        await harness.WaitForCompletionAsync(terminated);

        // Act
        var purged = await harness.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Running]));

        // Assert
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await harness.Client.GetInstanceAsync(terminated));
        Assert.NotNull(await harness.Client.GetInstanceAsync(completed));
        Assert.NotNull(await harness.Client.GetInstanceAsync(running));
    }

    internal static void Waiter(DurableTaskRegistry registry) => registry.AddOrchestratorFunc<string, string>("Waiter", async (ctx, input) =>
    {
        ctx.SetCustomStatus("waiting");
        var go = await ctx.WaitForExternalEvent<string>("Go");
        return input + ":" + go;
    });
}
