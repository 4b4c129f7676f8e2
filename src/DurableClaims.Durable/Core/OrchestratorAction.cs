namespace DurableClaims.Durable.Core;

/// <summary>Kinds of work an orchestrator step asks the engine to do.</summary>
internal enum ActionKind
{
    ScheduleTask,
    CreateTimer,
    CreateSubOrchestration,
}

/// <summary>An action produced by orchestrator code, matched against history during replay.</summary>
internal sealed record OrchestratorAction(ActionKind Kind, int Id)
{
    public string? Name { get; init; }

    public string? Input { get; init; }

    public DateTime FireAt { get; init; }

    public string? SubInstanceId { get; init; }

    /// <summary>Gets the history event that records this action.</summary>
    public DurableEvent ToHistoryEvent(DateTime timestamp) => Kind switch
    {
        ActionKind.ScheduleTask => new DurableEvent(EventKind.TaskScheduled) { TaskId = Id, Name = Name, Data = Input, Timestamp = timestamp },
        ActionKind.CreateTimer => new DurableEvent(EventKind.TimerCreated) { TaskId = Id, FireAt = FireAt, Timestamp = timestamp },
        _ => new DurableEvent(EventKind.SubOrchestrationInstanceCreated) { TaskId = Id, Name = Name, Data = Input, RefId = SubInstanceId, Timestamp = timestamp },
    };

    /// <summary>Describes the action for non-determinism messages.</summary>
    public string Describe() => Kind switch
    {
        ActionKind.ScheduleTask => $"scheduled TaskScheduled '{Name}'",
        ActionKind.CreateTimer => "created a timer (TimerCreated)",
        _ => $"started sub-orchestration '{Name}'",
    };

    /// <summary>Returns whether a recorded history event is the same action.</summary>
    public bool Matches(DurableEvent recorded) => (Kind, recorded.Kind) switch
    {
        (ActionKind.ScheduleTask, EventKind.TaskScheduled) => string.Equals(Name, recorded.Name, StringComparison.Ordinal),
        (ActionKind.CreateTimer, EventKind.TimerCreated) => true,
        (ActionKind.CreateSubOrchestration, EventKind.SubOrchestrationInstanceCreated) => string.Equals(Name, recorded.Name, StringComparison.Ordinal),
        _ => false,
    };
}
