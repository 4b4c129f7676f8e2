using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>Activity work items: an activity row is deleted in the same transaction that stores its result for the orchestration.</summary>
internal sealed class ActivityWorkItems(TaskHub hub)
{
    public async Task<TaskActivityWorkItem?> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hub.Stopping);
        var entry = await hub.Activities.DequeueAsync(receiveTimeout, wait.Token);
        return entry is null ? null : new SqliteActivityWorkItem(entry);
    }

    /// <summary>Hands the result to its instance at once; it becomes durable with the step that consumes it.</summary>
    /// <remarks>Until then the activity row stands for it: a crash in between runs the activity again, which
    /// activities allow (at least once), and the result costs no transaction of its own.</remarks>
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(responseMessage);
        var entry = ((SqliteActivityWorkItem)workItem).Entry;
        var instanceId = responseMessage.OrchestrationInstance.InstanceId;
        SqliteProviderMetrics.Activities.Add(1, hub.HubTag);
        lock (hub.Instances.Gate)
        {
            if (hub.Instances.TryGetLiveLocked(instanceId, out var target))
            {
                var id = hub.NextId();
                responseMessage.SequenceNumber = id;
                hub.Instances.DeliverLocked(target, new StoredMessage(id, instanceId, hub.UtcNow, responseMessage, entry.Id));
                return;
            }
        }

        Logs.MessageDropped(hub.Logger, responseMessage.Event.EventType.ToString(), instanceId, "the instance does not exist or has finished");
        await hub.Commits.CommitAsync(writer => writer.DeleteActivity(entry.Id));
    }

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        var entry = ((SqliteActivityWorkItem)workItem).Entry;
        var retry = entry with { Abandons = entry.Abandons + 1 };
        var delay = hub.Backoff(retry.Abandons);
        Logs.ActivityAbandoned(hub.Logger, entry.Message.OrchestrationInstance.InstanceId, entry.Id, retry.Abandons, delay);
        _ = EnqueueActivityAfterAsync(retry, delay);
        return Task.CompletedTask;
    }

    private async Task EnqueueActivityAfterAsync(ActivityEntry entry, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, hub.Time, hub.Stopping);
            hub.Activities.Enqueue(entry);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the row is still stored and runs after the next start.
        }
    }
}
