using DurableClaims.Durable.Core;

namespace DurableClaims.Durable.Storage;

/// <summary>An inbox message: in the messages table (MessageId), or an activity result held in memory until consumed (ActivityTaskId).</summary>
internal sealed class InboxMessage
{
    public required string InstanceId { get; init; }

    /// <summary>Gets the target execution; null for client messages that go to whichever execution is current.</summary>
    public string? ExecutionId { get; init; }

    public required DurableEvent Event { get; init; }

    public long MessageId { get; init; }

    /// <summary>Gets the activity task whose row the consuming step deletes (its result needs no row of its own).</summary>
    public long ActivityTaskId { get; init; }

    public DateTime VisibleAt { get; init; }
}

/// <summary>A scheduled activity invocation (a row of activity_tasks).</summary>
internal sealed record ActivityWorkItem(long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input, int Attempt);

/// <summary>The columns of an instance row the engine keeps in memory for a live instance.</summary>
internal sealed record InstanceRow(string Id, string Name, string ExecutionId, OrchestrationRuntimeStatus Status);
