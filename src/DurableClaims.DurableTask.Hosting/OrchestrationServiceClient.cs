using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Microsoft's <see cref="DurableTaskClient"/> over DurableTask.Core's <see cref="IOrchestrationServiceClient"/> (plus its optional query and purge clients).</summary>
/// <remarks>
/// Inputs, outputs, event payloads and terminate outputs all go through the one <see cref="DurableTaskClientOptions.DataConverter"/>,
/// which must be the worker's. The service client is owned by whoever the options' factory takes it from; disposing this client leaves it alone.
/// </remarks>
public sealed partial class OrchestrationServiceClient : DurableTaskClient
{
    private static readonly TimeSpan MaxStartPollInterval = TimeSpan.FromSeconds(1);

    private readonly IOrchestrationServiceClient _client;
    private readonly DataConverter _converter;
    private readonly string? _defaultVersion;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="OrchestrationServiceClient"/> class.</summary>
    public OrchestrationServiceClient(
        string name,
        IOptionsMonitor<OrchestrationServiceClientOptions> options,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = options.Get(name);
        _client = settings.OrchestrationServiceClient?.Invoke(services)
            ?? throw new InvalidOperationException($"Client '{name}' has no orchestration service client: call UseOrchestrationService(...).");
        _converter = settings.DataConverter;
        _defaultVersion = settings.DefaultVersion;
        _logger = loggerFactory.CreateLogger<OrchestrationServiceClient>();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Without <see cref="StartOrchestrationOptions.DedupeStatuses"/> an id whose instance is Pending, Running or Suspended is refused
    /// with <see cref="global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException"/>; with them, only those statuses are refused
    /// and an active instance in another status is terminated first (Microsoft's semantics).
    /// </remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var dedupe = ParseDedupeStatuses(options?.DedupeStatuses);
        await ReplaceReusableActiveInstanceAsync(instance.InstanceId, dedupe, cancellation);
        var started = new ExecutionStartedEvent(-1, _converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? _defaultVersion ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags is { } tags ? new Dictionary<string, string>(tags) : null,
        };
        await _client.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe);
        return instance.InstanceId;
    }

    /// <inheritdoc/>
    public override async Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        await SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    /// <inheritdoc/>
    public override async Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive termination is not supported by DurableTask.Core's client interfaces.");
        }

        await EnsureExistsAsync(instanceId, cancellation);
        await _client.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));
    }

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var state = await GetStateAsync(instanceId);
        return state?.ToMetadata(getInputsAndOutputs, _converter);
    }

    /// <inheritdoc/>
    /// <remarks>DurableTask.Core has no wait-for-start primitive, so this polls with a growing interval (at most 1 s).</remarks>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending })
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxStartPollInterval.Ticks));
        }
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();

        // InfiniteTimeSpan, not MaxValue: providers turn the timeout into a CancellationTokenSource or a countdown.
        var state = await _client.WaitForOrchestrationAsync(instanceId, null!, Timeout.InfiniteTimeSpan, cancellation);

        // Some providers (Azure Storage) return null instead of throwing when cancelled.
        cancellation.ThrowIfCancellationRequested();
        return state?.ToMetadata(getInputsAndOutputs, _converter)
            ?? throw new InvalidOperationException($"The orchestration service stopped waiting for instance '{instanceId}' without a result.");
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationState?> GetStateAsync(string instanceId)
    {
        var states = await _client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states is { Count: > 0 } ? states[0] : null;
    }

    // DurableTask.Core services accept messages for unknown ids silently (some even create a half instance), so check first,
    // and report it the way Microsoft's gRPC client does.
    private async Task<OrchestrationState> EnsureExistsAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return await GetStateAsync(instanceId)
            ?? throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));
    }

    // A finished instance never reads another message; some services (Azure Storage) would store it silently, so refuse it here
    // with the instance's status, as Durable Functions' client does, and every provider answers alike.
    private async Task SendAsync(string instanceId, HistoryEvent @event, CancellationToken cancellation)
    {
        var state = await EnsureExistsAsync(instanceId, cancellation);
        if (CoreConversions.TerminalStatuses.Contains(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"The orchestration with the instanceId {instanceId} has finished ({state.OrchestrationStatus}) and takes no more messages.");
        }

        await _client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = @event,
        });
    }
}
