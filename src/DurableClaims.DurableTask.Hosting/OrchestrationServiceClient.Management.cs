using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace DurableClaims.DurableTask.Hosting;

/// <content>Queries, purge, restart and the dedupe rules of scheduling.</content>
public sealed partial class OrchestrationServiceClient
{
    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        // Resolved now, so a service without queries fails at the call rather than at the first enumeration.
        var queryClient = Require<IOrchestrationServiceQueryClient>("queries");
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => s.ToCoreStatus()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await queryClient.GetOrchestrationWithQueryAsync(query, cancellation);
            var items = result.OrchestrationState
                .Select(s => s.ToMetadata(query.FetchInputsAndOutputs, _converter))
                .ToList();
            return new Page<OrchestrationMetadata>(items, result.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    /// <remarks>Only a finished instance can be purged; an unknown id purges nothing.</remarks>
    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var purgeClient = Require<IOrchestrationServicePurgeClient>("purge");
        RejectRecursive(options);
        cancellation.ThrowIfCancellationRequested();
        var state = await GetStateAsync(instanceId);
        if (state is null)
        {
            return new PurgeResult(0);
        }

        if (!state.OrchestrationStatus.IsTerminal())
        {
            throw new InvalidOperationException(
                $"Only a finished orchestration can be purged; instance {instanceId} is {state.OrchestrationStatus.ToRuntimeStatus()}.");
        }

        var result = await purgeClient.PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    /// <inheritdoc/>
    /// <remarks>Without <see cref="PurgeInstancesFilter.Statuses"/> only finished instances are purged, never active ones.</remarks>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var purgeClient = Require<IOrchestrationServicePurgeClient>("purge");
        RejectRecursive(options);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => s.ToCoreStatus()).ToList() ?? [.. CoreConversions.TerminalStatuses]);
        var result = await purgeClient.PurgeInstanceStateAsync(coreFilter);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    /// <inheritdoc/>
    /// <remarks>Reuses the stored (already serialized) input, name, version and tags. Restarting under the same id requires a finished instance.</remarks>
    public override async Task<string> RestartAsync(
        string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var state = await EnsureExistsAsync(instanceId, cancellation);
        if (!restartWithNewInstanceId && CoreConversions.ActiveStatuses.Contains(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"An orchestration with the instanceId {instanceId} cannot be restarted while it is {state.OrchestrationStatus.ToRuntimeStatus()}.");
        }

        var instance = new OrchestrationInstance
        {
            InstanceId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, state.Input)
        {
            Name = state.Name,
            Version = state.Version ?? string.Empty,
            OrchestrationInstance = instance,
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : null,
        };
        await _client.CreateTaskOrchestrationAsync(
            new TaskMessage { OrchestrationInstance = instance, Event = started }, CoreConversions.ActiveStatuses);
        return instance.InstanceId;
    }

    private static OrchestrationStatus[] ParseDedupeStatuses(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return CoreConversions.ActiveStatuses;
        }

        return [.. names.Select(name => Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var status)
            ? status.ToCoreStatus()
            : throw new ArgumentException($"'{name}' is not an orchestration runtime status and cannot be a dedupe status.", nameof(names)))];
    }

    private static void RejectRecursive(PurgeInstanceOptions? options)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("Recursive purge is not supported by DurableTask.Core's purge client.");
        }
    }

    // Microsoft's rule: an active status left out of explicit dedupe statuses may be reused, by terminating the instance first.
    private async Task ReplaceReusableActiveInstanceAsync(string instanceId, OrchestrationStatus[] dedupe, CancellationToken cancellation)
    {
        if (CoreConversions.ActiveStatuses.All(dedupe.Contains))
        {
            return;
        }

        if (dedupe.Contains(OrchestrationStatus.Terminated))
        {
            throw new ArgumentException(
                "Dedupe statuses that allow reusing an active instance cannot include Terminated: the terminated instance would then block the new one.");
        }

        var state = await GetStateAsync(instanceId);
        if (state is null
            || !CoreConversions.ActiveStatuses.Contains(state.OrchestrationStatus)
            || dedupe.Contains(state.OrchestrationStatus))
        {
            return;
        }

        _logger.ReplacingRunningInstance(instanceId, state.OrchestrationStatus.ToString());
        await _client.ForceTerminateTaskOrchestrationAsync(
            instanceId, _converter.Serialize($"Replaced by a new instance with the same id {instanceId}."));
        await WaitForInstanceCompletionAsync(instanceId, cancellation: cancellation);
    }

    /// <inheritdoc/>
    /// <remarks>Reads the history JSON of the service client: DurableTask.Core's typed form (SQLite) or plain objects keyed by <c>EventType</c> (Azure Storage).</remarks>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        if (await GetStateAsync(instanceId) is null)
        {
            throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));
        }

        var json = await _client.GetOrchestrationHistoryAsync(instanceId, null);
        try
        {
            return HistoryJson.Read(json);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new NotSupportedException($"The orchestration service client {_client.GetType().Name} returns history in a form this client cannot read.", ex);
        }
    }

    private T Require<T>(string feature)
        where T : class =>
        _client as T ?? throw new NotSupportedException(
            $"The orchestration service client {_client.GetType().Name} does not support {feature}: it does not implement {typeof(T).Name}.");
}
