using DurableClaims.DurableTask.Hosting;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>The in-memory state of one live instance; every field is guarded by <see cref="InstanceQueue.Gate"/>.</summary>
internal sealed class InstanceSlot(string instanceId, OrchestrationStatus status)
{
    public string InstanceId { get; } = instanceId;

    /// <summary>The execution whose history is stored, or null before the first step commits.</summary>
    public string? HistoryExecutionId { get; set; }

    public OrchestrationStatus Status { get; set; } = status;

    /// <summary>Durable messages that are visible and not yet handed to a work item, in arrival order.</summary>
    public List<StoredMessage> Pending { get; } = [];

    /// <summary>Owned by a work item (and its extended session) until released.</summary>
    public bool Locked { get; set; }

    /// <summary>Waiting in the ready queue (at most once).</summary>
    public bool Queued { get; set; }

    /// <summary>No work item is handed out before this time (abandon back-off).</summary>
    public DateTime NotBefore { get; set; }

    public int Abandons { get; set; }

    /// <summary>Entries of this instance in the timer queue.</summary>
    public int Timers { get; set; }

    /// <summary>Set while an extended session waits for this instance's next message.</summary>
    public TaskCompletionSource? SessionSignal { get; set; }

    public bool IsFinished => Status.IsTerminal();

    public List<StoredMessage> TakePending()
    {
        var taken = new List<StoredMessage>(Pending);
        Pending.Clear();
        return taken;
    }
}
