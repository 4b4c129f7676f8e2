using DurableClaims.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Http;

/// <summary>What kind of storage fault an exception reports.</summary>
public enum StorageFault
{
    /// <summary>Not a storage fault: the host's generic 500 handling applies.</summary>
    None,

    /// <summary>The disk or volume is full: 507.</summary>
    Full,

    /// <summary>Stored data could not be read back (damaged, truncated): 503.</summary>
    Corrupt,
}

/// <summary>One mapping from storage exceptions to problem details for both hosts: a full disk is 507, damaged storage 503, neither naming a server path.</summary>
public static partial class StorageFaults
{
    /// <summary>The problem type of 507 Insufficient Storage (RFC 4918).</summary>
    public const string InsufficientStorageType = "https://tools.ietf.org/html/rfc4918#section-11.5";

    /// <summary>The problem type of 503 Service Unavailable (RFC 9110).</summary>
    public const string UnavailableType = "https://tools.ietf.org/html/rfc9110#section-15.6.4";

    // The SQLite task hub's corruption (src/DurableClaims.DurableTask.Sqlite), by full name: see Classify.
    private const string TaskHubCorruptTypeName = "DurableClaims.DurableTask.Sqlite.TaskHubCorruptException";

    // errno ENOSPC (Linux, macOS) and Windows' ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL as HRESULTs.
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>Classifies <paramref name="exception"/> (and its inner exceptions).</summary>
    /// <remarks>
    /// The SQLite provider's TaskHubCorruptException is matched by its full type name: this layer must not reference the
    /// provider (the Functions app does not ship it) to recognise its corruption. It is an IOException, checked for a full
    /// disk first only by its own HResult and message, which never say so.
    /// </remarks>
    public static StorageFault Classify(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (IsDiskFullOne(ex))
            {
                return StorageFault.Full;
            }

            if (ex is InvalidDataException or StorageCorruptException || ex.GetType().FullName == TaskHubCorruptTypeName)
            {
                return StorageFault.Corrupt;
            }
        }

        return exception is AggregateException aggregate
            ? aggregate.InnerExceptions.Select(Classify).FirstOrDefault(f => f != StorageFault.None)
            : StorageFault.None;
    }

    /// <summary>Returns whether the exception (or one inside it) says the disk is full.</summary>
    public static bool IsDiskFull(Exception? exception) => Classify(exception) == StorageFault.Full;

    /// <summary>The problem details of a fault; the detail never names a server path (the log does).</summary>
    public static ProblemDetails Problem(StorageFault fault) => fault switch
    {
        StorageFault.Full => new ProblemDetails
        {
            Status = StatusCodes.Status507InsufficientStorage,
            Type = InsufficientStorageType,
            Title = "Insufficient storage",
            Detail = "The server's storage is full, so the request could not be completed. Retry once space has been freed.",
        },
        StorageFault.Corrupt => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = UnavailableType,
            Title = "Storage unavailable",
            Detail = "Stored data needed for this request could not be read; it may be damaged. The operator has been told; retry later.",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a storage fault."),
    };

    /// <summary>Runs <paramref name="next"/>; a storage fault it throws is logged, recorded in <paramref name="health"/> and answered with problem details.</summary>
    /// <remarks>
    /// Both hosts' pipelines call this (the local host's middleware, the Functions worker's middleware), so both answer alike.
    /// With <paramref name="recordWrites"/>, a write request that ended below 400 clears the full-disk state; the Functions
    /// worker writes its results after its middleware returns, so there the shared HTTP handlers report their writes instead.
    /// </remarks>
    public static async Task RunAsync(HttpContext context, Func<Task> next, StorageHealth health, ILogger logger, bool recordWrites = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            await next();
        }
        catch (Exception ex) when (Classify(ex) is var fault && fault != StorageFault.None && !context.Response.HasStarted)
        {
            if (fault == StorageFault.Full)
            {
                health.ReportFull();
                Log.DiskFull(logger, ex, context.Request.Method, context.Request.Path);
            }
            else
            {
                Log.Corrupt(logger, ex, context.Request.Method, context.Request.Path);
            }

            await WriteAsync(context, fault);
            return;
        }
        catch (OperationCanceledException) when (IsStopping(context) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The host is stopping and abandoned this request's writes (all-or-nothing, so nothing of it is stored): say so
            // instead of a 500, so that the caller retries against the next instance.
            Log.Stopping(logger, context.Request.Method, context.Request.Path);
            await WriteStoppingAsync(context);
            return;
        }

        if (recordWrites && IsWrite(context.Request.Method) && context.Response.StatusCode < 400)
        {
            health.ReportWriteSucceeded();
        }
    }

    /// <summary>Writes the fault's problem details (with <c>instance</c> and <c>traceId</c>) to the response.</summary>
    public static Task WriteAsync(HttpContext context, StorageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        var details = Problem(fault);
        ApiResultHttp.AddRequestMembers(details, context.Request.Path, context.TraceIdentifier);
        context.Response.Clear();
        context.Response.StatusCode = details.Status!.Value;
        if (fault == StorageFault.Corrupt)
        {
            context.Response.Headers.RetryAfter = "60";
        }

        return TypedResults.Problem(details).ExecuteAsync(context);
    }

    private static bool IsStopping(HttpContext context)
        => context.RequestServices?.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true;

    private static Task WriteStoppingAsync(HttpContext context)
    {
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = UnavailableType,
            Title = "Shutting down",
            Detail = "The server is shutting down and abandoned this request; nothing of it was stored. Retry.",
        };
        ApiResultHttp.AddRequestMembers(details, context.Request.Path, context.TraceIdentifier);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(details).ExecuteAsync(context);
    }

    private static bool IsDiskFullOne(Exception ex)
        => ex is StorageFullException
        || (ex is IOException io && (DiskFullCodes.Contains(io.HResult)
            || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
            || io.Message.Contains("not enough space on the disk", StringComparison.OrdinalIgnoreCase)));

    private static bool IsWrite(string method)
        => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Storage is full: {Method} {Path} answered 507; /api/health reports Unhealthy until a write succeeds")]
        public static partial void DiskFull(ILogger logger, Exception exception, string method, string path);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Stored data is damaged: {Method} {Path} answered 503")]
        public static partial void Corrupt(ILogger logger, Exception exception, string method, string path);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Shutting down: {Method} {Path} was abandoned and answered 503")]
        public static partial void Stopping(ILogger logger, string method, string path);
    }
}
