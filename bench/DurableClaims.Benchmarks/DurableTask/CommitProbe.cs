using System.Diagnostics.Metrics;
using DurableClaims.DurableTask.Sqlite.Diagnostics;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Listens to the SQLite provider's meter: transactions, requests per transaction, and time the commit loop spends per transaction.</summary>
internal sealed class CommitProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _durations = [];
    private long _transactions;
    private long _requests;

    public CommitProbe()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteProviderMetrics.MeterName
                && instrument.Name is "durabletask.sqlite.commit.batch_size" or "durabletask.sqlite.commit.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _transactions);
            Interlocked.Add(ref _requests, value);
        });

        // Only the commit loop records durations, one at a time; the lock is for the reader.
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_durations)
            {
                _durations.Add(value);
            }
        });
        _listener.Start();
    }

    public sealed record Stats(double TransactionsPerSecond, double RequestsPerTransaction, double CommitMsMean, double CommitMsP99, double CommitLoopBusy);

    public Stats Read(double seconds)
    {
        _listener.Dispose();
        lock (_durations)
        {
            _durations.Sort();
            var total = _durations.Sum();
            return new Stats(
                _transactions / seconds,
                _transactions == 0 ? 0 : (double)_requests / _transactions,
                _durations.Count == 0 ? 0 : total / _durations.Count,
                _durations.Count == 0 ? 0 : Percentiles.Of(_durations, 0.99),
                total / 1000 / seconds);
        }
    }

    public void Dispose() => _listener.Dispose();
}

internal static class Percentiles
{
    public static double Of(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
