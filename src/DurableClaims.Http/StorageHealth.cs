using DurableClaims.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Http;

/// <summary>Remembers a full disk until a write succeeds again, and reads the stuck writes of the claim store, so that <c>/api/health</c> reports them (a singleton per host).</summary>
public sealed class StorageHealth
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly StorageWriteWatch? _writes;
    private DateTimeOffset? _fullSince;

    public StorageHealth()
        : this(TimeProvider.System)
    {
    }

    public StorageHealth(TimeProvider time)
        : this(time, null)
    {
    }

    /// <summary>Creates the tracker over the host's write watch (null: stuck writes are not reported).</summary>
    public StorageHealth(TimeProvider time, StorageWriteWatch? writes)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _writes = writes;
    }

    /// <summary>Gets the longest-running stuck write of the claim store, or null when none has run past the threshold.</summary>
    public StuckWrite? StuckWrite => _writes?.FindStuck();

    /// <summary>Gets how long a write may run before it counts as stuck, when writes are watched.</summary>
    public TimeSpan? StuckWriteAfter => _writes?.StuckAfter;

    /// <summary>Gets whether no disk-full failure happened since the last successful write.</summary>
    public bool IsHealthy
    {
        get
        {
            lock (_gate)
            {
                return _fullSince is null;
            }
        }
    }

    /// <summary>Gets when the disk was first reported full since the last successful write, or null.</summary>
    public DateTimeOffset? FullSince
    {
        get
        {
            lock (_gate)
            {
                return _fullSince;
            }
        }
    }

    /// <summary>Records that a write failed because the disk is full.</summary>
    public void ReportFull()
    {
        lock (_gate)
        {
            _fullSince ??= _time.GetUtcNow();
        }
    }

    /// <summary>Records that a write succeeded: space is available again.</summary>
    public void ReportWriteSucceeded()
    {
        lock (_gate)
        {
            _fullSince = null;
        }
    }

    /// <summary>Records a successful write of <paramref name="request"/> on the host's tracker, when the host registered one.</summary>
    public static void ReportWriteSucceeded(HttpRequest request)
        => request?.HttpContext.RequestServices?.GetService<StorageHealth>()?.ReportWriteSucceeded();

    /// <summary>The health report of the host: Healthy, or Unhealthy while the disk is known to be full or a write is stuck.</summary>
    /// <remarks>The detail names the kind of write and how long it has run, never a claim id or path: health is anonymous.</remarks>
    public static IResult Report(StorageHealth? health, string version)
    {
        if (health is { FullSince: { } since })
        {
            return TypedResults.Json(
                new HealthDetail("Unhealthy", version, $"Storage full since {since:O}; healthy again after a successful write."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (health?.StuckWrite is { } stuck)
        {
            var others = stuck.Count > 1 ? $"; {stuck.Count} writes are past the threshold" : string.Empty;
            return TypedResults.Json(
                new HealthDetail(
                    "Unhealthy", version,
                    $"A storage write ({stuck.Operation}) has not finished for {stuck.Elapsed.TotalSeconds:F1} s (threshold {health.StuckWriteAfter!.Value.TotalSeconds:F1} s){others}; healthy again once it finishes."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(new Api.HealthReport("Healthy", version));
    }
}

/// <summary>The health report with the reason it is not healthy.</summary>
/// <param name="Status">Unhealthy.</param>
/// <param name="Version">The app's version.</param>
/// <param name="Detail">Why, for the operator.</param>
public sealed record HealthDetail(string Status, string Version, string Detail);
