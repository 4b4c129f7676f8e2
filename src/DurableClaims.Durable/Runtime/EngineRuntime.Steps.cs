using DurableClaims.Durable.Core;
using DurableClaims.Durable.Diagnostics;
using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>Orchestration steps: take an instance's inbox, run its executor, commit, then act.</summary>
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
        string executionId;
        lock (_gate)
        {
            batch = entry.TakeBatch();
            executionId = entry.ExecutionId;
            if (batch.Count == 0)
            {
                entry.Busy = false;
                return;
            }
        }

        using var activity = DurableTelemetry.ActivitySource.StartActivity("orchestration.step");
        activity?.SetTag("durable.instance_id", entry.Id);
        OrchestrationExecutor? executor = null;
        try
        {
            executor = _cache.Take(entry.Id, executionId) ?? LoadExecutor(entry.Id, executionId);
            var now = UtcNow;
            var events = new List<DurableEvent>(batch.Count);
            foreach (var message in batch)
            {
                events.Add(message.Event);
            }

            var result = executor.Execute(events, now);
            DurableTelemetry.Steps.Add(1);
            Log.StepExecuted(_logger, entry.Id, events.Count, result.Actions.Count);
            _writer.Submit(new StepCommit(this, entry, executor, executionId, batch, result, now));
        }
#pragma warning disable CA1031 // A step that cannot run (e.g. the store is unreadable) is retried, not fatal to the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnStepFailed(entry, batch, ex);
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

    /// <summary>Puts the step's messages back and retries later; the in-memory executor is discarded (it is ahead of the store).</summary>
    internal void OnStepFailed(InstanceEntry entry, List<InboxMessage> batch, Exception error)
    {
        Log.StepCommitFailed(_logger, entry.Id, error);
        _cache.Remove(entry.Id);
        lock (_gate)
        {
            entry.Inbox.InsertRange(0, batch);
        }

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
            entry.Busy = false;
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

    /// <summary>Acts on a durable step: dispatch activities, arm timers, deliver messages, signal completion.</summary>
    internal void OnStepCommitted(StepCommit commit)
    {
        var entry = commit.Entry;
        var result = commit.Result;
        string? custom;
        OrchestrationRuntimeStatus status;
        lock (_gate)
        {
            if (result.CustomStatusChanged)
            {
                entry.CustomStatus = result.CustomStatus;
            }

            custom = entry.CustomStatus;

            if (result.Completion is { } completion)
            {
                status = completion.Status;
                _instances.Remove(entry.Id);
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
                entry.Inbox.InsertRange(0, commit.NextExecutionMessages);
            }
            else
            {
                status = result.Suspended ? OrchestrationRuntimeStatus.Suspended : result.Started ? OrchestrationRuntimeStatus.Running : entry.Status;
                entry.Status = status;
                _cache.Put(entry.Id, commit.Executor);
            }

            entry.Busy = false;
            TrySchedule(entry);
        }

        foreach (var item in commit.NewActivities)
        {
            _activities.Writer.TryWrite(item);
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
