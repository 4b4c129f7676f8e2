using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>Counts the Azure Storage provider's warnings by event id (abandoned messages, slow partition-table updates) instead of printing each one.</summary>
internal sealed class WarningCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<int, long> _counts = new();

    /// <summary>Warnings per event id since the last call; the counters start again at zero.</summary>
    public Dictionary<string, long> Take() =>
        _counts.Keys.ToDictionary(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture), id => _counts.TryRemove(id, out var count) ? count : 0);

    public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("DurableTask.AzureStorage", StringComparison.Ordinal) ? new Counter(_counts) : Ignored.Instance;

    public void Dispose()
    {
    }

    private sealed class Counter(ConcurrentDictionary<int, long> counts) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                counts.AddOrUpdate(eventId.Id, 1, (_, c) => c + 1);
            }
        }
    }

    private sealed class Ignored : ILogger
    {
        public static readonly Ignored Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
