using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api.Runtime;

/// <summary>The claims API's runtime client over Microsoft's <see cref="DurableTaskClient"/>: the local SQLite task hub's or the Functions app's <c>[DurableClient]</c>.</summary>
/// <remarks>Each operation that depends on the instance's state reads it first, so the answer is the same whatever the backend refuses by itself.</remarks>
/// <param name="client">The task hub client.</param>
public sealed class ClaimsRuntimeClient(DurableTaskClient client) : IClaimsRuntimeClient
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <inheritdoc />
    public async Task<RuntimeOutcome> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        if (await client.GetInstanceAsync(instanceId, false, cancellationToken) is { IsCompleted: false })
        {
            return RuntimeOutcome.StillRunning;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
            return RuntimeOutcome.Done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A concurrent start of the same id may win between the read and the call. Backends say so
            // with different exceptions (DurableTask.Core's OrchestrationAlreadyExistsException, an
            // InvalidOperationException, an RpcException), so read again rather than match a type.
            if (await client.GetInstanceAsync(instanceId, false, CancellationToken.None) is { IsCompleted: false })
            {
                return RuntimeOutcome.StillRunning;
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<RuntimeOutcome> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        var outcome = await CheckRunningAsync(instanceId, cancellationToken);
        if (outcome == RuntimeOutcome.Done)
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<OrchestrationMetadata?> GetAsync(string instanceId, bool includePayloads = true, CancellationToken cancellationToken = default)
        => client.GetInstanceAsync(instanceId, includePayloads, cancellationToken);

    /// <inheritdoc />
    public Task<Page<OrchestrationMetadata>> QueryAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
        => client.QueryPageAsync(query, cancellationToken);

    /// <inheritdoc />
    public async Task<RuntimeOutcome> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        var outcome = await CheckRunningAsync(instanceId, cancellationToken);
        if (outcome == RuntimeOutcome.Done)
        {
            await client.TerminateInstanceAsync(instanceId, (object?)reason, cancellationToken);
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<RuntimeOutcome> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is null)
        {
            return RuntimeOutcome.NotFound;
        }

        if (!existing.IsCompleted)
        {
            return RuntimeOutcome.StillRunning;
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        return result.PurgedInstanceCount > 0 ? RuntimeOutcome.Done : RuntimeOutcome.NotFound;
    }

    /// <inheritdoc />
    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(null, createdBefore, Finished), cancellation: cancellationToken);
        return result.PurgedInstanceCount;
    }

    private async Task<RuntimeOutcome> CheckRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        return existing is null ? RuntimeOutcome.NotFound
            : existing.IsCompleted ? RuntimeOutcome.AlreadyCompleted
            : RuntimeOutcome.Done;
    }
}
