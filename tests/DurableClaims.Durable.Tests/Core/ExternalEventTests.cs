using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Core;

public sealed class ExternalEventTests
{
    [Fact]
    public async Task WaitForExternalEvent_EventRaisedBeforeWait_ShouldBeDelivered()
    {
        // Arrange: the orchestrator is busy in an activity when the event arrives.
        var gate = new Gate();
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Busy", async (_, s) =>
            {
                await gate.WaitAsync();
                return s;
            })
            .AddOrchestratorFunc<string, string>("Late", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("Busy", "x");
                return await ctx.WaitForExternalEvent<string>("Approval");
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Late", "x");

        // Act
        await harness.Client.RaiseEventAsync(id, "Approval", "early bird");
        await harness.WaitForHistoryAsync(id, "EventRaised");
        gate.Open();
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("early bird", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_SameNameEvents_ShouldArriveInRaiseOrder()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<string, List<int>>("Collect", async (ctx, _) =>
            {
                ctx.SetCustomStatus("waiting");
                var items = new List<int>();
                for (var i = 0; i < 3; i++)
                {
                    items.Add(await ctx.WaitForExternalEvent<int>("Item"));
                }

                return items;
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Collect", "x");

        // Act
        await harness.Client.RaiseEventAsync(id, "Item", 1);
        await harness.Client.RaiseEventAsync(id, "Item", 2);
        await harness.Client.RaiseEventAsync(id, "Item", 3);
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal([1, 2, 3], result.ReadOutputAs<List<int>>());
    }

    [Fact]
    public async Task WaitForExternalEvent_WithTimeout_ShouldTimeOutExactlyAtDueTime()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Approval);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Approve", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Act
        harness.Time.Advance(TimeSpan.FromMinutes(59));
        var beforeDeadline = (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Running, beforeDeadline);
        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventJustBeforeDeadline_ShouldWinAndComplete()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Approval);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Approve", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Act
        harness.Time.Advance(TimeSpan.FromMinutes(60) - TimeSpan.FromSeconds(1));
        await harness.Client.RaiseEventAsync(id, "Approval", "yes");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("yes", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CreateTimer_CancelledAfterLosingWhenAny_ShouldNotKeepInstanceRunning()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r.AddOrchestratorFunc<string, string>("Race", async (ctx, _) =>
        {
            using var cts = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(7), cts.Token);
            var go = ctx.WaitForExternalEvent<string>("Go");
            ctx.SetCustomStatus("waiting");
            var winner = await Task.WhenAny(timer, go);
            if (winner == go)
            {
                cts.Cancel();
                return "event won";
            }

            return "timer won";
        }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Race", "x");
        await harness.WaitForCustomStatusAsync(id, "waiting");

        // Act: the clock never moves, so only the event can end the instance.
        await harness.Client.RaiseEventAsync(id, "Go", "now");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("event won", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ShouldThrowOrchestrationNotFound()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Approval);

        // Act
        var error = await Record.ExceptionAsync(() => harness.Client.RaiseEventAsync("nobody", "Approval", "yes"));

        // Assert
        Assert.IsType<OrchestrationNotFoundException>(error);
    }

    [Fact]
    public async Task RaiseEventAsync_FinishedInstance_ShouldThrowOrchestrationAlreadyCompleted()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(Approval);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Approve", "x");
        await harness.Client.RaiseEventAsync(id, "Approval", "yes");
        await harness.WaitForCompletionAsync(id);

        // Act
        var error = await Record.ExceptionAsync(() => harness.Client.RaiseEventAsync(id, "Approval", "again"));

        // Assert
        var completed = Assert.IsType<OrchestrationAlreadyCompletedException>(error);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.Status);
    }

    private static void Approval(DurableTaskRegistry registry) => registry.AddOrchestratorFunc<string, string>("Approve", async (ctx, _) =>
    {
        ctx.SetCustomStatus("waiting");
        try
        {
            return await ctx.WaitForExternalEvent<string>("Approval", TimeSpan.FromHours(1));
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    });
}
