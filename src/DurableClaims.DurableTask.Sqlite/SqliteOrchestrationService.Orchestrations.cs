using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Runtime;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.History;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Orchestration work items: lock, complete (one atomic step), abandon, release, extended sessions.</summary>
public sealed partial class SqliteOrchestrationService
{
    /// <inheritdoc/>
    public async Task<TaskOrchestrationWorkItem?> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        await EnsureOpenAsync();
        WatchDispatcher(cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        wait.CancelAfter(receiveTimeout);
        while (true)
        {
            InstanceSlot slot;
            try
            {
                slot = await _instances.Ready.ReadAsync(wait.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                return null;
            }

            List<StoredMessage> batch;
            lock (_instances.Gate)
            {
                slot.Queued = false;
                if (slot.Locked || slot.Pending.Count == 0 || !_instances.IsCurrentLocked(slot))
                {
                    continue;
                }

                if (slot.HistoryExecutionId is null && !slot.Pending.Exists(m => m.Message.Event is ExecutionStartedEvent))
                {
                    // Events for an instance whose (delayed) start is not yet visible wait for it instead of being dropped.
                    continue;
                }

                if (slot.NotBefore > UtcNow)
                {
                    // Backing off after an abandon; requeued for the time left (the wall clock may have moved).
                    _ = RequeueAfterAsync(slot, slot.NotBefore - UtcNow);
                    continue;
                }

                slot.Locked = true;
                batch = slot.TakePending();
            }

            try
            {
                var history = slot.HistoryExecutionId is null ? [] : Store.Reader.History(slot.InstanceId);
                return new SqliteOrchestrationWorkItem(slot, batch)
                {
                    OrchestrationRuntimeState = new OrchestrationRuntimeState(history),
                    Session = _options.ExtendedSessionIdleTimeout > TimeSpan.Zero ? new SqliteSession(this) : null,
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

    /// <inheritdoc/>
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        // Locks live in this process, which owns the hub: they cannot expire while it runs and vanish with it.
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
        OrchestrationState? orchestrationState)
    {
        var item = (SqliteOrchestrationWorkItem)workItem;
        var step = StepPlan.Create(item, newOrchestrationRuntimeState, orchestrationState, UtcNow, NextId);
        step.AddActivities(outboundMessages);
        step.AddTimers(timerMessages);
        if (continuedAsNewMessage is not null)
        {
            step.AddTimers([continuedAsNewMessage]);
        }

        lock (_instances.Gate)
        {
            foreach (var message in orchestratorMessages)
            {
                var target = message.OrchestrationInstance.InstanceId;
                if (message.Event is ExecutionStartedEvent start)
                {
                    if (_instances.TryGetLiveLocked(target, out _))
                    {
                        Logs.DuplicateSubOrchestration(_logger, item.InstanceId, target);
                        continue;
                    }

                    step.AddCreate(_instances.AddLocked(target, OrchestrationStatus.Pending), start, message);
                }
                else if (_instances.TryGetLiveLocked(target, out var targetSlot))
                {
                    step.AddSend(targetSlot, message);
                }
                else
                {
                    Logs.MessageDropped(_logger, message.Event.EventType.ToString(), target, "the instance does not exist or has finished");
                }
            }
        }

        try
        {
            await Commits.CommitAsync(step.Write);
        }
        catch
        {
            lock (_instances.Gate)
            {
                step.UndoReservations(_instances);
            }

            throw;
        }

        lock (_instances.Gate)
        {
            step.Apply(_instances, _activities);
        }

        SqliteProviderMetrics.Steps.Add(1, _hubTag);
        if (step.Finished)
        {
            Logs.InstanceFinished(_logger, item.InstanceId, orchestrationState!.OrchestrationStatus);
        }
    }

    /// <inheritdoc/>
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
        lock (_instances.Gate)
        {
            if (!_instances.IsCurrentLocked(slot) || slot.IsFinished)
            {
                return;
            }

            slot.Pending.InsertRange(0, batch.Where(m => !m.StoreFailed));
            slot.Locked = false;
            slot.Abandons++;
            delay = Backoff(slot.Abandons);
            slot.NotBefore = UtcNow + delay;
        }

        Logs.WorkItemAbandoned(_logger, slot.InstanceId, slot.Abandons, delay);
        _ = RequeueAfterAsync(slot, delay);
    }

    /// <inheritdoc/>
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = (SqliteOrchestrationWorkItem)workItem;
        var slot = item.Slot;
        lock (_instances.Gate)
        {
            // A batch neither completed nor abandoned (the dispatcher stopping) stays stored: keep it in memory too.
            slot.Pending.InsertRange(0, item.Batch.Where(m => !m.StoreFailed));
            item.Take([]);
            slot.Locked = false;
            slot.SessionSignal = null;
            if (slot.IsFinished)
            {
                _instances.RemoveLocked(slot);
            }
            else if (slot.NotBefore <= UtcNow)
            {
                _instances.EnqueueLocked(slot);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for the next messages of a locked instance (an extended session); null ends the session.</summary>
    internal async Task<IList<TaskMessage>?> FetchSessionMessagesAsync(SqliteOrchestrationWorkItem item)
    {
        var slot = item.Slot;
        TaskCompletionSource signal;
        lock (_instances.Gate)
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
            await signal.Task.WaitAsync(_options.ExtendedSessionIdleTimeout, _time, _sessionsEnd.Token);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Idle or stopping: end the session, keeping whatever arrived for the next work item.
        }

        lock (_instances.Gate)
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

        lock (_instances.Gate)
        {
            if (dispatcherShutdown == _watchedDispatcher)
            {
                return;
            }

            _watchedDispatcher = dispatcherShutdown;
            var sessionsEnd = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, dispatcherShutdown);
            // The previous source is left to the collector: a session of the previous dispatcher may still hold its token.
            _sessionsEnd = sessionsEnd;
        }
    }

    private TimeSpan Backoff(int abandons)
    {
        var factor = Math.Pow(2, Math.Min(abandons - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.AbandonDelay.Ticks * factor, _options.MaxAbandonDelay.Ticks));
        return delay;
    }

    private async Task RequeueAfterAsync(InstanceSlot slot, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_instances.Gate)
        {
            if (_instances.IsCurrentLocked(slot))
            {
                _instances.EnqueueLocked(slot);
            }
        }
    }

    /// <summary>The extended session of one locked instance.</summary>
    private sealed class SqliteSession(SqliteOrchestrationService service) : IOrchestrationSession
    {
        public Task<IList<TaskMessage>?> FetchNewOrchestrationMessagesAsync(TaskOrchestrationWorkItem workItem) =>
            service.FetchSessionMessagesAsync((SqliteOrchestrationWorkItem)workItem);

        public Task EndSessionAsync() => Task.CompletedTask;
    }
}
