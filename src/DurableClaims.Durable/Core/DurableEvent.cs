namespace DurableClaims.Durable.Core;

/// <summary>Kinds of history events and inbox messages (a message is an event addressed to an instance).</summary>
internal enum EventKind
{
    ExecutionStarted = 1,
    OrchestratorStarted = 2,
    TaskScheduled = 3,
    TaskCompleted = 4,
    TaskFailed = 5,
    TimerCreated = 6,
    TimerFired = 7,
    EventRaised = 8,
    SubOrchestrationInstanceCreated = 9,
    SubOrchestrationInstanceCompleted = 10,
    SubOrchestrationInstanceFailed = 11,
    ExecutionSuspended = 12,
    ExecutionResumed = 13,
    ExecutionTerminated = 14,
    ExecutionCompleted = 15,
    ContinueAsNew = 16,
}

/// <summary>One history event or inbox message; the same shape serves both, as in DTFx.</summary>
/// <remarks>
/// Field use by kind: TaskId is the task/timer/sub-orchestration id (for ExecutionStarted the
/// parent's task id); Name is the activity, orchestrator or event name (for ExecutionCompleted the
/// final status); Data is the JSON input, result, payload or output; RefId is the child instance id
/// (SubOrchestrationInstanceCreated) or the parent instance id (ExecutionStarted), and RefExecutionId
/// the parent's execution id.
/// </remarks>
internal sealed record DurableEvent(EventKind Kind)
{
    public int TaskId { get; init; } = -1;

    public string? Name { get; init; }

    public string? Data { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTime Timestamp { get; init; }

    public DateTime? FireAt { get; init; }

    public string? RefId { get; init; }

    public string? RefExecutionId { get; init; }

    /// <summary>Gets whether the event is a client control message that is processed even while suspended.</summary>
    public bool IsControl => Kind is EventKind.ExecutionSuspended or EventKind.ExecutionResumed or EventKind.ExecutionTerminated;

    /// <summary>Gets whether the event completes a task the orchestrator awaited (subject to de-duplication).</summary>
    public bool IsTaskResult => Kind is EventKind.TaskCompleted or EventKind.TaskFailed or EventKind.TimerFired
        or EventKind.SubOrchestrationInstanceCompleted or EventKind.SubOrchestrationInstanceFailed;

    /// <summary>Converts to the public client view.</summary>
    public HistoryEvent ToPublic() => new(
        TaskId,
        Kind.ToString(),
        new DateTimeOffset(DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc)),
        Name,
        Failure is not null ? DurableJson.Serialize(Failure) : Data ?? (FireAt is { } fireAt ? DurableJson.Serialize(fireAt) : null));
}
