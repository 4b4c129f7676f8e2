using DurableClaims.Api.Runtime;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ClaimsRuntimeStatus = DurableClaims.Durable.OrchestrationRuntimeStatus;
using DurableRuntimeStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;

namespace DurableClaims.Functions.Durable;

/// <summary>The claims API's runtime client over Microsoft's <see cref="DurableTaskClient"/> (the Functions app's task hub).</summary>
/// <remarks>
/// Microsoft's client does not refuse events to unknown or finished instances, nor a second start of a
/// running id; the API contract needs those outcomes (404/410/409), so each operation looks the
/// instance up first, as the embedded engine's client does internally.
/// </remarks>
/// <param name="client">The client bound to the current function invocation ([DurableClient]).</param>
internal sealed class DurableTaskRuntimeClient(DurableTaskClient client) : IClaimsRuntimeClient
{
    public async Task<RuntimeOutcome> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is not null && IsRunning(existing.RuntimeStatus))
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
            // Another start of the same id may win between the check above and this call. What the
            // runtime throws then differs by version (DurableTask.Core's OrchestrationAlreadyExistsException,
            // an InvalidOperationException, or an RpcException with AlreadyExists), so look again rather
            // than match a type: an instance that now exists means the id is taken; anything else is a
            // real failure and is rethrown.
            if (await client.GetInstanceAsync(instanceId, false, CancellationToken.None) is not null)
            {
                return RuntimeOutcome.StillRunning;
            }

            throw;
        }
    }

    public async Task<RuntimeOutcome> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        var outcome = await CheckRunningAsync(instanceId, cancellationToken);
        if (outcome == RuntimeOutcome.Done)
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
        }

        return outcome;
    }

    public async Task<RuntimeInstance?> GetAsync(string instanceId, bool includePayloads = true, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, includePayloads, cancellationToken);
        return metadata is null ? null : ToInstance(metadata);
    }

    public async Task<RuntimePage> QueryAsync(RuntimeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new OrchestrationQuery
        {
            CreatedFrom = query.CreatedFrom,
            CreatedTo = query.CreatedTo,
            Statuses = query.Statuses is { Count: > 0 } statuses ? statuses.Select(ToDurable).ToList() : null,
            InstanceIdPrefix = query.InstanceIdPrefix,
            PageSize = query.PageSize,
            FetchInputsAndOutputs = query.IncludePayloads,
            ContinuationToken = query.ContinuationToken,
        };

        // One page per call: the HTTP layer hands the continuation token back to the caller.
        await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return new RuntimePage(page.Values.Select(ToInstance).ToList(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new RuntimePage([], null);
    }

    public async Task<RuntimeOutcome> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        var outcome = await CheckRunningAsync(instanceId, cancellationToken);
        if (outcome == RuntimeOutcome.Done)
        {
            // The reason becomes the instance's output, as with the embedded engine.
            await client.TerminateInstanceAsync(instanceId, (object?)reason, cancellationToken);
        }

        return outcome;
    }

    public async Task<RuntimeOutcome> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is null)
        {
            return RuntimeOutcome.NotFound;
        }

        if (IsRunning(existing.RuntimeStatus))
        {
            return RuntimeOutcome.StillRunning;
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        return result.PurgedInstanceCount > 0 ? RuntimeOutcome.Done : RuntimeOutcome.NotFound;
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        var result = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(null, createdBefore, [DurableRuntimeStatus.Completed, DurableRuntimeStatus.Failed, DurableRuntimeStatus.Terminated]),
            cancellationToken);
        return result.PurgedInstanceCount;
    }

    private async Task<RuntimeOutcome> CheckRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        return existing is null ? RuntimeOutcome.NotFound
            : IsRunning(existing.RuntimeStatus) ? RuntimeOutcome.Done
            : RuntimeOutcome.AlreadyCompleted;
    }

    private static bool IsRunning(DurableRuntimeStatus status) => DurableClaims.Durable.OrchestrationRuntimeStatusExtensions.IsRunning(ToClaims(status));

    private static RuntimeInstance ToInstance(OrchestrationMetadata metadata) => new(
        metadata.InstanceId,
        metadata.Name,
        ToClaims(metadata.RuntimeStatus),
        metadata.CreatedAt,
        metadata.LastUpdatedAt,
        metadata.SerializedInput,
        metadata.SerializedOutput,
        metadata.SerializedCustomStatus,
        metadata.FailureDetails?.ErrorMessage);

#pragma warning disable CS0618 // ContinuedAsNew and Canceled are obsolete in Microsoft's enum but can still be reported.
    private static ClaimsRuntimeStatus ToClaims(DurableRuntimeStatus status) => status switch
    {
        DurableRuntimeStatus.Running => ClaimsRuntimeStatus.Running,
        DurableRuntimeStatus.Completed => ClaimsRuntimeStatus.Completed,
        DurableRuntimeStatus.ContinuedAsNew => ClaimsRuntimeStatus.ContinuedAsNew,
        DurableRuntimeStatus.Failed => ClaimsRuntimeStatus.Failed,
        DurableRuntimeStatus.Canceled => ClaimsRuntimeStatus.Terminated,
        DurableRuntimeStatus.Terminated => ClaimsRuntimeStatus.Terminated,
        DurableRuntimeStatus.Pending => ClaimsRuntimeStatus.Pending,
        DurableRuntimeStatus.Suspended => ClaimsRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown runtime status."),
    };

    private static DurableRuntimeStatus ToDurable(ClaimsRuntimeStatus status) => status switch
    {
        ClaimsRuntimeStatus.Running => DurableRuntimeStatus.Running,
        ClaimsRuntimeStatus.Completed => DurableRuntimeStatus.Completed,
        ClaimsRuntimeStatus.ContinuedAsNew => DurableRuntimeStatus.ContinuedAsNew,
        ClaimsRuntimeStatus.Failed => DurableRuntimeStatus.Failed,
        ClaimsRuntimeStatus.Terminated => DurableRuntimeStatus.Terminated,
        ClaimsRuntimeStatus.Pending => DurableRuntimeStatus.Pending,
        ClaimsRuntimeStatus.Suspended => DurableRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown runtime status."),
    };
#pragma warning restore CS0618
}
