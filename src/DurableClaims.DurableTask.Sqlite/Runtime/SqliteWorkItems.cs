using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>An orchestration work item that remembers its slot and which stored messages its current batch consumes.</summary>
internal sealed class SqliteOrchestrationWorkItem : TaskOrchestrationWorkItem
{
    public SqliteOrchestrationWorkItem(InstanceSlot slot, List<StoredMessage> batch)
    {
        Slot = slot;
        InstanceId = slot.InstanceId;
        LockedUntilUtc = DateTime.MaxValue;
        Take(batch);
    }

    public InstanceSlot Slot { get; }

    public List<StoredMessage> Batch { get; private set; } = [];

    public IList<TaskMessage> Take(List<StoredMessage> batch)
    {
        Batch = batch;
        NewMessages = batch.ConvertAll(m => m.Message);
        return NewMessages;
    }
}

/// <summary>An activity work item that carries its stored row and its abandon count.</summary>
internal sealed class SqliteActivityWorkItem : TaskActivityWorkItem
{
    public SqliteActivityWorkItem(ActivityEntry entry)
    {
        Entry = entry;
        Id = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TaskMessage = entry.Message;

        // One process owns the hub, so a lock lasts as long as that process; renewal never has to race anyone.
        LockedUntilUtc = DateTime.MaxValue;
    }

    public ActivityEntry Entry { get; }
}
