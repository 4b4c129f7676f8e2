using Microsoft.Extensions.Logging;

namespace DurableClaims.Durable.Diagnostics;

/// <summary>Structured log messages of the engine.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Durable engine started on task hub {DatabasePath}: {ActiveInstances} active instances, {PendingActivities} pending activities")]
    public static partial void EngineStarted(ILogger logger, string databasePath, int activeInstances, int pendingActivities);

    [LoggerMessage(2, LogLevel.Information, "Durable engine stopped")]
    public static partial void EngineStopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "Instance {InstanceId} step: {EventCount} events, {ActionCount} actions")]
    public static partial void StepExecuted(ILogger logger, string instanceId, int eventCount, int actionCount);

    [LoggerMessage(4, LogLevel.Information, "Instance {InstanceId} ({Name}) finished: {Status}")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, string name, OrchestrationRuntimeStatus status);

    [LoggerMessage(5, LogLevel.Warning, "Instance {InstanceId} failed: {Failure}")]
    public static partial void InstanceFailed(ILogger logger, string instanceId, string failure);

    [LoggerMessage(6, LogLevel.Error, "Commit of {Count} requests failed")]
    public static partial void CommitFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(7, LogLevel.Warning, "Activity {Name} of instance {InstanceId} failed (task #{TaskId})")]
    public static partial void ActivityFailed(ILogger logger, string name, string instanceId, int taskId, Exception error);

    [LoggerMessage(8, LogLevel.Error, "Step of instance {InstanceId} failed to commit; retrying")]
    public static partial void StepCommitFailed(ILogger logger, string instanceId, Exception error);

    [LoggerMessage(9, LogLevel.Error, "Unexpected error in the durable engine's {Loop} loop")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception error);

    [LoggerMessage(10, LogLevel.Warning, "Step of instance {InstanceId} dropped: an earlier step of the instance failed to commit; retrying")]
    public static partial void StepDropped(ILogger logger, string instanceId);
}
