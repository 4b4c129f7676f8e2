using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Core;

public sealed class OrchestrationFeatureTests
{
    [Fact]
    public async Task ContinueAsNew_PreserveUnprocessedEvents_ShouldHandBufferedEventToNextExecution()
    {
        // Arrange
        var gate = new Gate();
        await using var harness = await EngineHarness.StartAsync(r => Restarting(r, gate, preserve: true));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Restarting", 0);
        await harness.Client.RaiseEventAsync(id, "Note", "kept");
        await harness.WaitForHistoryAsync(id, "EventRaised");

        // Act
        gate.Open();
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("generation 1 got kept", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_WithoutPreserve_ShouldDropBufferedEvents()
    {
        // Arrange
        var gate = new Gate();
        await using var harness = await EngineHarness.StartAsync(r => Restarting(r, gate, preserve: false));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Restarting", 0);
        await harness.Client.RaiseEventAsync(id, "Note", "dropped");
        await harness.WaitForHistoryAsync(id, "EventRaised");

        // Act
        gate.Open();
        await harness.WaitForCustomStatusAsync(id, "generation 1 waiting");
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("generation 1 got nothing", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildCompletes_ShouldReturnChildOutputToParent()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, n) => Task.FromResult(n * n))
            .AddOrchestratorFunc<int, int>("Child", (ctx, n) => ctx.CallActivityAsync<int>("Square", n))
            .AddOrchestratorFunc<int, int>("Parent", async (ctx, n) =>
            {
                var a = await ctx.CallSubOrchestratorAsync<int>("Child", n);
                var b = await ctx.CallSubOrchestratorAsync<int>("Child", n + 1, new TaskOptions { InstanceId = ctx.InstanceId + "-child-b" });
                return a + b;
            }));

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 3, new StartOrchestrationOptions("parent-1"));
        var result = await harness.WaitForCompletionAsync(id);
        var namedChild = await harness.Client.GetInstanceAsync("parent-1-child-b", getInputsAndOutputs: true);

        // Assert
        Assert.Equal(25, result.ReadOutputAs<int>());
        Assert.Equal(16, namedChild!.ReadOutputAs<int>());
    }

    [Fact]
    public async Task NewGuid_AcrossReplays_ShouldReturnSameValues()
    {
        // Arrange: no cache, so every step replays the code from history.
        await using var harness = await EngineHarness.StartAsync(
            r => r
                .AddActivityFunc<Guid, Guid>("Echo", (_, g) => Task.FromResult(g))
                .AddOrchestratorFunc<string, Guid[]>("Guids", async (ctx, _) =>
                {
                    var first = ctx.NewGuid();
                    var echoed = await ctx.CallActivityAsync<Guid>("Echo", first);
                    var second = ctx.NewGuid();
                    return [first, echoed, second];
                }),
            o => o.CachedInstances = 0);

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Guids", "x");
        var guids = (await harness.WaitForCompletionAsync(id)).ReadOutputAs<Guid[]>()!;

        // Assert
        Assert.Equal(guids[1], guids[0]);
        Assert.NotEqual(guids[0], guids[2]);
    }

    [Fact]
    public async Task Orchestrator_ThrowsUnhandledException_ShouldFailInstanceWithFailureDetails()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r.AddOrchestratorFunc<string, string>("Bad", (_, _) =>
            throw new ArgumentException("bad input")));

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Bad", "x");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("bad input", result.FailureDetails!.ErrorMessage);
        Assert.True(result.FailureDetails.IsCausedBy<ArgumentException>());
    }

    [Fact]
    public async Task IsReplaying_ColdReplay_ShouldBeTrueForRecordedPartAndFalseForNewEvents()
    {
        // Arrange: no cache, so the last step replays the first activity from history.
        await using var harness = await EngineHarness.StartAsync(
            r => r
                .AddActivityFunc<string, string>("Noop", (_, s) => Task.FromResult(s))
                .AddOrchestratorFunc<string, bool[]>("Replayer", async (ctx, _) =>
                {
                    var atStart = ctx.IsReplaying;
                    await ctx.CallActivityAsync<string>("Noop", "1");
                    var afterFirst = ctx.IsReplaying;
                    await ctx.CallActivityAsync<string>("Noop", "2");
                    return [atStart, afterFirst, ctx.IsReplaying];
                }),
            o => o.CachedInstances = 0);

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Replayer", "x");
        var observed = (await harness.WaitForCompletionAsync(id)).ReadOutputAs<bool[]>()!;

        // Assert
        Assert.Equal([true, true, false], observed);
    }

    private static void Restarting(DurableTaskRegistry registry, Gate gate, bool preserve) => registry
        .AddActivityFunc<string, string>("Hold", async (_, s) =>
        {
            await gate.WaitAsync();
            return s;
        })
        .AddOrchestratorFunc<int, string>("Restarting", async (ctx, generation) =>
        {
            if (generation == 0)
            {
                await ctx.CallActivityAsync<string>("Hold", "x");
                ctx.ContinueAsNew(1, preserve);
                return "restarted";
            }

            ctx.SetCustomStatus("generation 1 waiting");
            try
            {
                return "generation 1 got " + await ctx.WaitForExternalEvent<string>("Note", TimeSpan.FromMinutes(5));
            }
            catch (TaskCanceledException)
            {
                return "generation 1 got nothing";
            }
        });
}
