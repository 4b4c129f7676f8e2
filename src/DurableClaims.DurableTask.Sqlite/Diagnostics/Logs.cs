using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Sqlite.Diagnostics;

/// <summary>Structured logs of the SQLite orchestration service.</summary>
internal static partial class Logs
{
    [LoggerMessage(1, LogLevel.Information, "SQLite task hub {DatabasePath} opened: {LiveInstances} live instances, {Messages} queued messages, {Activities} queued activities")]
    public static partial void TaskHubOpened(ILogger logger, string databasePath, int liveInstances, int messages, int activities);

    [LoggerMessage(2, LogLevel.Information, "SQLite task hub {DatabasePath} closed")]
    public static partial void TaskHubClosed(ILogger logger, string databasePath);

    [LoggerMessage(3, LogLevel.Error, "A task hub transaction failed")]
    public static partial void CommitFailed(ILogger logger, Exception error);

    [LoggerMessage(4, LogLevel.Debug, "Instance {InstanceId} finished: {Status}")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, OrchestrationStatus status);

    [LoggerMessage(5, LogLevel.Warning, "{EventType} for instance {InstanceId} dropped: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string eventType, string instanceId, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Instance {ParentId} asked to start sub-orchestration {InstanceId}, which is already running; the request is dropped")]
    public static partial void DuplicateSubOrchestration(ILogger logger, string parentId, string instanceId);

    [LoggerMessage(7, LogLevel.Warning, "Work item of instance {InstanceId} abandoned ({Count} in a row); handed out again in {Delay}")]
    public static partial void WorkItemAbandoned(ILogger logger, string instanceId, int count, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Warning, "Activity #{ActivityId} of instance {InstanceId} abandoned ({Count} in a row); runs again in {Delay}")]
    public static partial void ActivityAbandoned(ILogger logger, string instanceId, long activityId, int count, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Information, "{Count} finished instances purged")]
    public static partial void InstancesPurged(ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Critical, "SQLite task hub {DatabasePath} is damaged: {Detail}")]
    public static partial void TaskHubCorrupt(ILogger logger, string databasePath, string detail);

    [LoggerMessage(11, LogLevel.Information, "SQLite task hub {DatabasePath} passed its integrity check in {Elapsed}")]
    public static partial void IntegrityChecked(ILogger logger, string databasePath, TimeSpan elapsed);

    [LoggerMessage(12, LogLevel.Warning, "The integrity check of SQLite task hub {DatabasePath} did not finish within {Timeout} and was stopped; the hub opens unchecked")]
    public static partial void IntegrityCheckStopped(ILogger logger, string databasePath, TimeSpan timeout);
}
