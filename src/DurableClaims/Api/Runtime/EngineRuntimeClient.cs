using DurableClaims.Durable;

namespace DurableClaims.Api.Runtime;

/// <summary><see cref="IClaimsRuntimeClient"/> over the embedded engine's <see cref="DurableTaskClient"/>.</summary>
public sealed class EngineRuntimeClient(DurableTaskClient client) : IClaimsRuntimeClient
{
    /// <inheritdoc />
    public async Task<RuntimeOutcome> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return RuntimeOutcome.Done;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return RuntimeOutcome.StillRunning;
        }
    }

    /// <inheritdoc />
    public async Task<RuntimeOutcome> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
            return RuntimeOutcome.Done;
        }
        catch (OrchestrationNotFoundException)
        {
            return RuntimeOutcome.NotFound;
        }
        catch (OrchestrationAlreadyCompletedException)
        {
            return RuntimeOutcome.AlreadyCompleted;
        }
    }

    /// <inheritdoc />
    public async Task<RuntimeInstance?> GetAsync(string instanceId, bool includePayloads = true, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, includePayloads, cancellationToken);
        return metadata is null ? null : ToInstance(metadata);
    }

    /// <inheritdoc />
    public async Task<RuntimePage> QueryAsync(RuntimeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await client.QueryInstancesAsync(
            new OrchestrationQuery
            {
                Statuses = query.Statuses,
                CreatedFrom = query.CreatedFrom,
                CreatedTo = query.CreatedTo,
                InstanceIdPrefix = query.InstanceIdPrefix,
                PageSize = query.PageSize,
                ContinuationToken = query.ContinuationToken,
                FetchInputsAndOutputs = query.IncludePayloads,
            },
            cancellationToken);
        return new RuntimePage(page.Instances.Select(ToInstance).ToList(), page.ContinuationToken);
    }

    /// <inheritdoc />
    public async Task<RuntimeOutcome> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.TerminateInstanceAsync(instanceId, reason, cancellationToken);
            return RuntimeOutcome.Done;
        }
        catch (OrchestrationNotFoundException)
        {
            return RuntimeOutcome.NotFound;
        }
        catch (OrchestrationAlreadyCompletedException)
        {
            return RuntimeOutcome.AlreadyCompleted;
        }
    }

    /// <inheritdoc />
    public async Task<RuntimeOutcome> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is null)
        {
            return RuntimeOutcome.NotFound;
        }

        if (existing.IsRunning)
        {
            return RuntimeOutcome.StillRunning;
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        return result.PurgedInstanceCount > 0 ? RuntimeOutcome.Done : RuntimeOutcome.NotFound;
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        var result = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(null, createdBefore, [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]),
            cancellationToken);
        return result.PurgedInstanceCount;
    }

    /// <summary>Maps engine metadata to the runtime-neutral record.</summary>
    public static RuntimeInstance ToInstance(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new RuntimeInstance(
            metadata.InstanceId,
            metadata.Name,
            metadata.RuntimeStatus,
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            metadata.SerializedInput,
            metadata.SerializedOutput,
            metadata.SerializedCustomStatus,
            metadata.FailureDetails?.ErrorMessage);
    }
}
