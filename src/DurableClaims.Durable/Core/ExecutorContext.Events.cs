namespace DurableClaims.Durable.Core;

/// <summary>External events: per-name FIFO buffers and waiters.</summary>
internal sealed partial class ExecutorContext
{
    private readonly Dictionary<string, Queue<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<(long Order, DurableEvent Event)>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private long _bufferOrder;

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var json = await WaitForEventCore(eventName, cancellationToken);
        return DurableJson.Deserialize<T>(json)!;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await WaitForExternalEvent<T>(eventName, cancellationToken);
        }

        using var eventCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var eventTask = WaitForEventCore(eventName, eventCancel.Token);
        if (!eventTask.IsCompleted)
        {
            if (timeout <= TimeSpan.Zero)
            {
                eventCancel.Cancel();
                throw new TaskCanceledException($"Timed out waiting for external event '{eventName}'.");
            }

            using var timerCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timerTask = CreateTimer(CurrentTime.Add(timeout), timerCancel.Token);
            var winner = await Task.WhenAny(eventTask, timerTask);
            if (winner == timerTask)
            {
                // Cancel (not CancelAsync): callbacks must run now, on the orchestration thread.
                // The waiter is cancelled so that a later event is buffered rather than lost.
                eventCancel.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
                throw new TaskCanceledException($"Timed out after {timeout} waiting for external event '{eventName}'.");
            }

            // The event won: cancel the timer so it does not keep the instance waiting.
            timerCancel.Cancel();
        }

        return DurableJson.Deserialize<T>(await eventTask)!;
    }

    /// <summary>Delivers a raised event to the oldest live waiter for its name, or buffers it.</summary>
    public void DeliverEvent(DurableEvent e)
    {
        var name = e.Name ?? string.Empty;
        if (_waiters.TryGetValue(name, out var queue))
        {
            while (queue.TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult(e.Data))
                {
                    return;
                }
            }
        }

        if (!_buffered.TryGetValue(name, out var buffer))
        {
            buffer = new Queue<(long, DurableEvent)>();
            _buffered[name] = buffer;
        }

        buffer.Enqueue((_bufferOrder++, e));
    }

    /// <summary>Returns the events received but never consumed, in arrival order (carried over by ContinueAsNew).</summary>
    public IReadOnlyList<DurableEvent> TakeBufferedEvents()
    {
        var all = _buffered.Values.SelectMany(q => q).OrderBy(x => x.Order).Select(x => x.Event).ToList();
        _buffered.Clear();
        return all;
    }

    private Task<string?> WaitForEventCore(string eventName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_buffered.TryGetValue(eventName, out var buffer) && buffer.TryDequeue(out var early))
        {
            return Task.FromResult(early.Event.Data);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string?>(cancellationToken);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out var queue))
        {
            queue = new Queue<TaskCompletionSource<string?>>();
            _waiters[eventName] = queue;
        }

        queue.Enqueue(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        }

        return waiter.Task;
    }
}
