using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Runtime;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Activity work items: an activity row is deleted in the same transaction that stores its result for the orchestration.</summary>
public sealed partial class SqliteOrchestrationService
{
    /// <inheritdoc/>
    public async Task<TaskActivityWorkItem?> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await EnsureOpenAsync();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var entry = await _activities.DequeueAsync(receiveTimeout, wait.Token);
        return entry is null ? null : new SqliteActivityWorkItem(entry);
    }

    /// <inheritdoc/>
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        workItem.LockedUntilUtc = DateTime.MaxValue;
        return Task.FromResult(workItem);
    }

    /// <inheritdoc/>
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(responseMessage);
        var entry = ((SqliteActivityWorkItem)workItem).Entry;
        var instanceId = responseMessage.OrchestrationInstance.InstanceId;
        InstanceSlot? target;
        lock (_instances.Gate)
        {
            target = _instances.TryGetLiveLocked(instanceId, out var slot) ? slot : null;
        }

        StoredMessage? result = null;
        if (target is not null)
        {
            var id = NextId();
            responseMessage.SequenceNumber = id;
            result = new StoredMessage(id, instanceId, UtcNow, responseMessage);
        }
        else
        {
            Logs.MessageDropped(_logger, responseMessage.Event.EventType.ToString(), instanceId, "the instance does not exist or has finished");
        }

        await Commits.CommitAsync(writer =>
        {
            writer.DeleteActivity(entry.Id);
            if (result is not null)
            {
                writer.InsertMessage(result.Id, result.InstanceId, result.VisibleAt, result.Message);
            }
        });

        SqliteProviderMetrics.Activities.Add(1);
        if (result is not null)
        {
            lock (_instances.Gate)
            {
                _instances.DeliverLocked(target!, result);
            }
        }
    }

    /// <inheritdoc/>
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        var entry = ((SqliteActivityWorkItem)workItem).Entry;
        var retry = entry with { Abandons = entry.Abandons + 1 };
        var delay = Backoff(retry.Abandons);
        Logs.ActivityAbandoned(_logger, entry.Message.OrchestrationInstance.InstanceId, entry.Id, retry.Abandons, delay);
        _ = EnqueueActivityAfterAsync(retry, delay);
        return Task.CompletedTask;
    }

    private async Task EnqueueActivityAfterAsync(ActivityEntry entry, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
            _activities.Enqueue(entry);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the row is still stored and runs after the next start.
        }
    }
}
