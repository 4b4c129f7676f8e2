using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Http;

/// <summary>Remembers a full disk until a write succeeds again, so that <c>/api/health</c> reports it (a singleton per host).</summary>
public sealed class StorageHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _fullSince;

    public StorageHealth()
        : this(TimeProvider.System)
    {
    }

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
            _fullSince ??= time.GetUtcNow();
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

    /// <summary>The health report of the host: Healthy, or Unhealthy while the disk is known to be full.</summary>
    public static IResult Report(StorageHealth? health, string version)
    {
        if (health is { FullSince: { } since })
        {
            return TypedResults.Json(
                new HealthDetail("Unhealthy", version, $"Storage full since {since:O}; healthy again after a successful write."),
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
