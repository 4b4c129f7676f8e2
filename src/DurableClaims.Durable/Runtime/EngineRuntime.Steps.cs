using DurableClaims.Durable.Core;
using DurableClaims.Durable.Diagnostics;
using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>Orchestration steps: take an instance's inbox, run its executor, queue the commit, act (pipelined or once durable).</summary>
internal sealed partial class EngineRuntime
{
    private async Task OrchestrationLoopAsync()
    {
        try
        {
            await foreach (var entry in _ready.Reader.ReadAllAsync(_stopping.Token))
            {
                RunStep(entry);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: steps not yet committed are redone from the stored inbox at the next start.
        }
    }

    private void RunStep(InstanceEntry entry)
    {
        List<InboxMessage> batch;
        StepTicket ticket;
        OrchestrationExecutor? executor;
        lock (_gate)
        {
            if (entry.Halted)
            {
                // A failed step is being retried: nothing runs until its batch is back in front of the inbox.
                entry.Busy = false;
                TrySchedule(entry);
                return;
            }

            batch = entry.TakeBatch();
            if (batch.Count == 0)
            {
                entry.Busy = false;
                return;
            }

            ticket = new StepTicket(entry.ExecutionId, entry.Epoch, ++entry.StepSequence, entry.Status);
            executor = entry.Pinned;
            entry.Pinned = null;
        }

        using var activity = DurableTelemetry.ActivitySource.StartActivity("orchestration.step");
        activity?.SetTag("durable.instance_id", entry.Id);
        StepCommit commit;
        try
        {
            // Without a pinned executor no commit of this instance is pending, so the cache or the store is current.
            executor ??= _cache.Take(entry.Id, ticket.ExecutionId) ?? LoadExecutor(entry.Id, ticket.ExecutionId);
            var now = UtcNow;
            var events = new List<DurableEvent>(batch.Count);
            foreach (var message in batch)
            {
                events.Add(message.Event);
            }

            var result = executor.Execute(events, now);
            DurableTelemetry.Steps.Add(1);
            Log.StepExecuted(_logger, entry.Id, events.Count, result.Actions.Count);
            commit = new StepCommit(this, entry, executor, ticket, batch, result, now, _options.PipelinedActivityDispatch);
        }
#pragma warning disable CA1031 // A step that cannot run (e.g. the store is unreadable) is retried, not fatal to the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnStepFailed(entry, ticket.Sequence, batch, ex);
            return;
        }

        SubmitStep(commit);
    }

    /// <summary>Queues a step's commit; a pipelined step then releases the instance and dispatches its activities at once.</summary>
    /// <remarks>
    /// The commit is queued before the instance is released, so the next step's commit is always behind it in
    /// the writer's FIFO and can never be durable without it.
    /// </remarks>
    private void SubmitStep(StepCommit commit)
    {
        var entry = commit.Entry;
        lock (_gate)
        {
            entry.PendingSteps++;
        }

        _writer.Submit(commit);
        if (!commit.Pipelined)
        {
            // The instance stays busy until the commit is durable (OnStepCommitted).
            return;
        }

        bool dispatch;
        lock (_gate)
        {
            entry.Busy = false;
            dispatch = entry.Epoch == commit.Ticket.Epoch;
            commit.Dispatched = dispatch;
            if (dispatch)
            {
                entry.Status = commit.Status;
                if (entry.PendingSteps > 0)
                {
                    entry.Pinned = commit.Executor;
                }
                else
                {
                    _cache.Put(entry.Id, commit.Executor);
                }
            }

            TrySchedule(entry);
        }

        if (dispatch)
        {
            foreach (var item in commit.NewActivities)
            {
                _activities.Writer.TryWrite(item);
            }
        }
    }

    private OrchestrationExecutor LoadExecutor(string instanceId, string executionId)
    {
        var executor = new OrchestrationExecutor(instanceId, executionId, name => _registry.FindOrchestrator(name, _services), _loggerFactory);
        var history = _store.Reader.LoadHistory(instanceId, executionId);
        if (history.Count > 0)
        {
            executor.Replay(history);
        }

        return executor;
    }

    /// <summary>A step could not be executed: its batch goes back and the instance retries later from the store.</summary>
    private void OnStepFailed(InstanceEntry entry, long sequence, List<InboxMessage> batch, Exception error)
    {
        Log.StepCommitFailed(_logger, entry.Id, error);
        lock (_gate)
        {
            // The executor may be half-applied; earlier pending commits stay valid and are waited for before the retry.
            _cache.Remove(entry.Id);
            entry.Requeue(sequence, batch);
            entry.Busy = false;
            Halt(entry);
        }
    }

    /// <summary>A step's commit failed (error) or was dropped because an earlier one of its chain failed (null).</summary>
    /// <remarks>
    /// The first failure of a chain starts a new epoch: the writer drops the chain's later steps, whose batches
    /// come back too. Activities those steps dispatched early are abandoned: replay from the store schedules them
    /// again, so their first results must not be applied.
    /// </remarks>
    internal void OnStepCommitFailed(StepCommit commit, Exception? error)
    {
        var entry = commit.Entry;
        if (error is null)
        {
            Log.StepDropped(_logger, entry.Id);
        }
        else
        {
            Log.StepCommitFailed(_logger, entry.Id, error);
        }

        lock (_gate)
        {
            entry.PendingSteps--;
            if (commit.Ticket.Epoch == entry.Epoch)
            {
                entry.Epoch++;

                // The dropped chain set its status ahead of durability; the first failed ticket holds the durable one.
                entry.Status = commit.Ticket.Status;
                entry.Pinned = null;
                _cache.Remove(entry.Id);
                Halt(entry);
            }

            if (commit.Dispatched)
            {
                // Only pipelined steps dispatch before their commit: results of those activities are dropped.
                foreach (var item in commit.NewActivities)
                {
                    entry.AbandonedActivities.Add(item.Id);
                }
            }
            else if (!commit.Pipelined)
            {
                entry.Busy = false;
            }

            entry.Requeue(commit.Ticket.Sequence, commit.Consumed);
            TrySchedule(entry);
        }
    }

    // Caller holds _gate.
    private void Halt(InstanceEntry entry)
    {
        entry.Halted = true;
        entry.RetryDue = false;
        _ = RetryLaterAsync(entry);
    }

    private async Task RetryLaterAsync(InstanceEntry entry)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            entry.RetryDue = true;
            TrySchedule(entry);
        }
    }

    /// <summary>Reserves a sub-orchestration's instance id; false when a live instance already uses it.</summary>
    internal bool OnChildReserving(string instanceId, string name, string executionId)
    {
        lock (_gate)
        {
            return _instances.TryAdd(instanceId, new InstanceEntry(instanceId, name, executionId, OrchestrationRuntimeStatus.Pending));
        }
    }

    internal void OnChildReleased(string instanceId, string executionId)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out var child) && child.ExecutionId == executionId)
            {
                _instances.Remove(instanceId);
            }
        }
    }

    /// <summary>Acts on a durable step: dispatch activities (unless pipelined), arm timers, deliver messages, signal completion.</summary>
    internal void OnStepCommitted(StepCommit commit)
    {
        var entry = commit.Entry;
        var result = commit.Result;
        string? custom;
        OrchestrationRuntimeStatus status;
        lock (_gate)
        {
            entry.PendingSteps--;
            if (result.CustomStatusChanged)
            {
                entry.CustomStatus = result.CustomStatus;
            }

            custom = entry.CustomStatus;

            if (commit.Pipelined)
            {
                // The instance was released and its activities dispatched when the commit was queued.
                status = commit.Status;
                if (entry.PendingSteps == 0 && entry.Pinned is { } pinned)
                {
                    // The store has caught up: the executor may now be evicted and replayed.
                    entry.Pinned = null;
                    _cache.Put(entry.Id, pinned);
                }
            }
            else if (result.Completion is { } completion)
            {
                status = completion.Status;
                _instances.Remove(entry.Id);

                // Messages that arrived after the final step (e.g. a duplicate raise) are dropped with the instance.
                entry.Finished = true;
                entry.Inbox.Clear();
                foreach (var waiter in entry.CompletionWaiters)
                {
                    waiter.TrySetResult();
                }
            }
            else if (commit.NextExecutionId is { } next)
            {
                status = OrchestrationRuntimeStatus.ContinuedAsNew;
                entry.ExecutionId = next;
                entry.Status = status;

                // Results and timer fires of the old execution that arrived while this step committed belong to
                // tasks that no longer exist; the new execution reuses their task ids and must not see them.
                entry.Inbox.RemoveAll(m => m.ExecutionId is not null && m.ExecutionId != next);
                entry.Inbox.InsertRange(0, commit.NextExecutionMessages);
            }
            else
            {
                status = commit.Status;
                entry.Status = status;
                _cache.Put(entry.Id, commit.Executor);
            }

            if (!commit.Pipelined)
            {
                entry.Busy = false;
            }

            TrySchedule(entry);
        }

        if (!commit.Pipelined)
        {
            foreach (var item in commit.NewActivities)
            {
                _activities.Writer.TryWrite(item);
            }
        }

        foreach (var message in commit.NewMessages)
        {
            Enqueue(message);
        }

        if (result.Completion is { } done)
        {
            DurableTelemetry.Completions.Add(1);
            Log.InstanceFinished(_logger, entry.Id, entry.Name, done.Status);
            if (done.Failure is { } failure)
            {
                Log.InstanceFailed(_logger, entry.Id, failure.ToString());
            }
        }

        NotifyUpdated(entry.Id, status, custom);
    }
}
