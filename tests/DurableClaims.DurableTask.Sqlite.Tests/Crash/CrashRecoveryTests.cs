using System.Diagnostics;
using DurableClaims.Samples.DurableTask;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;
using Xunit.Abstractions;

namespace DurableClaims.DurableTask.Sqlite.Tests.Crash;

/// <summary>The real crash test: Microsoft's executor on the SQLite service, killed with SIGKILL at random moments.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    // Enough work that ~20 kills land before it finishes.
    private const int Instances = 400;
    private const int Kills = 20;
    private readonly string _directory = Directory.CreateTempSubdirectory("dc-sqlite-crash-").FullName;

    private string Database => Path.Combine(_directory, "hub.db");

    [Fact]
    public async Task Worker_KilledWithSigkillRepeatedly_ShouldCompleteEveryInstanceWithEachResultAppliedOnce()
    {
        var random = new Random(20261205);
        var budget = Stopwatch.StartNew();
        var kills = 0;

        while (kills < Kills && budget.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var child = ChildProcess.Start(Database, Instances);
            if (!await child.WaitForStartedAsync())
            {
                break;
            }

            await Task.Delay(random.Next(20, 400));
            if (child.Process.HasExited)
            {
                break;
            }

            child.Process.Kill();
            await child.Process.WaitForExitAsync();
            kills++;
        }

        using (var final = ChildProcess.Start(Database, Instances))
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await final.Process.WaitForExitAsync(cts.Token);
            Assert.True(final.Process.ExitCode == 0, "the final run failed: " + final.Output);
        }

        output.WriteLine($"{kills} SIGKILLs in {budget.Elapsed.TotalSeconds:0.0} s");
        Assert.True(kills >= 10, $"only {kills} kills landed before the work finished");
        await using var service = new SqliteOrchestrationService(new SqliteOrchestrationServiceOptions { DatabasePath = Database });
        for (var i = 0; i < Instances; i++)
        {
            var id = $"order-{i:D4}";
            var state = (await service.GetOrchestrationStateAsync(id, allExecutions: false)).Single();
            Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
            Assert.Equal(OrderWorkflow.ExpectedOutput(CrashChild.OrderFor(id), "TRK-" + id), JsonDataConverter.Default.Deserialize<string>(state.Output));

            var history = JsonDataConverter.Default.Deserialize<List<HistoryEvent>>(await service.GetOrchestrationHistoryAsync(id, null));
            var scheduled = history.OfType<TaskScheduledEvent>().Select(e => e.EventId).ToList();
            var completed = history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).ToList();
            Assert.Equal(4, scheduled.Count);
            Assert.Equal(scheduled, completed.Order());
            Assert.Single(history.OfType<ExecutionStartedEvent>());
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
            Assert.Contains(history, e => e is EventRaisedEvent);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
