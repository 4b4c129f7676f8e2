using DurableClaims.DurableTask.Sqlite.Runtime;
using DurableTask.Core;
using DurableTask.Core.Query;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>The DurableTask.Core contracts, each handed to the part of the open hub that implements it.</summary>
/// <remarks>Work items: <see cref="OrchestrationWorkItems"/> and <see cref="ActivityWorkItems"/>; instance management:
/// <see cref="InstanceClient"/>. The members' semantics are described there and in docs/durabletask-sqlite.md.</remarks>
public sealed partial class SqliteOrchestrationService
{
    /// <inheritdoc/>
    public async Task<TaskOrchestrationWorkItem?> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        await (await OpenAsync()).Orchestrations.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <summary>Locks live in this process, which owns the hub: they cannot expire while it runs and vanish with it.</summary>
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        workItem.LockedUntilUtc = DateTime.MaxValue;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage? continuedAsNewMessage,
        OrchestrationState? orchestrationState) =>
        await (await OpenAsync()).Orchestrations.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    /// <inheritdoc/>
    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        await (await OpenAsync()).Orchestrations.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc/>
    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        await (await OpenAsync()).Orchestrations.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc/>
    public async Task<TaskActivityWorkItem?> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        await (await OpenAsync()).ActivityItems.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    /// <summary>As for orchestrations, an activity's lock lasts as long as the owning process.</summary>
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        workItem.LockedUntilUtc = DateTime.MaxValue;
        return Task.FromResult(workItem);
    }

    /// <inheritdoc/>
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        await (await OpenAsync()).ActivityItems.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    /// <inheritdoc/>
    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        await (await OpenAsync()).ActivityItems.AbandonTaskActivityWorkItemAsync(workItem);

    /// <inheritdoc/>
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, null);

    /// <summary>Creates an instance; a live instance with the same id is always refused, <paramref name="dedupeStatuses"/> may refuse finished ones.</summary>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses) =>
        await (await OpenAsync()).Client.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

    /// <summary>Sends a message to a live instance; <see cref="OrchestrationMessageRejectedException"/> when it does not exist or has finished.</summary>
    public async Task SendTaskOrchestrationMessageAsync(TaskMessage message) =>
        await (await OpenAsync()).Client.SendTaskOrchestrationMessageAsync(message);

    /// <inheritdoc/>
    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) =>
        await (await OpenAsync()).Client.SendTaskOrchestrationMessageBatchAsync(messages);

    /// <summary>Waits for the instance to finish; null when <paramref name="timeout"/> passes first.</summary>
    public async Task<OrchestrationState?> WaitForOrchestrationAsync(string instanceId, string? executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        await (await OpenAsync()).Client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    /// <inheritdoc/>
    public async Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        await (await OpenAsync()).Client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    /// <summary>The instance's state; only the latest execution is kept, so "all executions" is at most one.</summary>
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        await (await OpenAsync()).Client.GetOrchestrationStateAsync(instanceId, allExecutions);

    /// <inheritdoc/>
    public async Task<OrchestrationState?> GetOrchestrationStateAsync(string instanceId, string? executionId) =>
        await (await OpenAsync()).Client.GetOrchestrationStateAsync(instanceId, executionId);

    /// <summary>The current execution's history as DurableTask.Core JSON (an array of typed events).</summary>
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string? executionId) =>
        await (await OpenAsync()).Client.GetOrchestrationHistoryAsync(instanceId, executionId);

    /// <inheritdoc/>
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        await (await OpenAsync()).Client.GetOrchestrationWithQueryAsync(query, cancellationToken);

    /// <summary>Purges a finished instance (a live one is left alone and counts 0).</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) =>
        await (await OpenAsync()).Client.PurgeInstanceStateAsync(instanceId);

    /// <summary>Purges finished instances created in the filter's range with one of its statuses.</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) =>
        await (await OpenAsync()).Client.PurgeInstanceStateAsync(purgeInstanceFilter);

    /// <inheritdoc/>
    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        await (await OpenAsync()).Client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
}
