using DurableClaims.Durable.Core;
using DurableClaims.Durable.Runtime;

namespace DurableClaims.Durable.Client;

/// <summary>The <see cref="DurableTaskClient"/> of the embedded engine.</summary>
internal sealed class EngineClient(Func<EngineRuntime> runtime) : DurableTaskClient
{
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var instanceId = string.IsNullOrEmpty(options?.InstanceId) ? Guid.NewGuid().ToString("N") : options.InstanceId;
        await runtime().ScheduleAsync(orchestratorName, instanceId, DurableJson.Serialize(input), options?.StartAt);
        return instanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return Send(instanceId, EventKind.EventRaised, eventName, DurableJson.Serialize(eventPayload));
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => Task.FromResult(runtime().Reader.GetInstance(instanceId, getInputsAndOutputs));

    public override Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default)
        => Task.FromResult<IReadOnlyList<HistoryEvent>>(runtime().Reader.LoadCurrentHistory(instanceId));

    public override Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(runtime().Reader.Query(query));
    }

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
        => Send(instanceId, EventKind.ExecutionTerminated, null, DurableJson.Serialize(output));

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => Send(instanceId, EventKind.ExecutionSuspended, reason, null);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => Send(instanceId, EventKind.ExecutionResumed, reason, null);

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
        => new(await runtime().PurgeAsync(instanceId));

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new PurgeResult(await runtime().PurgeAsync(filter));
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // Completion is signalled in memory by the commit that finishes the instance; the store has the result.
        await runtime().WaitUntilFinishedAsync(instanceId, cancellation);
        return runtime().Reader.GetInstance(instanceId, getInputsAndOutputs) ?? throw new OrchestrationNotFoundException(instanceId);
    }

    private Task Send(string instanceId, EventKind kind, string? name, string? data)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var engine = runtime();
        return engine.SendAsync(instanceId, engine.NewClientEvent(kind, name, data));
    }
}
