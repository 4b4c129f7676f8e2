using DurableClaims.Durable.Client;
using DurableClaims.Durable.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Durable;

/// <summary>The embedded durable engine: owns a task hub, runs orchestrations and activities, and exposes a client.</summary>
/// <remarks>Registered as a hosted service by AddDurableEngine; tests and tools can also create, start and dispose it directly.</remarks>
public sealed class DurableEngine : IHostedService, IAsyncDisposable
{
    private readonly DurableTaskRegistry _registry;
    private readonly DurableEngineOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private EngineRuntime? _runtime;
    private int _disposed;

    /// <summary>Creates an engine; nothing is opened until <see cref="StartAsync"/>.</summary>
    public DurableEngine(
        DurableTaskRegistry registry,
        DurableEngineOptions options,
        IServiceProvider? services = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options;
        _services = services ?? EmptyServiceProvider.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Client = new EngineClient(() => _runtime ?? throw new InvalidOperationException("The durable engine is not running."));
    }

    /// <summary>Raised after each committed step of an instance, with its status and custom status (JSON); keep handlers short.</summary>
    public event EventHandler<OrchestrationUpdatedEventArgs>? InstanceUpdated;

    /// <summary>Gets the client for this engine.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>Gets the options the engine runs with.</summary>
    public DurableEngineOptions Options => _options;

    /// <summary>Gets how many instances keep a live orchestrator in memory (extended sessions).</summary>
    public int CachedInstanceCount => _runtime?.CachedExecutors ?? 0;

    /// <summary>Opens the task hub and starts processing; overdue timers and pending activities resume at once.</summary>
    /// <exception cref="TaskHubLockedException">Another engine or process owns the task hub.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _options.Validate();
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_runtime is not null)
            {
                return;
            }

            var runtime = EngineRuntime.Start(_registry, _options, _services, _time, _loggerFactory);
            runtime.InstanceUpdated += (id, status, custom) => InstanceUpdated?.Invoke(this, new OrchestrationUpdatedEventArgs(id, status, custom));
            _runtime = runtime;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops processing and releases the task hub; unfinished work continues at the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(CancellationToken.None);
        try
        {
            var runtime = _runtime;
            _runtime = null;
            if (runtime is not null)
            {
                await runtime.DisposeAsync();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The host disposes the engine twice (as itself and as the hosted service); the second call is a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _lifecycle.Dispose();
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>Data of <see cref="DurableEngine.InstanceUpdated"/>.</summary>
/// <param name="instanceId">The instance.</param>
/// <param name="status">Its status after the step.</param>
/// <param name="serializedCustomStatus">Its custom status (JSON) after the step.</param>
public sealed class OrchestrationUpdatedEventArgs(string instanceId, OrchestrationRuntimeStatus status, string? serializedCustomStatus) : EventArgs
{
    /// <summary>Gets the instance id.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>Gets the status after the step.</summary>
    public OrchestrationRuntimeStatus Status { get; } = status;

    /// <summary>Gets the custom status (JSON) after the step.</summary>
    public string? SerializedCustomStatus { get; } = serializedCustomStatus;
}
