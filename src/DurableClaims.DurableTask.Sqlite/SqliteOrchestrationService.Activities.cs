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

    /// <summary>Hands the result to its instance at once; it becomes durable with the step that consumes it.</summary>
    /// <remarks>Until then the activity row stands for it: a crash in between runs the activity again, which
    /// activities allow (at least once), and the result costs no transaction of its own.</remarks>
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(responseMessage);
        var entry = ((SqliteActivityWorkItem)workItem).Entry;
        var instanceId = responseMessage.OrchestrationInstance.InstanceId;
        SqliteProviderMetrics.Activities.Add(1, _hubTag);
        lock (_instances.Gate)
        {
            if (_instances.TryGetLiveLocked(instanceId, out var target))
            {
                var id = NextId();
                responseMessage.SequenceNumber = id;
                _instances.DeliverLocked(target, new StoredMessage(id, instanceId, UtcNow, responseMessage, entry.Id));
                return;
            }
        }

        Logs.MessageDropped(_logger, responseMessage.Event.EventType.ToString(), instanceId, "the instance does not exist or has finished");
        await Commits.CommitAsync(writer => writer.DeleteActivity(entry.Id));
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
