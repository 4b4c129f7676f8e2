using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>Makes future messages (durable timers, delayed starts) visible when due, driven by the TimeProvider.</summary>
/// <remarks>A waiting timer is one heap entry and one stored row: no polling, no thread.</remarks>
internal sealed class TimerQueue : IDisposable
{
    // System timers cannot wait longer than ~49 days; a longer wait re-arms on wake-up.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);
    private readonly PriorityQueue<InboxMessage, DateTime> _queue = new();
    private readonly TimeProvider _time;
    private readonly Action<InboxMessage> _onDue;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private DateTime _armedFor = DateTime.MaxValue;
    private bool _disposed;

    public TimerQueue(TimeProvider time, Action<InboxMessage> onDue)
    {
        _time = time;
        _onDue = onDue;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public void Add(InboxMessage message)
    {
        lock (_lock)
        {
            _queue.Enqueue(message, message.VisibleAt);
            if (message.VisibleAt < _armedFor)
            {
                Arm(message.VisibleAt);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void Arm(DateTime due)
    {
        if (_disposed)
        {
            return;
        }

        _armedFor = due;
        var delay = due - _time.GetUtcNow().UtcDateTime;
        delay = delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(Math.Min(delay.TotalMilliseconds, MaxWait.TotalMilliseconds)));
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        var due = new List<InboxMessage>();
        lock (_lock)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            while (_queue.TryPeek(out var message, out var at) && at <= now)
            {
                _queue.Dequeue();
                due.Add(message);
            }

            _armedFor = DateTime.MaxValue;
            if (_queue.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }

        foreach (var message in due)
        {
            _onDue(message);
        }
    }
}
