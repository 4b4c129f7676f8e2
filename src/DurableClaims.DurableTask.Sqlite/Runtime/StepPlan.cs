using DurableClaims.DurableTask.Hosting;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.History;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>
/// Everything one orchestration step changes, written in one transaction and applied to memory only after it is durable:
/// consumed messages, new history, the instance row, activities, timers, messages and sub-orchestrations for other instances.
/// </summary>
internal sealed class StepPlan
{
    private readonly SqliteOrchestrationWorkItem _item;
    private readonly OrchestrationState? _status;
    private readonly DateTime _now;
    private readonly Func<long> _nextId;
    private readonly List<ActivityEntry> _activities = [];
    private readonly List<StoredMessage> _timers = [];
    private readonly List<(InstanceSlot Target, ExecutionStartedEvent Start, StoredMessage Message)> _creates = [];
    private readonly List<(InstanceSlot Target, StoredMessage Message)> _sends = [];
    private readonly string? _historyJson;
    private readonly int _historySeq;

    private StepPlan(SqliteOrchestrationWorkItem item, OrchestrationRuntimeState state, OrchestrationState? status, DateTime now, Func<long> nextId)
    {
        _item = item;
        _status = status;
        _now = now;
        _nextId = nextId;
        Finished = status?.OrchestrationStatus.IsTerminal() == true;
        ExecutionId = state.OrchestrationInstance?.ExecutionId;

        // A new execution id means the step started or continued-as-new: its history replaces what is stored.
        NewExecution = status is not null && ExecutionId is not null && ExecutionId != item.Slot.HistoryExecutionId;
        if (status is not null && ExecutionId is not null)
        {
            var events = NewExecution ? state.Events : state.NewEvents;
            _historySeq = NewExecution ? 0 : state.Events.Count - state.NewEvents.Count;
            _historyJson = events.Count == 0 ? null : CoreJson.Serialize(events);
        }
    }

    public bool Finished { get; }

    public string? ExecutionId { get; }

    public bool NewExecution { get; }

    private string InstanceId => _item.InstanceId;

    public static StepPlan Create(SqliteOrchestrationWorkItem item, OrchestrationRuntimeState state, OrchestrationState? status, DateTime now, Func<long> nextId) =>
        new(item, state, status, now, nextId);

    public void AddActivities(IEnumerable<TaskMessage> messages)
    {
        foreach (var message in messages)
        {
            var id = _nextId();
            message.SequenceNumber = id;
            _activities.Add(new ActivityEntry(id, message, 0) { Json = CoreJson.Serialize(message) });
        }
    }

    public void AddTimers(IEnumerable<TaskMessage> messages)
    {
        foreach (var message in messages)
        {
            var visibleAt = message.Event is TimerFiredEvent timer ? timer.FireAt.ToUniversalTime() : _now;
            _timers.Add(Stored(InstanceId, visibleAt, message));
        }
    }

    public void AddCreate(InstanceSlot target, ExecutionStartedEvent start, TaskMessage message) =>
        _creates.Add((target, start, Stored(target.InstanceId, start.ScheduledStartTime?.ToUniversalTime() ?? _now, message)));

    public void AddSend(InstanceSlot target, TaskMessage message) => _sends.Add((target, Stored(target.InstanceId, _now, message)));

    /// <summary>Runs inside the group-commit transaction.</summary>
    public void Write(StoreWriter writer)
    {
        foreach (var consumed in _item.Batch)
        {
            if (consumed.StoreFailed)
            {
                throw new InvalidOperationException($"A message for instance {InstanceId} could not be stored; the step is retried without it.");
            }

            consumed.DeleteFrom(writer);
        }

        if (_status is not null && ExecutionId is not null)
        {
            if (NewExecution)
            {
                writer.DeleteHistory(InstanceId);
            }

            if (_historyJson is not null)
            {
                writer.InsertHistory(InstanceId, ExecutionId, _historySeq, _historyJson);
            }

            writer.UpdateInstance(_status, _now);
        }

        if (Finished)
        {
            // A finished instance takes no more messages: what arrived meanwhile is dropped with it, and earlier
            // activities will never be read. Activities this last step schedules still run (fire and forget).
            writer.Execute("DELETE FROM messages WHERE instance_id = $1", InstanceId);
            writer.Execute("DELETE FROM activities WHERE instance_id = $1", InstanceId);
        }

        foreach (var activity in _activities)
        {
            writer.InsertActivity(activity.Id, InstanceId, activity.Json!);
        }

        foreach (var timer in _timers)
        {
            writer.InsertMessage(timer);
        }

        foreach (var (_, start, message) in _creates)
        {
            writer.CreateInstance(start, message.Id, _now);
            writer.InsertMessage(message);
        }

        foreach (var (_, message) in _sends)
        {
            writer.InsertMessage(message);
        }

    }

    /// <summary>Undoes the in-memory reservations of sub-orchestrations when the transaction failed.</summary>
    public void UndoReservations(InstanceQueue instances)
    {
        foreach (var (target, _, _) in _creates)
        {
            instances.RemoveLocked(target);
        }
    }

    /// <summary>Makes the durable step visible: called under the queue's gate after the commit.</summary>
    public void Apply(InstanceQueue instances, ActivityQueue activities)
    {
        var slot = _item.Slot;
        _item.Take([]);
        slot.Abandons = 0;
        if (_status is not null && ExecutionId is not null)
        {
            slot.HistoryExecutionId = ExecutionId;
            slot.Status = _status.OrchestrationStatus;
        }

        if (Finished)
        {
            slot.Pending.Clear();
            instances.NotifyFinishedLocked(InstanceId);
        }

        foreach (var activity in _activities)
        {
            activities.Enqueue(activity);
        }

        foreach (var timer in _timers)
        {
            instances.DeliverLocked(slot, timer);
        }

        foreach (var (target, _, message) in _creates)
        {
            instances.DeliverLocked(target, message);
        }

        foreach (var (target, message) in _sends)
        {
            instances.DeliverLocked(target, message);
        }
    }

    private StoredMessage Stored(string instanceId, DateTime visibleAt, TaskMessage message) =>
        StoredMessage.ToStore(_nextId(), instanceId, visibleAt, message);
}
