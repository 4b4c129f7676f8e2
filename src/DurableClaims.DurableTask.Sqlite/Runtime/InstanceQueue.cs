using System.Threading.Channels;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.History;

namespace DurableClaims.DurableTask.Sqlite.Runtime;

/// <summary>Which live instance has work: the ready queue, the timer queue and completion waiters, all under one gate.</summary>
/// <remarks>Everything here mirrors durable rows: a message is added only after the transaction that stored it commits.</remarks>
internal sealed class InstanceQueue(TimeProvider time) : IDisposable
{
    private readonly Dictionary<string, InstanceSlot> _slots = new(StringComparer.Ordinal);
    private readonly Channel<InstanceSlot> _ready = Channel.CreateUnbounded<InstanceSlot>();
    private readonly PriorityQueue<(InstanceSlot Slot, StoredMessage Message), DateTime> _timers = new();
    private readonly Dictionary<string, List<TaskCompletionSource>> _waiters = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _timerWake = new(0);
    private int _deadTimers;

    public object Gate { get; } = new();

    public ChannelReader<InstanceSlot> Ready => _ready.Reader;

    public int LiveCount { get { lock (Gate) { return _slots.Count; } } }

    public int TimerCount { get { lock (Gate) { return _timers.Count - _deadTimers; } } }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public bool TryGetLiveLocked(string instanceId, out InstanceSlot slot) =>
        _slots.TryGetValue(instanceId, out slot!) && !slot.IsFinished;

    /// <summary>Whether <paramref name="slot"/> is still the instance's slot (a re-created instance gets a new one).</summary>
    public bool IsCurrentLocked(InstanceSlot slot) => _slots.TryGetValue(slot.InstanceId, out var current) && ReferenceEquals(current, slot);

    /// <summary>Registers a new live instance, replacing a finished one's slot.</summary>
    public InstanceSlot AddLocked(string instanceId, OrchestrationStatus status, string? historyExecutionId = null)
    {
        var slot = new InstanceSlot(instanceId, status) { HistoryExecutionId = historyExecutionId };
        _slots.TryGetValue(instanceId, out var replaced);
        _slots[instanceId] = slot;
        if (replaced is not null)
        {
            Retire(replaced);
        }

        return slot;
    }

    public void RemoveLocked(InstanceSlot slot)
    {
        if (IsCurrentLocked(slot))
        {
            _slots.Remove(slot.InstanceId);
            Retire(slot);
        }
    }

    /// <summary>Hands a durable message to its instance now, or when it becomes visible.</summary>
    public void DeliverLocked(InstanceSlot slot, StoredMessage message)
    {
        if (!IsCurrentLocked(slot) || slot.IsFinished)
        {
            return;
        }

        if (message.Message.Event is ExecutionTerminatedEvent && slot.HistoryExecutionId is null)
        {
            // Terminating an instance whose delayed start is not due yet: it starts now, only to end at once.
            StartNowLocked(slot);
        }

        if (message.VisibleAt > UtcNow)
        {
            var wakeTimerLoop = !_timers.TryPeek(out _, out var next) || message.VisibleAt < next;
            slot.Timers++;
            _timers.Enqueue((slot, message), message.VisibleAt);
            if (wakeTimerLoop)
            {
                _timerWake.Release();
            }

            return;
        }

        slot.Pending.Add(message);
        if (slot.Locked)
        {
            slot.SessionSignal?.TrySetResult();
        }
        else
        {
            EnqueueLocked(slot);
        }
    }

    public void EnqueueLocked(InstanceSlot slot)
    {
        if (!slot.Queued && !slot.Locked && slot.Pending.Count > 0)
        {
            slot.Queued = true;
            _ready.Writer.TryWrite(slot);
        }
    }

    /// <summary>Completes when the instance finishes (or is re-created); callers check the stored state themselves.</summary>
    public Task WaitForFinishAsync(string instanceId)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Gate)
        {
            if (!_waiters.TryGetValue(instanceId, out var list))
            {
                _waiters[instanceId] = list = [];
            }

            list.Add(waiter);
        }

        return waiter.Task;
    }

    public void ForgetWaiter(string instanceId, Task waiter)
    {
        lock (Gate)
        {
            if (_waiters.TryGetValue(instanceId, out var list))
            {
                list.RemoveAll(w => w.Task == waiter);
                if (list.Count == 0)
                {
                    _waiters.Remove(instanceId);
                }
            }
        }
    }

    public void NotifyFinishedLocked(string instanceId)
    {
        if (_waiters.Remove(instanceId, out var list))
        {
            foreach (var waiter in list)
            {
                waiter.TrySetResult();
            }
        }
    }

    /// <summary>Moves due timers to their instances; sleeps until the next one is due or an earlier one arrives.</summary>
    public async Task RunTimersAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            lock (Gate)
            {
                var now = UtcNow;
                while (_timers.TryPeek(out var due, out var at) && at <= now)
                {
                    _timers.Dequeue();
                    Dequeued(due.Slot);
                    DeliverLocked(due.Slot, due.Message with { VisibleAt = now });
                }

                wait = _timers.TryPeek(out _, out var next) ? Clamp(next - now) : Timeout.InfiniteTimeSpan;
            }

            using var delay = new CancellationTokenSource(wait, time);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping, delay.Token);
            try
            {
                await _timerWake.WaitAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // The next timer is due.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Close() => _ready.Writer.TryComplete();

    private void StartNowLocked(InstanceSlot slot)
    {
        foreach (var (entry, _) in _timers.UnorderedItems)
        {
            if (ReferenceEquals(entry.Slot, slot) && entry.Message.Message.Event is ExecutionStartedEvent
                && _timers.Remove(entry, out _, out _))
            {
                Dequeued(slot);
                DeliverLocked(slot, entry.Message with { VisibleAt = UtcNow });
                return;
            }
        }
    }

    private void Dequeued(InstanceSlot slot)
    {
        slot.Timers--;
        if (!IsCurrentLocked(slot))
        {
            _deadTimers--;
        }
    }

    /// <summary>A slot leaves the table: its timers become dead entries, compacted once they dominate the queue.</summary>
    /// <remarks>Without it, every finished instance with a 30-day timeout would stay in memory for 30 days.</remarks>
    private void Retire(InstanceSlot slot)
    {
        _deadTimers += slot.Timers;
        if (_deadTimers > 256 && _deadTimers * 2 > _timers.Count)
        {
            var live = _timers.UnorderedItems.Where(e => IsCurrentLocked(e.Element.Slot)).ToList();
            _timers.Clear();
            _timers.EnqueueRange(live);
            _deadTimers = 0;
        }
    }

    public void Dispose() => _timerWake.Dispose();

    // Task.Delay accepts at most ~49 days; a longer timer simply re-arms.
    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait;
}
