using System.Collections.Concurrent;
using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Recovery;

/// <summary>With the default dispatch, an activity never runs with an input its durable history does not hold.</summary>
public sealed class IdempotencyKeyTests
{
    [Fact]
    public async Task Crash_BeforeTheSchedulingStepIsDurable_ShouldGiveTheActivityTheSameNewGuidKey()
    {
        // Arrange: the step that derives the key from NewGuid() is held back by the writer lock, and the store is copied as a SIGKILL would leave it.
        var before = new PaymentProbe();
        var snapshot = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"), "crash.db");
        string id;
        await using (var harness = await EngineHarness.StartAsync(before.Register))
        {
            id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(PaymentProbe.Name, "x");
            await harness.WaitForHistoryAsync(id, "TaskScheduled");
            harness.Time.Advance(TimeSpan.FromSeconds(7));
            using var block = harness.BlockWriter();
            before.Gate.Open();
            await Task.WhenAny(before.Charged.Task, Task.Delay(1500));
            block.Snapshot(snapshot);
        }

        // Act
        var after = new PaymentProbe();
        after.Gate.Open();
        await using var recovered = await EngineHarness.StartOnCopyAsync(snapshot, after.Register);
        await recovered.WaitForCompletionAsync(id);

        // Assert
        Assert.Single(before.Keys.Concat(after.Keys).Distinct());
    }

    private sealed class PaymentProbe
    {
        public const string Name = "Pay";

        public Gate Gate { get; } = new();

        public ConcurrentQueue<string> Keys { get; } = new();

        public TaskCompletionSource Charged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Register(DurableTaskRegistry registry) => registry
            .AddActivityFunc<string, string>("First", async (_, s) =>
            {
                await Gate.WaitAsync();
                return s + "1";
            })
            .AddActivityFunc<string, string>("Charge", (_, key) =>
            {
                Keys.Enqueue(key);
                Charged.TrySetResult();
                return Task.FromResult("ok:" + key);
            })
            .AddOrchestratorFunc<string, string>(Name, async (ctx, input) =>
            {
                await ctx.CallActivityAsync<string>("First", input);
                return await ctx.CallActivityAsync<string>("Charge", ctx.NewGuid().ToString());
            });
    }
}
