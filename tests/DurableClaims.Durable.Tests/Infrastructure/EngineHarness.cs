using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Durable.Tests.Infrastructure;

/// <summary>Runs a real engine on a temporary SQLite task hub with a fake clock; restartable on the same files.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Action<DurableTaskRegistry> _configure;
    private readonly Action<DurableEngineOptions>? _configureOptions;

    private EngineHarness(Action<DurableTaskRegistry> configure, Action<DurableEngineOptions>? configureOptions)
    {
        _configure = configure;
        _configureOptions = configureOptions;
        DataDirectory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public DurableEngine Engine { get; private set; } = null!;

    public DurableTaskClient Client => Engine.Client;

    public string DatabasePath => Path.Combine(DataDirectory, "default.db");

    public static async Task<EngineHarness> StartAsync(Action<DurableTaskRegistry> configure, Action<DurableEngineOptions>? configureOptions = null)
    {
        var harness = new EngineHarness(configure, configureOptions);
        await harness.StartEngineAsync(configure);
        return harness;
    }

    /// <summary>Starts an engine on a copy of another task hub's database (e.g. a <see cref="WriterBlock"/> snapshot).</summary>
    public static async Task<EngineHarness> StartOnCopyAsync(string databaseFile, Action<DurableTaskRegistry> configure)
    {
        var harness = new EngineHarness(configure, null);
        Directory.CreateDirectory(harness.DataDirectory);
        File.Copy(databaseFile, harness.DatabasePath);
        await harness.StartEngineAsync(configure);
        return harness;
    }

    /// <summary>Blocks the engine's writer (see <see cref="WriterBlock"/>).</summary>
    public WriterBlock BlockWriter() => new(DatabasePath);

    /// <summary>Stops the engine and starts a new one on the same files, optionally with different registrations.</summary>
    public async Task RestartAsync(Action<DurableTaskRegistry>? configure = null, Action? whileStopped = null)
    {
        await Engine.DisposeAsync();
        whileStopped?.Invoke();
        await StartEngineAsync(configure ?? _configure);
    }

    public DurableEngine CreateEngine(Action<DurableTaskRegistry> configure)
    {
        var registry = new DurableTaskRegistry();
        configure(registry);
        var options = new DurableEngineOptions { DataDirectory = DataDirectory };
        _configureOptions?.Invoke(options);
        return new DurableEngine(registry, options, timeProvider: Time);
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var cts = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    /// <summary>Waits, without polling, until a committed step of the instance satisfies the condition.</summary>
    public async Task WaitUntilAsync(string instanceId, Func<Task<bool>> condition)
    {
        var signal = new SemaphoreSlim(0);
        void OnUpdated(object? sender, OrchestrationUpdatedEventArgs e)
        {
            if (e.InstanceId == instanceId)
            {
                signal.Release();
            }
        }

        Engine.InstanceUpdated += OnUpdated;
        try
        {
            using var cts = new CancellationTokenSource(Patience);
            while (!await condition())
            {
                await signal.WaitAsync(cts.Token);
            }
        }
        finally
        {
            Engine.InstanceUpdated -= OnUpdated;
        }
    }

    /// <summary>Waits until the instance's custom status equals <paramref name="customStatus"/>.</summary>
    public Task WaitForCustomStatusAsync(string instanceId, string customStatus) => WaitUntilAsync(instanceId, async () =>
        (await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))?.ReadCustomStatusAs<string>() == customStatus);

    /// <summary>Waits until the instance's history has at least <paramref name="count"/> events of a kind.</summary>
    public Task WaitForHistoryAsync(string instanceId, string eventType, int count = 1) => WaitUntilAsync(instanceId, async () =>
        (await Client.GetHistoryAsync(instanceId)).Count(e => e.EventType == eventType) >= count);

    /// <summary>Counts rows of a task hub table (to show what a waiting instance costs).</summary>
    public long CountRows(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM " + table;
        return (long)cmd.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect other tests.
        }
    }

    private async Task StartEngineAsync(Action<DurableTaskRegistry> configure)
    {
        Engine = CreateEngine(configure);
        await Engine.StartAsync(CancellationToken.None);
    }
}
