using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>In-memory state of a live (not finished) instance: its inbox and whether a step is under way.</summary>
/// <remarks>Guarded by the runtime's lock. Finished instances are dropped, so memory follows the live set only.</remarks>
internal sealed class InstanceEntry(string id, string name, string executionId, OrchestrationRuntimeStatus status)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string ExecutionId { get; set; } = executionId;

    public OrchestrationRuntimeStatus Status { get; set; } = status;

    /// <summary>Gets whether the current execution has processed its ExecutionStarted.</summary>
    public bool Started => Status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    public List<InboxMessage> Inbox { get; } = [];

    /// <summary>Gets or sets whether the instance is queued for, or running, a step (one step at a time).</summary>
    public bool Busy { get; set; }

    public List<TaskCompletionSource> CompletionWaiters { get; } = [];

    /// <summary>Gets or sets the last committed custom status (for update notifications).</summary>
    public string? CustomStatus { get; set; }

    /// <summary>Gets whether a step has something to process.</summary>
    public bool HasRunnableWork()
    {
        foreach (var message in Inbox)
        {
            var kind = message.Event.Kind;
            if (Started ? Status != OrchestrationRuntimeStatus.Suspended || message.Event.IsControl
                : kind is Core.EventKind.ExecutionStarted or Core.EventKind.ExecutionTerminated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes and returns the messages the next step processes.</summary>
    /// <remarks>
    /// While suspended only control messages are taken: the others stay queued (and stored) until resume.
    /// Before its start message is visible (StartAt), an instance only accepts terminate.
    /// </remarks>
    public List<InboxMessage> TakeBatch()
    {
        var batch = new List<InboxMessage>();
        var hasStart = Started || Inbox.Exists(m => m.Event.Kind == Core.EventKind.ExecutionStarted);
        var suspended = Status == OrchestrationRuntimeStatus.Suspended;
        for (var i = 0; i < Inbox.Count; i++)
        {
            var e = Inbox[i].Event;
            var take = hasStart ? !suspended || e.IsControl : e.Kind == Core.EventKind.ExecutionTerminated;
            if (!take)
            {
                continue;
            }

            suspended = e.Kind switch
            {
                Core.EventKind.ExecutionSuspended => true,
                Core.EventKind.ExecutionResumed => false,
                _ => suspended,
            };
            batch.Add(Inbox[i]);
            Inbox.RemoveAt(i--);
        }

        return batch;
    }
}
