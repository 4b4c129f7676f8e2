using DurableClaims.Durable.Core;
using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>In-memory state of a live (not finished) instance: its inbox, whether a step is under way, and its pending pipelined commits.</summary>
/// <remarks>Guarded by the runtime's lock. Finished instances are dropped, so memory follows the live set only.</remarks>
internal sealed class InstanceEntry(string id, string name, string executionId, OrchestrationRuntimeStatus status)
{
    private readonly SortedList<long, List<InboxMessage>> _requeued = [];
    private HashSet<long>? _abandoned;
    private int _epoch;

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

    /// <summary>Gets or sets whether the instance's final step is durable; it is then out of the live set and never runs again.</summary>
    public bool Finished { get; set; }

    /// <summary>Gets or sets the executor of a pipelined step whose commit is pending.</summary>
    /// <remarks>It is ahead of the store, so it is kept here rather than in the evictable cache: a replay from the store would miss the pending steps.</remarks>
    public OrchestrationExecutor? Pinned { get; set; }

    /// <summary>Gets or sets how many step commits of the instance are queued but not yet durable or failed.</summary>
    public int PendingSteps { get; set; }

    /// <summary>Gets or sets the commit chain generation; a failed step commit starts a new one and the writer drops the rest of the old one.</summary>
    public int Epoch
    {
        get => Volatile.Read(ref _epoch);
        set => Volatile.Write(ref _epoch, value);
    }

    /// <summary>Gets or sets whether steps are held back after a failure (until the retry delay passed and no commit is pending).</summary>
    public bool Halted { get; set; }

    /// <summary>Gets or sets whether the retry delay of a halted instance has passed.</summary>
    public bool RetryDue { get; set; }

    /// <summary>Gets or sets the number of the last batch taken (orders the batches of failed steps when they are put back).</summary>
    public long StepSequence { get; set; }

    /// <summary>Gets the activities whose scheduling step never became durable: their results are dropped (replay schedules them again).</summary>
    public HashSet<long> AbandonedActivities => _abandoned ??= [];

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
            // ExecutionStarted is always taken: a suspend that arrives before the start must not leave it behind forever.
            var take = e.Kind == Core.EventKind.ExecutionStarted || (hasStart ? !suspended || e.IsControl : e.Kind == Core.EventKind.ExecutionTerminated);
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

    /// <summary>Keeps the batch of a failed step until the instance resumes (batches go back in the order they were taken).</summary>
    public void Requeue(long sequence, List<InboxMessage> batch) => _requeued[sequence] = batch;

    /// <summary>Ends a halt: puts failed batches back in front of the inbox and drops results of abandoned activities.</summary>
    public void Resume()
    {
        Halted = false;
        RetryDue = false;
        var back = _requeued.Values.SelectMany(b => b).ToList();
        _requeued.Clear();
        Inbox.InsertRange(0, back);
        if (_abandoned is { Count: > 0 } abandoned)
        {
            Inbox.RemoveAll(m => m.ActivityTaskId > 0 && abandoned.Remove(m.ActivityTaskId));
        }
    }

    /// <summary>Gets whether an activity result must be dropped because its scheduling step never became durable.</summary>
    public bool DropsResultOf(long activityTaskId) => activityTaskId > 0 && _abandoned is not null && _abandoned.Remove(activityTaskId);
}
