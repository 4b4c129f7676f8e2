using DurableClaims.Http;

namespace DurableClaims.Host.Http;

/// <summary>Answers storage faults (full disk 507, damaged storage 503) with problem details and tracks a full disk for <c>/api/health</c>.</summary>
public sealed class StorageFaultMiddleware(RequestDelegate next, StorageHealth health, ILogger<StorageFaultMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context) => StorageFaults.RunAsync(context, () => next(context), health, logger);
}
