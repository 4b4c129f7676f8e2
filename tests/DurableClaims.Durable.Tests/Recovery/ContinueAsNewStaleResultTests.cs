using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Recovery;

/// <summary>A result of the previous execution that arrives while the ContinueAsNew step commits.</summary>
public sealed class ContinueAsNewStaleResultTests
{
    private const string Name = "Loop";

    [Fact]
    public async Task ContinueAsNew_OldActivityFinishesWhileItCommits_ShouldNotReachTheNewExecution()
    {
        // Arrange: generation 0 races a slow activity against a timer and continues as new when the timer wins;
        // generation 1 calls another activity, which gets the same task id the slow one had.
        var slow = new Gate();
        await using var harness = await EngineHarness.StartAsync(registry => registry
            .AddActivityFunc<string, string>("Slow", async (_, _) =>
            {
                await slow.WaitAsync();
                return "stale";
            })
            .AddActivityFunc<string, string>("Fast", (_, input) => Task.FromResult("fresh:" + input))
            .AddOrchestratorFunc<int, string>(Name, async (ctx, generation) =>
            {
                if (generation == 0)
                {
                    var work = ctx.CallActivityAsync<string>("Slow", "a");
                    using var cancel = new CancellationTokenSource();
                    await Task.WhenAny(work, ctx.CreateTimer(ctx.CurrentUtcDateTime.AddSeconds(1), cancel.Token));
                    ctx.ContinueAsNew(1);
                    return string.Empty;
                }

                return await ctx.CallActivityAsync<string>("Fast", "b");
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(Name, 0);
        await harness.WaitForHistoryAsync(id, "TimerCreated");

        // Act: the ContinueAsNew step cannot commit while the writer is held; the slow result arrives meanwhile.
        using (var block = harness.BlockWriter())
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(300);
            slow.Open();
            await Task.Delay(300);
        }

        // Assert
        var completed = await harness.WaitForCompletionAsync(id);
        Assert.Equal("fresh:b", completed.ReadOutputAs<string>());
    }
}
