using DurableClaims.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Functions.Hosting;

/// <summary>The worker's storage-fault mapping for HTTP triggers: a full disk is 507 and damaged storage 503, as on the local host (<see cref="StorageFaults"/>).</summary>
public sealed class StorageFaultWorkerMiddleware(StorageHealth health, ILogger<StorageFaultWorkerMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // Queue, timer and blob triggers keep the worker's own failure handling (a retry, then the poison queue).
        return context.GetHttpContext() is { } http
            ? StorageFaults.RunAsync(http, () => next(context), health, logger, recordWrites: false)
            : next(context);
    }
}
