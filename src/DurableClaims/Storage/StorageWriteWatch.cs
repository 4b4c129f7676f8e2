using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Storage;

/// <summary>How long a claim-store write may run before the host reports it stuck (<c>Claims:Storage:StuckWriteAfter</c>).</summary>
public sealed class StorageWatchOptions
{
    /// <summary>Gets or sets how long a write may run before <c>/api/health</c> turns unhealthy; default 30 seconds.</summary>
    public TimeSpan StuckWriteAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Checks <see cref="StorageWatchOptions"/> at start-up.</summary>
public sealed class StorageWatchOptionsValidator : IValidateOptions<StorageWatchOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageWatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StuckWriteAfter > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Claims:Storage:StuckWriteAfter must be positive, e.g. 00:00:30 (was {options.StuckWriteAfter}).");
    }
}

/// <summary>The writes to the claim store (documents, sessions, intake receipts) in flight: the health check reports one running too long, and shutdown cancels them.</summary>
/// <remarks>
/// A write that hangs (a dead network share, a wedged disk, a throttled account) holds its request and whatever it
/// locked; before this, nothing said so and <c>/api/health</c> stayed Healthy. One singleton per host; the stores are
/// wrapped (<see cref="StorageWatchServiceCollectionExtensions.AddStorageWriteWatch"/>) so every write is counted.
/// </remarks>
public sealed partial class StorageWriteWatch
{
    private readonly ConcurrentDictionary<long, InFlight> _writes = new();
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;
    private long _next;

    /// <summary>Creates the watch; <paramref name="lifetime"/>'s stopping token cancels the writes that may be abandoned.</summary>
    public StorageWriteWatch(
        IOptions<StorageWatchOptions> options, TimeProvider time, IHostApplicationLifetime? lifetime = null, ILogger<StorageWriteWatch>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        StuckAfter = options.Value.StuckWriteAfter;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets how long a write may run before it counts as stuck.</summary>
    public TimeSpan StuckAfter { get; }

    /// <summary>Gets the number of writes in flight.</summary>
    public int InFlightCount => _writes.Count;

    /// <summary>Records the start of a write; dispose the scope when it ends, however it ends.</summary>
    /// <param name="operation">What is written, without names or ids (health is anonymous): e.g. <c>document write</c>.</param>
    /// <param name="target">Which claim or object, for the log only.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="abandonOnStop">Whether shutdown cancels the write: true for writes that add data (all-or-nothing, so
    /// nothing is half-stored); false for deletes, which clean-up paths run and must finish.</param>
    public WriteScope Begin(string operation, string target, CancellationToken cancellationToken, bool abandonOnStop = true)
    {
        var id = Interlocked.Increment(ref _next);
        var linked = abandonOnStop && _stopping.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping) : null;
        _writes[id] = new InFlight(operation, _time.GetTimestamp());
        return new WriteScope(this, id, target, linked, linked?.Token ?? cancellationToken);
    }

    /// <summary>Returns the longest-running write when it has run for <see cref="StuckAfter"/> or more, with how many are stuck; null when none is.</summary>
    public StuckWrite? FindStuck()
    {
        StuckWrite? oldest = null;
        var count = 0;
        foreach (var write in _writes.Values)
        {
            var elapsed = _time.GetElapsedTime(write.Started);
            if (elapsed < StuckAfter)
            {
                continue;
            }

            count++;
            if (oldest is null || elapsed > oldest.Elapsed)
            {
                oldest = new StuckWrite(write.Operation, elapsed, 0);
            }
        }

        return oldest is null ? null : oldest with { Count = count };
    }

    private void End(long id, string target)
    {
        if (_writes.TryRemove(id, out var write) && _time.GetElapsedTime(write.Started) is var elapsed && elapsed >= StuckAfter)
        {
            Log.StuckWriteEnded(_logger, write.Operation, target, elapsed.TotalSeconds);
        }
    }

    private sealed record InFlight(string Operation, long Started);

    /// <summary>One write in flight: <see cref="Token"/> is the token to write with; disposing ends it.</summary>
    public sealed class WriteScope : IDisposable
    {
        private readonly StorageWriteWatch _watch;
        private readonly long _id;
        private readonly string _target;
        private readonly CancellationTokenSource? _linked;
        private int _ended;

        internal WriteScope(StorageWriteWatch watch, long id, string target, CancellationTokenSource? linked, CancellationToken token)
        {
            (_watch, _id, _target, _linked, Token) = (watch, id, target, linked, token);
        }

        /// <summary>Gets the caller's token, joined with the host's stopping token when the write may be abandoned.</summary>
        public CancellationToken Token { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _watch.End(_id, _target);
                _linked?.Dispose();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Storage write '{Operation}' of {Target} ended after {Seconds:F1} s, past the stuck-write threshold")]
        public static partial void StuckWriteEnded(ILogger logger, string operation, string target, double seconds);
    }
}

/// <summary>The longest-running stuck write: what it is, for how long, and how many writes are stuck.</summary>
/// <param name="Operation">What is written (no names or ids).</param>
/// <param name="Elapsed">How long it has run.</param>
/// <param name="Count">How many writes have run past the threshold.</param>
public sealed record StuckWrite(string Operation, TimeSpan Elapsed, int Count);
