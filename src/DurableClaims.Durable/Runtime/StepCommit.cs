using DurableClaims.Durable.Core;
using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>What a step was taken with: execution, chain generation (<see cref="InstanceEntry.Epoch"/>), batch number and prior status.</summary>
internal readonly record struct StepTicket(string ExecutionId, int Epoch, long Sequence, OrchestrationRuntimeStatus Status);

/// <summary>Everything one orchestration step changes, written atomically: history, consumed inbox, new work, instance row.</summary>
internal sealed class StepCommit : CommitRequest
{
    private readonly EngineRuntime _runtime;
    private bool _createsChild;
    private readonly DateTime _now;
    private readonly List<(string Id, string ExecutionId, string Name, string? Input)> _children = [];

    private bool _skipped;

    public StepCommit(EngineRuntime runtime, InstanceEntry entry, OrchestrationExecutor executor, StepTicket ticket, List<InboxMessage> consumed, StepResult result, DateTime now, bool pipelining)
    {
        _runtime = runtime;
        Entry = entry;
        Executor = executor;
        Ticket = ticket;
        Consumed = consumed;
        Result = result;
        _now = now;
        Status = result.Suspended ? OrchestrationRuntimeStatus.Suspended : result.Started ? OrchestrationRuntimeStatus.Running : ticket.Status;
        foreach (var action in result.Actions)
        {
            PlanAction(action);
        }

        // Only steps whose every effect stays inside the instance may run ahead of durability: a finishing
        // step, ContinueAsNew and sub-orchestration creation are visible outside and wait for their commit.
        Pipelined = pipelining && result.Completion is null && result.ContinueAsNew is null && !_createsChild;

        if (result.Completion is { } completion && executor.ParentInstanceId is { } parent)
        {
            NewMessages.Add(ParentNotification(parent, executor, completion));
        }

        if (result.ContinueAsNew is { } next)
        {
            NextExecutionId = EngineRuntime.CreateExecutionId();
            NextExecutionMessages.Add(Message(entry.Id, NextExecutionId, new DurableEvent(EventKind.ExecutionStarted)
            {
                Name = entry.Name, Data = next.Input, Timestamp = now,
                RefId = executor.ParentInstanceId, RefExecutionId = executor.ParentExecutionId, TaskId = executor.ParentTaskId,
            }, now));
            foreach (var carried in next.CarriedEvents)
            {
                NextExecutionMessages.Add(Message(entry.Id, null, carried, now));
            }
        }
    }

    public InstanceEntry Entry { get; }

    public OrchestrationExecutor Executor { get; }

    public StepResult Result { get; }

    /// <summary>Gets the chain generation and batch number the step was taken with.</summary>
    public StepTicket Ticket { get; }

    /// <summary>Gets the messages the step consumed (put back if it fails).</summary>
    public List<InboxMessage> Consumed { get; }

    /// <summary>Gets the instance status after the step (when it does not finish the instance).</summary>
    public OrchestrationRuntimeStatus Status { get; }

    /// <summary>Gets whether the step's activities are dispatched before its commit is durable.</summary>
    public bool Pipelined { get; }

    /// <summary>Gets or sets whether a pipelined step's activities were dispatched (guarded by the runtime's lock).</summary>
    public bool Dispatched { get; set; }

    public List<ActivityWorkItem> NewActivities { get; } = [];

    public List<InboxMessage> NewMessages { get; } = [];

    public string? NextExecutionId { get; }

    public List<InboxMessage> NextExecutionMessages { get; } = [];

    public override void Write(StoreWriter writer)
    {
        // An earlier step of this instance failed to commit: this one was computed on top of it, so it must not be written.
        _skipped = Ticket.Epoch != Entry.Epoch;
        if (_skipped)
        {
            return;
        }

        var id = Entry.Id;
        for (var i = 0; i < Result.NewHistory.Count; i++)
        {
            writer.InsertHistory(id, Ticket.ExecutionId, Result.FirstSeq + i, Result.NewHistory[i]);
        }

        foreach (var message in Consumed)
        {
            if (message.MessageId > 0)
            {
                writer.DeleteMessage(message.MessageId);
            }

            if (message.ActivityTaskId > 0)
            {
                writer.DeleteActivityTask(message.ActivityTaskId);
            }
        }

        if (Result.Completion is { } completion)
        {
            writer.CompleteInstance(id, completion.Status, completion.Output, completion.Failure, _now);
            writer.DeleteInstanceWork(id, includeHistory: false);
        }
        else if (NextExecutionId is { } next)
        {
            writer.ResetExecution(id, Ticket.ExecutionId);
            writer.ContinueAsNew(id, next, Result.ContinueAsNew!.Input, _now);
        }
        else
        {
            writer.UpdateInstance(id, Status, Result.CustomStatusChanged, Result.CustomStatus, _now);
        }

        foreach (var child in _children)
        {
            writer.DeleteInstanceWork(child.Id, includeHistory: true);
            writer.UpsertInstance(child.Id, child.Name, child.ExecutionId, OrchestrationRuntimeStatus.Pending, child.Input, _now);
        }

        foreach (var item in NewActivities)
        {
            writer.InsertActivityTask(item);
        }

        foreach (var message in NewMessages.Concat(NextExecutionMessages))
        {
            writer.InsertMessage(message.MessageId, message.InstanceId, message.ExecutionId, message.Event, message.VisibleAt);
        }
    }

    public override void Committed()
    {
        if (_skipped)
        {
            Abandon(null);
            return;
        }

        _runtime.OnStepCommitted(this);
    }

    public override void Failed(Exception error) => Abandon(error);

    /// <summary>The step was not written: its transaction failed (error) or an earlier step of the instance failed (null).</summary>
    private void Abandon(Exception? error)
    {
        foreach (var child in _children)
        {
            _runtime.OnChildReleased(child.Id, child.ExecutionId);
        }

        _runtime.OnStepCommitFailed(this, error);
    }

    private void PlanAction(OrchestratorAction action)
    {
        var id = Entry.Id;
        switch (action.Kind)
        {
            case ActionKind.ScheduleTask:
                NewActivities.Add(new ActivityWorkItem(_runtime.AllocateActivityId(), id, Ticket.ExecutionId, action.Id, action.Name!, action.Input, 1));
                break;
            case ActionKind.CreateTimer:
                NewMessages.Add(Message(id, Ticket.ExecutionId, new DurableEvent(EventKind.TimerFired) { TaskId = action.Id, FireAt = action.FireAt, Timestamp = action.FireAt }, action.FireAt));
                break;
            default:
                _createsChild = true;
                var childId = action.SubInstanceId!;
                var childExecution = EngineRuntime.CreateExecutionId();
                if (_runtime.OnChildReserving(childId, action.Name!, childExecution))
                {
                    _children.Add((childId, childExecution, action.Name!, action.Input));
                    NewMessages.Add(Message(childId, childExecution, new DurableEvent(EventKind.ExecutionStarted)
                    {
                        Name = action.Name, Data = action.Input, Timestamp = _now, RefId = id, RefExecutionId = Ticket.ExecutionId, TaskId = action.Id,
                    }, _now));
                }
                else
                {
                    var failure = new TaskFailureDetails(typeof(OrchestrationAlreadyExistsException).FullName!, new OrchestrationAlreadyExistsException(childId).Message);
                    NewMessages.Add(Message(id, Ticket.ExecutionId, new DurableEvent(EventKind.SubOrchestrationInstanceFailed) { TaskId = action.Id, Failure = failure, Timestamp = _now }, _now));
                }

                break;
        }
    }

    private InboxMessage ParentNotification(string parent, OrchestrationExecutor executor, StepCompletion completion)
    {
        var e = completion.Status == OrchestrationRuntimeStatus.Completed
            ? new DurableEvent(EventKind.SubOrchestrationInstanceCompleted) { TaskId = executor.ParentTaskId, Data = completion.Output, Timestamp = _now }
            : new DurableEvent(EventKind.SubOrchestrationInstanceFailed)
            {
                TaskId = executor.ParentTaskId,
                Timestamp = _now,
                Failure = completion.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{Entry.Id}' was {completion.Status}."),
            };
        return Message(parent, executor.ParentExecutionId, e, _now);
    }

    private InboxMessage Message(string instanceId, string? executionId, DurableEvent e, DateTime visibleAt) => new()
    {
        MessageId = _runtime.AllocateMessageId(), InstanceId = instanceId, ExecutionId = executionId, Event = e, VisibleAt = visibleAt,
    };
}
