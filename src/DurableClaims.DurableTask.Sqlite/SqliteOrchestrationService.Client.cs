using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Runtime;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>The client side: creating instances, sending them messages, reading, waiting, querying and purging.</summary>
public sealed partial class SqliteOrchestrationService
{
    /// <inheritdoc/>
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, null);

    /// <summary>Creates an instance. A live instance with the same id is always refused (as Durable Functions does);
    /// <paramref name="dedupeStatuses"/> may also refuse finished ones.</summary>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        if (creationMessage.Event is not ExecutionStartedEvent start)
        {
            throw new ArgumentException("A creation message carries an ExecutionStartedEvent.", nameof(creationMessage));
        }

        await EnsureOpenAsync();
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        if (dedupeStatuses?.Any(s => s.IsTerminal()) == true
            && Store.Reader.State(instanceId, withInputsAndOutputs: false) is { } existing
            && dedupeStatuses.Contains(existing.OrchestrationStatus))
        {
            throw AlreadyExists(instanceId, existing.OrchestrationStatus);
        }

        InstanceSlot slot;
        long startId;
        lock (_instances.Gate)
        {
            if (_instances.TryGetLiveLocked(instanceId, out var live))
            {
                throw AlreadyExists(instanceId, live.Status);
            }

            // The start message's id is taken with the reservation: whatever is sent to the instance from now on
            // has a higher id and survives the create's clean-up of the previous instance's leftovers.
            slot = _instances.AddLocked(instanceId, OrchestrationStatus.Pending);
            startId = NextId();
        }

        var message = StoredMessage.ToStore(startId, instanceId, start.ScheduledStartTime?.ToUniversalTime() ?? UtcNow, creationMessage);
        try
        {
            await Commits.CommitAsync(writer =>
            {
                writer.CreateInstance(start, message.Id, UtcNow);
                writer.InsertMessage(message);
            });
        }
        catch
        {
            lock (_instances.Gate)
            {
                _instances.RemoveLocked(slot);
            }

            throw;
        }

        lock (_instances.Gate)
        {
            _instances.DeliverLocked(slot, message);
        }
    }

    /// <summary>Sends a message to a live instance; <see cref="OrchestrationMessageRejectedException"/> when it does not exist or has finished
    /// (a termination of a finished instance changes nothing).</summary>
    public async Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureOpenAsync();
        var instanceId = message.OrchestrationInstance.InstanceId;
        InstanceSlot? slot;
        lock (_instances.Gate)
        {
            slot = _instances.TryGetLiveLocked(instanceId, out var live) ? live : null;
        }

        if (slot is null)
        {
            var state = Store.Reader.State(instanceId, withInputsAndOutputs: false);
            if (state is not null && message.Event is ExecutionTerminatedEvent)
            {
                return;
            }

            throw new OrchestrationMessageRejectedException(instanceId, state?.OrchestrationStatus);
        }

        // The message is handed over as soon as its insert is queued, not when it is durable: the commit loop writes in
        // order, so the step that consumes it commits in the same transaction or a later one, and the resume costs one
        // fsync less. The caller still returns only once the message is durable.
        var stored = StoredMessage.ToStore(NextId(), instanceId, UtcNow, message);
        var durable = Commits.CommitAsync(writer => writer.InsertMessage(stored), failed: () => stored.StoreFailed = true);
        lock (_instances.Gate)
        {
            _instances.DeliverLocked(slot, stored);
        }

        try
        {
            await durable;
        }
        catch
        {
            lock (_instances.Gate)
            {
                slot.Pending.Remove(stored);
            }

            throw;
        }
    }

    /// <inheritdoc/>
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
        await EnsureOpenAsync();
        var finished = _instances.WaitForFinishAsync(instanceId);
        try
        {
            var state = Store.Reader.State(instanceId);
            if (state is null || state.OrchestrationStatus.IsTerminal())
            {
                return state;
            }

            var wait = timeout < TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue ? Timeout.InfiniteTimeSpan : timeout;
            await finished.WaitAsync(wait, _time, cancellationToken);
            return Store.Reader.State(instanceId);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _instances.ForgetWaiter(instanceId, finished);
        }
    }

    /// <inheritdoc/>
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = new ExecutionTerminatedEvent(-1, reason),
        });

    /// <summary>The instance's state; only the latest execution is kept, so "all executions" is at most one.</summary>
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions)
    {
        await EnsureOpenAsync();
        return Store.Reader.State(instanceId) is { } state ? [state] : [];
    }

    /// <inheritdoc/>
    public async Task<OrchestrationState?> GetOrchestrationStateAsync(string instanceId, string? executionId)
    {
        await EnsureOpenAsync();
        var state = Store.Reader.State(instanceId);
        return state is not null && (executionId is null || state.OrchestrationInstance.ExecutionId == executionId) ? state : null;
    }

    /// <summary>The current execution's history as DurableTask.Core JSON (an array of typed events).</summary>
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string? executionId)
    {
        await EnsureOpenAsync();
        return CoreJson.Serialize(Store.Reader.History(instanceId));
    }

    /// <inheritdoc/>
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureOpenAsync();
        return Store.Reader.Query(query);
    }

    /// <summary>Purges a finished instance (a live one is left alone and counts 0).</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId)
    {
        await EnsureOpenAsync();
        var deleted = false;
        await Commits.CommitAsync(writer => deleted = writer.PurgeInstance(instanceId));
        return new PurgeResult(deleted ? 1 : 0);
    }

    /// <summary>Purges finished instances created in the filter's range with one of its statuses.</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        await EnsureOpenAsync();
        var ids = Store.Reader.FinishedInstanceIds(purgeInstanceFilter.CreatedTimeFrom, purgeInstanceFilter.CreatedTimeTo, purgeInstanceFilter.RuntimeStatus);
        return new PurgeResult(await PurgeAsync(ids), isComplete: true);
    }

    /// <inheritdoc/>
    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType)
    {
        await EnsureOpenAsync();
        var column = timeRangeFilterType switch
        {
            OrchestrationStateTimeRangeFilterType.OrchestrationLastUpdatedTimeFilter => "updated",
            OrchestrationStateTimeRangeFilterType.OrchestrationCompletedTimeFilter => "completed",
            _ => "created",
        };
        var ids = column == "created"
            ? Store.Reader.FinishedInstanceIds(null, thresholdDateTimeUtc, null)
            : Store.Reader.FinishedInstanceIds(null, thresholdDateTimeUtc, null, column);
        await PurgeAsync(ids);
    }

    private async Task<int> PurgeAsync(List<string> ids)
    {
        var deleted = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            // Assigned, not added, inside the write: a failed group batch writes each request again alone.
            var inChunk = 0;
            await Commits.CommitAsync(writer => inChunk = chunk.Count(writer.PurgeInstance));
            deleted += inChunk;
        }

        Logs.InstancesPurged(_logger, deleted);
        return deleted;
    }

    private static OrchestrationAlreadyExistsException AlreadyExists(string instanceId, OrchestrationStatus status) =>
        new($"An orchestration with id '{instanceId}' already exists ({status}).");
}
