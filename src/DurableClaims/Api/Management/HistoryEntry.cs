using DurableTask.Core.History;

namespace DurableClaims.Api.Management;

/// <summary>One orchestration history event reduced to what the status API and the CLI show.</summary>
/// <param name="EventType">DurableTask.Core's event type name (TaskScheduled, TaskCompleted, EventRaised, …).</param>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="TaskId">The task it belongs to: its own id when scheduled, the scheduled id on completion or failure, else -1.</param>
/// <param name="Name">The activity, orchestrator, event or sub-orchestration name, when it has one.</param>
/// <param name="Data">Its input or result JSON, when it has one.</param>
public sealed record HistoryEntry(string EventType, DateTimeOffset Timestamp, int TaskId, string? Name, string? Data)
{
    /// <summary>Gets whether <see cref="Data"/> is a result (completion or failure) rather than an input.</summary>
    public bool IsResult => EventType.EndsWith("Completed", StringComparison.Ordinal) || EventType.EndsWith("Failed", StringComparison.Ordinal);

    /// <summary>Reduces a DurableTask.Core history event.</summary>
    public static HistoryEntry From(HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (taskId, name, data) = e switch
        {
            ExecutionStartedEvent started => (-1, started.Name, started.Input),
            ExecutionCompletedEvent completed => (-1, null, completed.Result),
            ExecutionTerminatedEvent terminated => (-1, null, terminated.Input),
            TaskScheduledEvent scheduled => (scheduled.EventId, scheduled.Name, scheduled.Input),
            TaskCompletedEvent completed => (completed.TaskScheduledId, null, completed.Result),
            TaskFailedEvent failed => (failed.TaskScheduledId, null, failed.FailureDetails?.ErrorMessage ?? failed.Reason),
            SubOrchestrationInstanceCreatedEvent created => (created.EventId, created.Name, created.Input),
            SubOrchestrationInstanceCompletedEvent completed => (completed.TaskScheduledId, null, completed.Result),
            SubOrchestrationInstanceFailedEvent failed => (failed.TaskScheduledId, null, failed.FailureDetails?.ErrorMessage ?? failed.Reason),
            TimerCreatedEvent created => (created.EventId, null, null),
            TimerFiredEvent fired => (fired.TimerId, null, null),
            EventRaisedEvent raised => (-1, raised.Name, raised.Input),
            _ => (-1, (string?)null, (string?)null),
        };
        return new HistoryEntry(
            e.EventType.ToString(), new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc)), taskId, name, data);
    }
}
