using System.Threading.Channels;
using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>A durable activity row waiting to run; <see cref="Abandons"/> counts hand-backs for the back-off.</summary>
internal sealed record ActivityEntry(long Id, TaskMessage Message, int Abandons)
{
    /// <summary>The stored form, serialized by the step that schedules the activity (off the commit loop).</summary>
    public string? Json { get; init; }
}

/// <summary>Activities ready to run, in the order their scheduling steps committed.</summary>
internal sealed class ActivityQueue
{
    private readonly Channel<ActivityEntry> _queue = Channel.CreateUnbounded<ActivityEntry>();

    public int Count => _queue.Reader.Count;

    public void Enqueue(ActivityEntry entry) => _queue.Writer.TryWrite(entry);

    /// <summary>The next activity, or null when none arrives within <paramref name="timeout"/> or the queue closes.</summary>
    public async Task<ActivityEntry?> DequeueAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_queue.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            return await _queue.Reader.ReadAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    public void Close() => _queue.Writer.TryComplete();
}
