using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Structured log messages of the hosting glue.</summary>
internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "Durable Task worker '{Name}' started on {ServiceType}")]
    public static partial void WorkerStarted(this ILogger logger, string name, string serviceType);

    [LoggerMessage(2, LogLevel.Information, "Durable Task worker '{Name}' stopped")]
    public static partial void WorkerStopped(this ILogger logger, string name);

    [LoggerMessage(3, LogLevel.Warning, "Durable Task worker '{Name}' did not drain its work items before the host gave up waiting")]
    public static partial void WorkerStopAbandoned(this ILogger logger, string name);

    [LoggerMessage(4, LogLevel.Warning, "No orchestrator named '{OrchestratorName}' is registered; the instance fails")]
    public static partial void OrchestratorNotFound(this ILogger logger, string orchestratorName);

    [LoggerMessage(5, LogLevel.Warning, "No activity named '{ActivityName}' is registered; the activity fails (instance {InstanceId})")]
    public static partial void ActivityNotFound(this ILogger logger, string activityName, string instanceId);

    [LoggerMessage(6, LogLevel.Information, "Instance {InstanceId} in status {Status} is terminated so that a new instance can reuse its id")]
    public static partial void ReplacingRunningInstance(this ILogger logger, string instanceId, string status);

    [LoggerMessage(7, LogLevel.Warning, "Instance {InstanceId} is not run by this worker and is handed back for a worker whose version matches: {VersionError}")]
    public static partial void VersionMismatchRejected(this ILogger logger, string instanceId, string versionError);

    [LoggerMessage(8, LogLevel.Warning, "Instance {InstanceId} fails because its version does not match this worker's: {VersionError}")]
    public static partial void VersionMismatchFailed(this ILogger logger, string instanceId, string versionError);
}
