using DurableClaims.Durable.Tests.Infrastructure;
using DurableClaims.Durable.Tests.Pipelining;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Tests.Recovery;

/// <summary>A suspend that reaches an instance together with (or before) its start, followed by a failed commit.</summary>
public sealed class SuspendBeforeStartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DelayedStart_SuspendedBeforeItStartsAndFirstCommitFails_ShouldCompleteAfterResume(bool pipelined)
    {
        // Arrange: a delayed start, so the suspend is already in the inbox when the start becomes visible.
        var probe = new ChainProbe();
        probe.Gate.Open();
        await using var harness = await EngineHarness.StartAsync(probe.Register, o => o.PipelinedActivityDispatch = pipelined);
        InsertStrayActivityTask(harness.DatabasePath, id: 1);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(ChainProbe.Name, "x", new StartOrchestrationOptions(StartAt: harness.Time.GetUtcNow().AddSeconds(5)));
        await harness.Client.SuspendInstanceAsync(id, "pause");
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        DeleteStrayActivityTask(harness.DatabasePath, id: 1);
        await AdvanceAsync(harness);

        // Act
        await harness.Client.ResumeInstanceAsync(id, "go");
        await AdvanceAsync(harness);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.WaitForCompletionAsync(id)).RuntimeStatus);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StartAndSuspendInOneStep_CommitFails_ShouldStillStartAndCompleteAfterResume(bool pipelined)
    {
        // Arrange: one worker, held busy, so the start and the suspend land in the same step; that step's commit fails once.
        var probe = new ChainProbe();
        probe.Gate.Open();
        using var blocker = new ManualResetEventSlim(false);
        var blocking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await EngineHarness.StartAsync(
            r =>
            {
                probe.Register(r);
                r.AddOrchestratorFunc<string, string>("Blocker", (_, s) =>
                {
                    blocking.TrySetResult();
                    blocker.Wait();
                    return Task.FromResult(s);
                });
            },
            o => (o.PipelinedActivityDispatch, o.MaxConcurrentOrchestrations) = (pipelined, 1));
        InsertStrayActivityTask(harness.DatabasePath, id: 1);
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Blocker", "b");
        await blocking.Task.WaitAsync(EngineHarness.Patience);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(ChainProbe.Name, "x");
        await harness.Client.SuspendInstanceAsync(id, "pause");
        blocker.Set();
        await Task.Delay(500);
        DeleteStrayActivityTask(harness.DatabasePath, id: 1);
        await AdvanceAsync(harness);

        // Act
        await harness.Client.ResumeInstanceAsync(id, "go");
        await AdvanceAsync(harness);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.WaitForCompletionAsync(id)).RuntimeStatus);
    }

    private static async Task AdvanceAsync(EngineHarness harness)
    {
        // Commit retries wait on the (fake) clock.
        for (var i = 0; i < 10; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }
    }

    // A stray row with the id the engine gives its first activity makes that step's commit fail once.
    private static void InsertStrayActivityTask(string databasePath, long id)
        => Execute(databasePath, "INSERT INTO activity_tasks (id, instance_id, execution_id, task_id, name, input, attempt) VALUES ($id, 'stray', 'stray', 0, 'Stray', NULL, 1)", id);

    private static void DeleteStrayActivityTask(string databasePath, long id)
        => Execute(databasePath, "DELETE FROM activity_tasks WHERE id = $id AND instance_id = 'stray'", id);

    private static void Execute(string databasePath, string sql, long id)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }
}
