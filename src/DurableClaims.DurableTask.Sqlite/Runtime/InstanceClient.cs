using DurableClaims.DurableTask.Hosting;
using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>The client side: creating instances, sending them messages, reading, waiting, querying and purging.</summary>
internal sealed class InstanceClient(TaskHub hub)
{
    /// <summary>Creates an instance. A live instance with the same id is always refused (as Durable Functions does);
    /// <paramref name="dedupeStatuses"/> may also refuse finished ones.</summary>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        if (creationMessage.Event is not ExecutionStartedEvent start)
        {
            throw new ArgumentException("A creation message carries an ExecutionStartedEvent.", nameof(creationMessage));
        }
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        if (dedupeStatuses?.Any(s => s.IsTerminal()) == true
            && hub.Store.Reader.State(instanceId, withInputsAndOutputs: false) is { } existing
            && dedupeStatuses.Contains(existing.OrchestrationStatus))
        {
            throw AlreadyExists(instanceId, existing.OrchestrationStatus);
        }

        InstanceSlot slot;
        long startId;
        lock (hub.Instances.Gate)
        {
            if (hub.Instances.TryGetLiveLocked(instanceId, out var live))
            {
                throw AlreadyExists(instanceId, live.Status);
            }

            // The start message's id is taken with the reservation: whatever is sent to the instance from now on
            // has a higher id and survives the create's clean-up of the previous instance's leftovers.
            slot = hub.Instances.AddLocked(instanceId, OrchestrationStatus.Pending);
            startId = hub.NextId();
        }

        var message = StoredMessage.ToStore(startId, instanceId, start.ScheduledStartTime?.ToUniversalTime() ?? hub.UtcNow, creationMessage);
        try
        {
            await hub.Commits.CommitAsync(writer =>
            {
                writer.CreateInstance(start, message.Id, hub.UtcNow);
                writer.InsertMessage(message);
            });
        }
        catch
        {
            lock (hub.Instances.Gate)
            {
                hub.Instances.RemoveLocked(slot);
            }

            throw;
        }

        lock (hub.Instances.Gate)
        {
            hub.Instances.DeliverLocked(slot, message);
        }
    }

    /// <summary>Sends a message to a live instance; <see cref="OrchestrationMessageRejectedException"/> when it does not exist or has finished
    /// (a termination of a finished instance changes nothing).</summary>
    public async Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var instanceId = message.OrchestrationInstance.InstanceId;
        InstanceSlot? slot;
        lock (hub.Instances.Gate)
        {
            slot = hub.Instances.TryGetLiveLocked(instanceId, out var live) ? live : null;
        }

        if (slot is null)
        {
            var state = hub.Store.Reader.State(instanceId, withInputsAndOutputs: false);
            if (state is not null && message.Event is ExecutionTerminatedEvent)
            {
                return;
            }

            throw new OrchestrationMessageRejectedException(instanceId, state?.OrchestrationStatus);
        }

        // The message is handed over as soon as its insert is queued, not when it is durable: the commit loop writes in
        // order, so the step that consumes it commits in the same transaction or a later one, and the resume costs one
        // fsync less. The caller still returns only once the message is durable.
        var stored = StoredMessage.ToStore(hub.NextId(), instanceId, hub.UtcNow, message);
        var durable = hub.Commits.CommitAsync(writer => writer.InsertMessage(stored), failed: () => stored.StoreFailed = true);
        lock (hub.Instances.Gate)
        {
            hub.Instances.DeliverLocked(slot, stored);
        }

        try
        {
            await durable;
        }
        catch
        {
            lock (hub.Instances.Gate)
            {
                slot.Pending.Remove(stored);
            }

            throw;
        }
    }

    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await SendTaskOrchestrationMessageAsync(message);
        }
    }

    /// <summary>Waits for the instance to finish; null when <paramref name="timeout"/> passes first.</summary>
    public async Task<OrchestrationState?> WaitForOrchestrationAsync(string instanceId, string? executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var finished = hub.Instances.WaitForFinishAsync(instanceId);
        try
        {
            var state = hub.Store.Reader.State(instanceId);
            if (state is null || state.OrchestrationStatus.IsTerminal())
            {
                return state;
            }

            var wait = timeout < TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue ? Timeout.InfiniteTimeSpan : timeout;
            await finished.WaitAsync(wait, hub.Time, cancellationToken);
            return hub.Store.Reader.State(instanceId);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            hub.Instances.ForgetWaiter(instanceId, finished);
        }
    }

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = new ExecutionTerminatedEvent(-1, reason),
        });

    /// <summary>The instance's state; only the latest execution is kept, so "all executions" is at most one.</summary>
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions)
    {
        return hub.Store.Reader.State(instanceId) is { } state ? [state] : [];
    }

    public async Task<OrchestrationState?> GetOrchestrationStateAsync(string instanceId, string? executionId)
    {
        var state = hub.Store.Reader.State(instanceId);
        return state is not null && (executionId is null || state.OrchestrationInstance.ExecutionId == executionId) ? state : null;
    }

    /// <summary>The current execution's history as DurableTask.Core JSON (an array of typed events).</summary>
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string? executionId)
    {
        return CoreJson.Serialize(hub.Store.Reader.History(instanceId));
    }

    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return hub.Store.Reader.Query(query);
    }

    /// <summary>Purges a finished instance (a live one is left alone and counts 0).</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId)
    {
        var deleted = false;
        await hub.Commits.CommitAsync(writer => deleted = writer.PurgeInstance(instanceId));
        return new PurgeResult(deleted ? 1 : 0);
    }

    /// <summary>Purges finished instances created in the filter's range with one of its statuses.</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var ids = hub.Store.Reader.FinishedInstanceIds(purgeInstanceFilter.CreatedTimeFrom, purgeInstanceFilter.CreatedTimeTo, purgeInstanceFilter.RuntimeStatus);
        return new PurgeResult(await PurgeAsync(ids), isComplete: true);
    }

    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType)
    {
        var column = timeRangeFilterType switch
        {
            OrchestrationStateTimeRangeFilterType.OrchestrationLastUpdatedTimeFilter => "updated",
            OrchestrationStateTimeRangeFilterType.OrchestrationCompletedTimeFilter => "completed",
            _ => "created",
        };
        var ids = column == "created"
            ? hub.Store.Reader.FinishedInstanceIds(null, thresholdDateTimeUtc, null)
            : hub.Store.Reader.FinishedInstanceIds(null, thresholdDateTimeUtc, null, column);
        await PurgeAsync(ids);
    }

    private async Task<int> PurgeAsync(List<string> ids)
    {
        var deleted = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            // Assigned, not added, inside the write: a failed group batch writes each request again alone.
            var inChunk = 0;
            await hub.Commits.CommitAsync(writer => inChunk = chunk.Count(writer.PurgeInstance));
            deleted += inChunk;
        }

        Logs.InstancesPurged(hub.Logger, deleted);
        return deleted;
    }

    private static OrchestrationAlreadyExistsException AlreadyExists(string instanceId, OrchestrationStatus status) =>
        new($"An orchestration with id '{instanceId}' already exists ({status}).");
}
