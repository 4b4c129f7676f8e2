using System.Collections.Concurrent;
using DurableClaims.Durable.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Tests.Pipelining;

/// <summary>Pipelined activity dispatch: activities run before their step is durable, nothing client-visible does.</summary>
/// <remarks>A <see cref="WriterBlock"/> holds the step commits back; its snapshot is the store a SIGKILL would leave.</remarks>
public sealed class PipelinedDispatchTests
{
    [Fact]
    public async Task CallActivityAsync_SchedulingStepNotYetDurable_ShouldDispatchActivityBeforeCommit()
    {
        // Arrange
        var probe = new ChainProbe();
        await using var harness = await EngineHarness.StartAsync(probe.Register, o => o.PipelinedActivityDispatch = true);
        var id = await StartAndWaitForFirstStepAsync(harness);
        using var block = harness.BlockWriter();

        // Act
        probe.Gate.Open();
        await probe.Ran("Second");

        // Assert: Second ran although the step that scheduled it is not in the store.
        Assert.Equal(1, await CountAsync(harness, id, "TaskScheduled"));
        block.Release();
        Assert.Equal(ChainProbe.Expected, (await harness.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_PipeliningDisabled_ShouldNotDispatchActivityBeforeCommit()
    {
        // Arrange
        var probe = new ChainProbe();
        await using var harness = await EngineHarness.StartAsync(probe.Register, o => o.PipelinedActivityDispatch = false);
        var id = await StartAndWaitForFirstStepAsync(harness);
        using var block = harness.BlockWriter();

        // Act
        probe.Gate.Open();
        await probe.Ran("First");
        await Task.Delay(300);

        // Assert
        Assert.Equal(0, probe.Runs("Second"));
        block.Release();
        Assert.Equal(ChainProbe.Expected, (await harness.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_ProcessDiesBeforeSchedulingStepIsDurable_ShouldApplyEachResultOnceAfterRecovery()
    {
        // Arrange: First, Second and Third have all run, but the store still ends at the step that scheduled First.
        var before = new ChainProbe();
        var snapshot = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"), "crash.db");
        string id;
        await using (var harness = await EngineHarness.StartAsync(before.Register, o => o.PipelinedActivityDispatch = true))
        {
            id = await StartAndWaitForFirstStepAsync(harness);
            using var block = harness.BlockWriter();
            before.Gate.Open();
            await before.Ran("Third");
            block.Snapshot(snapshot);
            Assert.Equal(0, await CountAsync(harness, id, "TaskCompleted"));
        }

        // Act: a new process on what the crash left behind.
        var after = new ChainProbe();
        after.Gate.Open();
        await using var recovered = await EngineHarness.StartOnCopyAsync(snapshot, after.Register);
        var result = await recovered.WaitForCompletionAsync(id);

        // Assert: every activity ran again (at-least-once) and each result is recorded once.
        Assert.Equal(ChainProbe.Expected, result.ReadOutputAs<string>());
        await AssertEachResultAppliedOnceAsync(recovered, id);
        Assert.Equal([1, 1, 1], new[] { after.Runs("First"), after.Runs("Second"), after.Runs("Third") });
        File.Delete(snapshot);
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_FinalStepNotYetDurable_ShouldNotReportCompletionBeforeCommit()
    {
        // Arrange
        var probe = new ChainProbe();
        await using var harness = await EngineHarness.StartAsync(probe.Register, o => o.PipelinedActivityDispatch = true);
        var id = await StartAndWaitForFirstStepAsync(harness);
        var updates = new ConcurrentQueue<OrchestrationRuntimeStatus>();
        harness.Engine.InstanceUpdated += (_, e) => updates.Enqueue(e.Status);
        using var wait = new CancellationTokenSource(EngineHarness.Patience);
        var completion = harness.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token);
        using var block = harness.BlockWriter();

        // Act: the orchestrator returns in memory while its final commit cannot be written.
        probe.Gate.Open();
        await probe.Returned.Task.WaitAsync(EngineHarness.Patience);
        await Task.Delay(200);

        // Assert
        Assert.False(completion.IsCompleted);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.DoesNotContain(OrchestrationRuntimeStatus.Completed, updates);
        block.Release();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await completion).RuntimeStatus);
    }

    [Fact]
    public async Task CallActivityAsync_PipelinedStepFailsToCommit_ShouldDropLaterStepsAndApplyEachResultOnce()
    {
        // Arrange: a stray row takes the id the engine will give Second's task, so the step scheduling Second fails.
        var probe = new ChainProbe();
        await using var harness = await EngineHarness.StartAsync(probe.Register, o => o.PipelinedActivityDispatch = true);
        InsertStrayActivityTask(harness.DatabasePath, id: 2);
        var id = await StartAndWaitForFirstStepAsync(harness);
        var block = harness.BlockWriter();
        probe.Gate.Open();
        await probe.Ran("Third");

        // Act: the failing step and the steps computed on top of it reach the writer; the retry waits for the clock.
        block.Dispose();
        var completion = harness.WaitForCompletionAsync(id);
        while (!completion.IsCompleted)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(completion, Task.Delay(50));
        }

        // Assert: the early runs of Second and Third were abandoned; replay scheduled them again.
        Assert.Equal(ChainProbe.Expected, (await completion).ReadOutputAs<string>());
        await AssertEachResultAppliedOnceAsync(harness, id);
        Assert.Equal([1, 2, 2], new[] { probe.Runs("First"), probe.Runs("Second"), probe.Runs("Third") });
    }

    [Fact]
    public async Task RaiseEventAsync_DeliveredWhileFinalStepCommits_ShouldNotRunAnotherStep()
    {
        // Arrange: the raise is queued first, so it is delivered just before the final step's commit is acted on.
        var probe = new ChainProbe();
        await using var harness = await EngineHarness.StartAsync(probe.Register, o => o.PipelinedActivityDispatch = true);
        var id = await StartAndWaitForFirstStepAsync(harness);
        var block = harness.BlockWriter();
        var raise = harness.Client.RaiseEventAsync(id, "Late", "x");
        probe.Gate.Open();
        await probe.Returned.Task.WaitAsync(EngineHarness.Patience);

        // Act
        block.Dispose();
        await raise;
        await harness.WaitForCompletionAsync(id);
        await Task.Delay(200);

        // Assert: the leftover event is dropped with the finished instance instead of starting a step.
        var history = await harness.Client.GetHistoryAsync(id);
        Assert.Single(history, e => e.EventType == "ExecutionCompleted");
    }

    private static async Task<string> StartAndWaitForFirstStepAsync(EngineHarness harness)
    {
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(ChainProbe.Name, "x");
        await harness.WaitForHistoryAsync(id, "TaskScheduled");
        return id;
    }

    private static async Task<int> CountAsync(EngineHarness harness, string id, string eventType)
        => (await harness.Client.GetHistoryAsync(id)).Count(e => e.EventType == eventType);

    private static async Task AssertEachResultAppliedOnceAsync(EngineHarness harness, string id)
    {
        var history = await harness.Client.GetHistoryAsync(id);
        var scheduled = history.Where(e => e.EventType == "TaskScheduled").Select(e => e.EventId).ToList();
        var completed = history.Where(e => e.EventType == "TaskCompleted").Select(e => e.EventId).ToList();
        Assert.Equal(3, scheduled.Count);
        Assert.Equal(scheduled, completed.Order());
        Assert.Single(history, e => e.EventType == "ExecutionCompleted");
    }

    private static void InsertStrayActivityTask(string databasePath, long id)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO activity_tasks (id, instance_id, execution_id, task_id, name, input, attempt) VALUES ($id, 'stray', 'stray', 0, 'Stray', NULL, 1)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
    }
}
