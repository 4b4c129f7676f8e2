using System.Text.Json;

namespace DurableClaims.Durable;

/// <summary>Runtime status of an orchestration instance, as in Durable Functions.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Running or waiting.</summary>
    Running = 0,

    /// <summary>Returned normally.</summary>
    Completed = 1,

    /// <summary>Restarted with ContinueAsNew (transient).</summary>
    ContinuedAsNew = 2,

    /// <summary>Threw an unhandled exception.</summary>
    Failed = 3,

    /// <summary>Ended by a terminate request.</summary>
    Terminated = 5,

    /// <summary>Scheduled, not yet started.</summary>
    Pending = 6,

    /// <summary>Suspended by a client; events are buffered.</summary>
    Suspended = 7,
}

/// <summary>The one rule for which runtime statuses are not yet terminal.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Returns whether an instance in <paramref name="status"/> has not yet reached a terminal state.</summary>
    public static bool IsRunning(this OrchestrationRuntimeStatus status)
        => status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
            or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew;
}

/// <summary>Metadata of an orchestration instance returned by the client.</summary>
public sealed class OrchestrationMetadata
{
    /// <summary>Creates metadata for <paramref name="instanceId"/> of orchestrator <paramref name="name"/>.</summary>
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    /// <summary>Gets the orchestrator name.</summary>
    public string Name { get; }

    /// <summary>Gets the instance id.</summary>
    public string InstanceId { get; }

    /// <summary>Gets the runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>Gets when the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Gets the JSON input (null unless requested).</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Gets the JSON output (null unless requested).</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Gets the JSON custom status (null unless requested).</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Gets the failure details when the instance failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Gets whether the instance has not yet reached a terminal state.</summary>
    public bool IsRunning => RuntimeStatus.IsRunning();

    /// <summary>Gets whether the instance has reached a terminal state.</summary>
    public bool IsCompleted => !IsRunning;

    /// <summary>Deserializes the input.</summary>
    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    /// <summary>Deserializes the output.</summary>
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    /// <summary>Deserializes the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private static T? Read<T>(string? json)
        => json is null ? default : JsonSerializer.Deserialize<T>(json, DurableJson.Options);
}
