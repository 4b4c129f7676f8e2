using DurableClaims.DurableTask.Testing;
using DurableClaims.DurableTask.Testing.Contract;
using DurableClaims.DurableTask.Testing.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.DurableTask.Sqlite.Tests;

/// <summary>What the SQLite provider promises beyond the contract: one owner per hub, long timers, start-up validation.</summary>
public sealed class SqliteOrchestrationServiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dc-sqlite-").FullName;

    private SqliteOrchestrationServiceOptions Options => new() { DatabasePath = Path.Combine(_directory, "hub.db") };

    [Fact]
    public async Task Open_HubOwnedByAnotherService_ShouldFailWithTaskHubInUse()
    {
        await using var owner = new SqliteOrchestrationService(Options);
        await owner.CreateIfNotExistsAsync();
        await using var second = new SqliteOrchestrationService(Options);

        var error = await Assert.ThrowsAsync<TaskHubInUseException>(second.CreateIfNotExistsAsync);

        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timer_ThirtyDays_ShouldHoldNoWorkWhileWaitingAndFireAtStartWhenOverdue()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);

        // One timer, not Microsoft's default chain of 3-day timers: the SDK computes each link from the wall clock,
        // which the fake clock of the provider cannot move.
        void OneTimer(DurableTaskWorkerOptions o) => o.MaximumTimerInterval = TimeSpan.FromDays(45);
        string id;
        await using (var first = await TaskHubHost.StartAsync(new SqliteOrchestrationService(Options, timeProvider: time), worker: OneTimer))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SleepDays), 30);
            var service = (SqliteOrchestrationService)first.Service;
            await Waits.UntilAsync(first.Client, id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running && service.PendingTimers == 1);

            Assert.Equal(0, service.ReadyInstances);
            Assert.Equal(0, service.QueuedActivities);
        }

        time.Advance(TimeSpan.FromDays(31));
        await using var second = await TaskHubHost.StartAsync(new SqliteOrchestrationService(Options, timeProvider: time), worker: OneTimer);

        Assert.Equal("woke up", (await Waits.CompletionAsync(second.Client, id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task UseSqlite_InvalidOptions_ShouldFailAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(TaskHubHost.AddSampleTasks).UseSqlite(o =>
        {
            o.DatabasePath = Options.DatabasePath;
            o.MaxCommitBatch = 0;
        }));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("DurableTask:Sqlite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSqlite_WorkerAndClient_ShouldShareOneServiceAndRunAWorkflow()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<FlakyCounter>();
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(TaskHubHost.AddSampleTasks).UseSqlite(o => o.DatabasePath = Options.DatabasePath));
        builder.Services.AddDurableTaskClient(b => b.UseSqlite());
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetAll), new[] { "Ada" });

        Assert.Equal("Hello, Ada!", (await Waits.CompletionAsync(client, id)).ReadOutputAs<string>());
        Assert.True(File.Exists(Options.DatabasePath));
        await host.StopAsync();
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
