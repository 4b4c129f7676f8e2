using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Core;

public sealed class DurabilityTests
{
    [Fact]
    public async Task CreateTimer_ThirtyDaysWhileWaiting_ShouldHoldOnlyOneTimerRowAndNoWork()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(LongTimer);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", "x");

        // Act
        await harness.WaitForHistoryAsync(id, "TimerCreated");

        // Assert: waiting costs one stored message and nothing queued or running.
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(1, harness.CountRows("messages"));
        Assert.Equal(0, harness.CountRows("activity_tasks"));
    }

    [Fact]
    public async Task CreateTimer_OverdueAfterRestart_ShouldFireOnStartUp()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(LongTimer);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", "x");
        await harness.WaitForHistoryAsync(id, "TimerCreated");

        // Act: the process is down while the due time passes.
        await harness.RestartAsync(whileStopped: () => harness.Time.Advance(TimeSpan.FromDays(31)));
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("woke up", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_AfterRestart_ShouldResumeWaitingInstance()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Greet", (_, s) => Task.FromResult("hello " + s))
            .AddOrchestratorFunc<string, string>("Wait", async (ctx, _) =>
            {
                var greeting = await ctx.CallActivityAsync<string>("Greet", "bob");
                ctx.SetCustomStatus("waiting");
                var answer = await ctx.WaitForExternalEvent<string>("Answer");
                return greeting + " / " + answer;
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Act
        await harness.RestartAsync();
        await harness.Client.RaiseEventAsync(id, "Answer", "hi");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("hello bob / hi", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task StartAsync_SecondEngineOnSameTaskHub_ShouldThrowTaskHubLocked()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(LongTimer);
        await using var second = harness.CreateEngine(LongTimer);

        // Act
        var error = await Record.ExceptionAsync(() => second.StartAsync(CancellationToken.None));

        // Assert
        var locked = Assert.IsType<TaskHubLockedException>(error);
        Assert.Contains("already in use", locked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OrchestratorChangedBetweenRuns_ShouldFailWithNonDeterminismNamingBothActions()
    {
        // Arrange: version 1 calls "A" and waits; version 2 (same name) calls "B".
        await using var harness = await EngineHarness.StartAsync(r => Versioned(r, "A"), o => o.CachedInstances = 0);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Flow", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");
        await harness.RestartAsync(r => Versioned(r, "B"));

        // Act
        await harness.Client.RaiseEventAsync(id, "Go", "now");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("TaskScheduled 'A'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'B'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    private static void LongTimer(DurableTaskRegistry registry) => registry.AddOrchestratorFunc<string, string>("Sleep", async (ctx, _) =>
    {
        await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CancellationToken.None);
        return "woke up";
    });

    private static void Versioned(DurableTaskRegistry registry, string activity) => registry
        .AddActivityFunc<string, string>(activity, (_, s) => Task.FromResult(s))
        .AddOrchestratorFunc<string, string>("Flow", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>(activity, "x");
            ctx.SetCustomStatus("waiting");
            return await ctx.WaitForExternalEvent<string>("Go");
        });
}
