using System.Threading.Channels;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;

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

    public object Gate { get; } = new();

    public ChannelReader<InstanceSlot> Ready => _ready.Reader;

    public int LiveCount { get { lock (Gate) { return _slots.Count; } } }

    public int TimerCount { get { lock (Gate) { return _timers.Count; } } }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public bool TryGetLiveLocked(string instanceId, out InstanceSlot slot) =>
        _slots.TryGetValue(instanceId, out slot!) && !slot.IsFinished;

    /// <summary>Whether <paramref name="slot"/> is still the instance's slot (a re-created instance gets a new one).</summary>
    public bool IsCurrentLocked(InstanceSlot slot) => _slots.TryGetValue(slot.InstanceId, out var current) && ReferenceEquals(current, slot);

    /// <summary>Registers a new live instance, replacing a finished one's slot.</summary>
    public InstanceSlot AddLocked(string instanceId, OrchestrationStatus status, string? historyExecutionId = null)
    {
        var slot = new InstanceSlot(instanceId, status) { HistoryExecutionId = historyExecutionId };
        _slots[instanceId] = slot;
        return slot;
    }

    public void RemoveLocked(InstanceSlot slot)
    {
        if (IsCurrentLocked(slot))
        {
            _slots.Remove(slot.InstanceId);
        }
    }

    /// <summary>Hands a durable message to its instance now, or when it becomes visible.</summary>
    public void DeliverLocked(InstanceSlot slot, StoredMessage message)
    {
        if (!IsCurrentLocked(slot) || slot.IsFinished)
        {
            return;
        }

        if (message.VisibleAt > UtcNow)
        {
            var wakeTimerLoop = !_timers.TryPeek(out _, out var next) || message.VisibleAt < next;
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

    public void Dispose() => _timerWake.Dispose();

    // Task.Delay accepts at most ~49 days; a longer timer simply re-arms.
    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait;
}
