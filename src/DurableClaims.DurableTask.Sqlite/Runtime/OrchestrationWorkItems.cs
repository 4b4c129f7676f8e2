using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.History;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>Orchestration work items: lock, complete (one atomic step), abandon, release, extended sessions.</summary>
internal sealed class OrchestrationWorkItems(TaskHub hub)
{
    private CancellationTokenSource _sessionsEnd = CancellationTokenSource.CreateLinkedTokenSource(hub.Stopping);
    private CancellationToken _watchedDispatcher;

    public async Task<TaskOrchestrationWorkItem?> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        WatchDispatcher(cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hub.Stopping);
        wait.CancelAfter(receiveTimeout);
        while (true)
        {
            InstanceSlot slot;
            try
            {
                slot = await hub.Instances.Ready.ReadAsync(wait.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                return null;
            }

            List<StoredMessage> batch;
            lock (hub.Instances.Gate)
            {
                slot.Queued = false;
                if (slot.Locked || slot.Pending.Count == 0 || !hub.Instances.IsCurrentLocked(slot))
                {
                    continue;
                }

                if (slot.HistoryExecutionId is null && !slot.Pending.Exists(m => m.Message.Event is ExecutionStartedEvent))
                {
                    // Events for an instance whose (delayed) start is not yet visible wait for it instead of being dropped.
                    continue;
                }

                if (slot.NotBefore > hub.UtcNow)
                {
                    // Backing off after an abandon; requeued for the time left (the wall clock may have moved).
                    _ = RequeueAfterAsync(slot, slot.NotBefore - hub.UtcNow);
                    continue;
                }

                slot.Locked = true;
                batch = slot.TakePending();
            }

            try
            {
                var history = slot.HistoryExecutionId is null ? [] : hub.Store.Reader.History(slot.InstanceId);
                return new SqliteOrchestrationWorkItem(slot, batch)
                {
                    OrchestrationRuntimeState = new OrchestrationRuntimeState(history),
                    Session = hub.Options.ExtendedSessionIdleTimeout > TimeSpan.Zero ? new SqliteSession(this) : null,
                };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // No work item reaches DurableTask.Core, so nothing would ever abandon or release this one.
                GiveBack(slot, batch);
                throw;
            }
        }
    }

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage? continuedAsNewMessage,
        OrchestrationState? orchestrationState)
    {
        var item = (SqliteOrchestrationWorkItem)workItem;
        var step = StepPlan.Create(item, newOrchestrationRuntimeState, orchestrationState, hub.UtcNow, hub.NextId);
        step.AddActivities(outboundMessages);
        step.AddTimers(timerMessages);
        if (continuedAsNewMessage is not null)
        {
            step.AddTimers([continuedAsNewMessage]);
        }

        lock (hub.Instances.Gate)
        {
            foreach (var message in orchestratorMessages)
            {
                var target = message.OrchestrationInstance.InstanceId;
                if (message.Event is ExecutionStartedEvent start)
                {
                    if (hub.Instances.TryGetLiveLocked(target, out _))
                    {
                        Logs.DuplicateSubOrchestration(hub.Logger, item.InstanceId, target);
                        continue;
                    }

                    step.AddCreate(hub.Instances.AddLocked(target, OrchestrationStatus.Pending), start, message);
                }
                else if (hub.Instances.TryGetLiveLocked(target, out var targetSlot))
                {
                    step.AddSend(targetSlot, message);
                }
                else
                {
                    Logs.MessageDropped(hub.Logger, message.Event.EventType.ToString(), target, "the instance does not exist or has finished");
                }
            }
        }

        try
        {
            await hub.Commits.CommitAsync(step.Write);
        }
        catch
        {
            lock (hub.Instances.Gate)
            {
                step.UndoReservations(hub.Instances);
            }

            throw;
        }

        lock (hub.Instances.Gate)
        {
            step.Apply(hub.Instances, hub.Activities);
        }

        SqliteProviderMetrics.Steps.Add(1, hub.HubTag);
        if (step.Finished)
        {
            Logs.InstanceFinished(hub.Logger, item.InstanceId, orchestrationState!.OrchestrationStatus);
        }
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = (SqliteOrchestrationWorkItem)workItem;
        var batch = item.Batch;
        item.Take([]);
        GiveBack(item.Slot, batch);
        return Task.CompletedTask;
    }

    /// <summary>Puts an unfinished batch back in front of what arrived meanwhile and hands it out again after a back-off.</summary>
    private void GiveBack(InstanceSlot slot, List<StoredMessage> batch)
    {
        TimeSpan delay;
        lock (hub.Instances.Gate)
        {
            if (!hub.Instances.IsCurrentLocked(slot) || slot.IsFinished)
            {
                return;
            }

            slot.Pending.InsertRange(0, batch.Where(m => !m.StoreFailed));
            slot.Locked = false;
            slot.Abandons++;
            delay = hub.Backoff(slot.Abandons);
            slot.NotBefore = hub.UtcNow + delay;
        }

        Logs.WorkItemAbandoned(hub.Logger, slot.InstanceId, slot.Abandons, delay);
        _ = RequeueAfterAsync(slot, delay);
    }

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = (SqliteOrchestrationWorkItem)workItem;
        var slot = item.Slot;
        lock (hub.Instances.Gate)
        {
            // A batch neither completed nor abandoned (the dispatcher stopping) stays stored: keep it in memory too.
            slot.Pending.InsertRange(0, item.Batch.Where(m => !m.StoreFailed));
            item.Take([]);
            slot.Locked = false;
            slot.SessionSignal = null;
            if (slot.IsFinished)
            {
                hub.Instances.RemoveLocked(slot);
            }
            else if (slot.NotBefore <= hub.UtcNow)
            {
                hub.Instances.EnqueueLocked(slot);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for the next messages of a locked instance (an extended session); null ends the session.</summary>
    internal async Task<IList<TaskMessage>?> FetchSessionMessagesAsync(SqliteOrchestrationWorkItem item)
    {
        var slot = item.Slot;
        TaskCompletionSource signal;
        lock (hub.Instances.Gate)
        {
            if (slot.IsFinished || _sessionsEnd.IsCancellationRequested)
            {
                return null;
            }

            if (slot.Pending.Count > 0)
            {
                return item.Take(slot.TakePending());
            }

            slot.SessionSignal = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        try
        {
            await signal.Task.WaitAsync(hub.Options.ExtendedSessionIdleTimeout, hub.Time, _sessionsEnd.Token);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Idle or stopping: end the session, keeping whatever arrived for the next work item.
        }

        lock (hub.Instances.Gate)
        {
            slot.SessionSignal = null;
            return slot.Pending.Count > 0 && !slot.IsFinished && !_sessionsEnd.IsCancellationRequested
                ? item.Take(slot.TakePending())
                : null;
        }
    }

    /// <summary>Ends idle extended sessions as soon as the dispatcher that fetches work items shuts down.</summary>
    /// <remarks>DurableTask.Core waits for in-flight work items before it stops the service, and an idle session is one.</remarks>
    private void WatchDispatcher(CancellationToken dispatcherShutdown)
    {
        if (!dispatcherShutdown.CanBeCanceled || dispatcherShutdown == _watchedDispatcher)
        {
            return;
        }

        lock (hub.Instances.Gate)
        {
            if (dispatcherShutdown == _watchedDispatcher)
            {
                return;
            }

            _watchedDispatcher = dispatcherShutdown;
            var sessionsEnd = CancellationTokenSource.CreateLinkedTokenSource(hub.Stopping, dispatcherShutdown);
            // The previous source is left to the collector: a session of the previous dispatcher may still hold its token.
            _sessionsEnd = sessionsEnd;
        }
    }

    private async Task RequeueAfterAsync(InstanceSlot slot, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, hub.Time, hub.Stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (hub.Instances.Gate)
        {
            if (hub.Instances.IsCurrentLocked(slot))
            {
                hub.Instances.EnqueueLocked(slot);
            }
        }
    }

    /// <summary>The extended session of one locked instance.</summary>
    private sealed class SqliteSession(OrchestrationWorkItems owner) : IOrchestrationSession
    {
        public Task<IList<TaskMessage>?> FetchNewOrchestrationMessagesAsync(TaskOrchestrationWorkItem workItem) =>
            owner.FetchSessionMessagesAsync((SqliteOrchestrationWorkItem)workItem);

        public Task EndSessionAsync() => Task.CompletedTask;
    }
}
