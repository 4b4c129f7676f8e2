using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Runs the tasks registered with <c>AddTasks</c> on DurableTask.Core's <see cref="TaskHubWorker"/> over any <see cref="IOrchestrationService"/>.</summary>
/// <remarks>Built by Microsoft's worker builder (see <see cref="OrchestrationServiceBuilderExtensions"/>); the service itself is owned by whoever the options' factory takes it from.</remarks>
public sealed class OrchestrationServiceWorker : DurableTaskWorker
{
    private readonly IOptionsMonitor<OrchestrationServiceWorkerOptions> _options;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private TaskHubWorker? _worker;

    /// <summary>Initializes a new instance of the <see cref="OrchestrationServiceWorker"/> class.</summary>
    public OrchestrationServiceWorker(
        string name,
        IDurableTaskFactory factory,
        IOptionsMonitor<OrchestrationServiceWorkerOptions> options,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<OrchestrationServiceWorker>();
        ExceptionPropertiesProvider = services.GetService<Microsoft.DurableTask.Worker.IExceptionPropertiesProvider>();
    }

    /// <inheritdoc/>
    /// <remarks>The task hub is started before the host reports started, so a service that cannot open fails the host start.</remarks>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Get(Name);
        var service = options.OrchestrationService?.Invoke(_services)
            ?? throw new InvalidOperationException($"Worker '{Name}' has no orchestration service: call UseOrchestrationService(...).");
        if (options.CreateTaskHubIfNotExists)
        {
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        }

        // One shim factory from these options, so the shims serialize with the worker's DataConverter.
        var shims = new DurableTaskShimFactory(options, _loggerFactory);
        var worker = new TaskHubWorker(
            service,
            new OrchestrationManager(Factory, shims, _services, _logger),
            new ActivityManager(Factory, shims, _services, _logger),
            _loggerFactory)
        {
            // Microsoft's shims read and write FailureDetails; the legacy mode would lose them.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
            ExceptionPropertiesProvider = ExceptionPropertiesProvider is { } provider
                ? new ExceptionPropertiesProviderAdapter(provider)
                : null,
        };
        if (options.Versioning is { } versioning)
        {
            // First in the pipeline: an instance this worker may not run is never handed to the shims.
            worker.AddOrchestrationDispatcherMiddleware(new OrchestrationVersionGate(versioning, _logger).RunAsync);
        }

        worker.AddOrchestrationDispatcherMiddleware(OrchestrationManager.BindParentAsync);
        await worker.StartAsync().WaitAsync(cancellationToken);
        _worker = worker;
        _logger.WorkerStarted(Name, service.GetType().Name);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Stops gracefully (in-flight work items finish); when the host stops waiting, the drain goes on in the background.</remarks>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_worker is not { } worker)
        {
            return;
        }

        try
        {
            await worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
            _worker = null;
            worker.Dispose();
            _logger.WorkerStopped(Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.WorkerStopAbandoned(Name);
        }
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
