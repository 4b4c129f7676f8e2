using System.Globalization;

namespace DurableClaims.Host.Apis;

/// <summary>Bounds on the live streams of one host (configuration section <c>Host:Streams</c>) and the count of open ones.</summary>
/// <remarks>A stream holds a connection and reads the claim once per interval, so their number and length are capped.</remarks>
public sealed class ClaimStreamLimits
{
    private int _open;

    /// <summary>Gets how many streams may be open at once (<c>MaxConcurrent</c>, default 100); beyond it the host answers 503.</summary>
    public int MaxConcurrent { get; init; } = 100;

    /// <summary>Gets how long one stream lasts before the host ends it and the client reconnects (<c>MaxMinutes</c>, default 10).</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets how often a stream compares fingerprints (<c>IntervalMs</c>, default 1000).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how long a stream may stay silent before a heartbeat comment (<c>HeartbeatSeconds</c>, default 15).</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Reads the limits from <c>Host:Streams</c>; absent or unreadable values keep their defaults.</summary>
    public static ClaimStreamLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Host:Streams");
        double Read(string name, double fallback)
            => double.TryParse(section[name], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
        return new ClaimStreamLimits
        {
            MaxConcurrent = (int)Read("MaxConcurrent", 100),
            MaxDuration = TimeSpan.FromMinutes(Read("MaxMinutes", 10)),
            Interval = TimeSpan.FromMilliseconds(Read("IntervalMs", 1000)),
            Heartbeat = TimeSpan.FromSeconds(Read("HeartbeatSeconds", 15)),
        };
    }

    /// <summary>Takes a slot for one stream; false when all are taken. Give it back with <see cref="Release"/>.</summary>
    public bool TryAcquire()
    {
        if (Interlocked.Increment(ref _open) <= MaxConcurrent)
        {
            return true;
        }

        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _open);
}
