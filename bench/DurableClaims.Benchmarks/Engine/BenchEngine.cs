using System.Collections.Concurrent;
using DurableClaims.Durable;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>An engine on a fresh temp task hub with in-memory completion and waiting signals (no polling).</summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completed = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

    private BenchEngine(DurableEngine engine, string dataDirectory)
    {
        Engine = engine;
        DataDirectory = dataDirectory;
        engine.InstanceUpdated += (_, e) =>
        {
            if (e.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            {
                Signal(_completed, e.InstanceId);
            }
            else if (e.SerializedCustomStatus is { } custom && custom.Contains("waiting", StringComparison.Ordinal))
            {
                Signal(_waiting, e.InstanceId);
                OnWaiting?.Invoke(e.InstanceId);
            }
        };
    }

    public DurableEngine Engine { get; }

    public DurableTaskClient Client => Engine.Client;

    public string DataDirectory { get; }

    /// <summary>Gets or sets a callback run (on the commit thread) when an instance starts waiting.</summary>
    public Action<string>? OnWaiting { get; set; }

    public static async Task<BenchEngine> StartAsync(Action<DurableTaskRegistry> register, Action<DurableEngineOptions>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "durable-bench", Guid.NewGuid().ToString("N"));
        var options = Defaults(dir);
        configure?.Invoke(options);
        var registry = new DurableTaskRegistry();
        register(registry);
        var engine = new DurableEngine(registry, options);
        await engine.StartAsync(CancellationToken.None);
        return new BenchEngine(engine, dir);
    }

    /// <summary>The harness's engine settings: FULL, pipelined dispatch on, unless the environment overrides them.</summary>
    public static DurableEngineOptions Defaults(string dataDirectory = "")
    {
        var options = new DurableEngineOptions { DataDirectory = dataDirectory, SqliteSynchronous = SqliteSynchronousMode.Full };
        // BENCH_SYNCHRONOUS=Normal compares against non-fsync'd commits (to see what fsync costs).
        if (Enum.TryParse<SqliteSynchronousMode>(Environment.GetEnvironmentVariable("BENCH_SYNCHRONOUS"), ignoreCase: true, out var mode))
        {
            options.SqliteSynchronous = mode;
        }

        // BENCH_PIPELINED=true opts into pipelined activity dispatch (the engine default waits for each step's commit).
        if (bool.TryParse(Environment.GetEnvironmentVariable("BENCH_PIPELINED"), out var pipelined))
        {
            options.PipelinedActivityDispatch = pipelined;
        }

        return options;
    }

    public Task Completed(string id) => _completed.GetOrAdd(id, _ => NewSource()).Task;

    public Task Waiting(string id) => _waiting.GetOrAdd(id, _ => NewSource()).Task;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
    }

    private static void Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string id)
        => map.GetOrAdd(id, _ => NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
