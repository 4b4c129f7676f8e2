using System.Collections.Concurrent;
using DurableClaims.DurableTask.Hosting;
using DurableClaims.DurableTask.Sqlite;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>A generic host running Microsoft's worker and client over one fresh orchestration service (SQLite in a temp folder, or in-memory).</summary>
internal sealed class TaskHubStack : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private IHost? _host;
    private IOrchestrationService? _service;
    private string? _directory;

    private TaskHubStack()
    {
    }

    public DurableTaskClient Client => _host!.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Gets or sets a callback run (on the dispatcher's thread) once an instance's waiting step is stored.</summary>
    public Action<string>? OnWaiting { get; set; }

    /// <summary>The SQLite settings of the harness: the provider's defaults, FULL unless BENCH_DURABILITY=Normal.</summary>
    public static SqliteOrchestrationServiceOptions SqliteDefaults(string databasePath = "")
    {
        var options = new SqliteOrchestrationServiceOptions { DatabasePath = databasePath };
        if (Enum.TryParse<SqliteDurability>(Environment.GetEnvironmentVariable("BENCH_DURABILITY"), ignoreCase: true, out var durability))
        {
            options.Durability = durability;
        }

        return options;
    }

    public static async Task<TaskHubStack> StartAsync(StackKind kind, Action<SqliteOrchestrationServiceOptions>? configure = null)
    {
        var stack = new TaskHubStack();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IOrchestrationService>(sp => stack.CreateService(kind, sp.GetRequiredService<ILoggerFactory>(), configure));
        builder.Services.AddDurableTaskWorker(b => b
            .AddTasks(r => ClaimNames.Register(r))
            .UseOrchestrationService(sp => new ObservedService(sp.GetRequiredService<IOrchestrationService>(), stack.Signal)));
        builder.Services.AddDurableTaskClient(b => b.UseOrchestrationService(sp => (IOrchestrationServiceClient)sp.GetRequiredService<IOrchestrationService>()));
        stack._host = builder.Build();
        await stack._host.StartAsync();
        return stack;
    }

    public Task Waiting(string id) => _waiting.GetOrAdd(id, _ => NewSource()).Task;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(stop.Token);
            _host.Dispose();
        }

        if (_service is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Temp folder; best effort.
            }
        }
    }

    private IOrchestrationService CreateService(StackKind kind, ILoggerFactory loggers, Action<SqliteOrchestrationServiceOptions>? configure)
    {
        if (kind == StackKind.Memory)
        {
            return _service = new InMemoryOrchestrationService(loggers);
        }

        _directory = Path.Combine(Path.GetTempPath(), "durabletask-bench", Guid.NewGuid().ToString("N"));
        var options = SqliteDefaults(Path.Combine(_directory, "taskhub.db"));
        configure?.Invoke(options);
        return _service = new SqliteOrchestrationService(options, loggers);
    }

    private void Signal(string id)
    {
        _waiting.GetOrAdd(id, _ => NewSource()).TrySetResult();
        OnWaiting?.Invoke(id);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
