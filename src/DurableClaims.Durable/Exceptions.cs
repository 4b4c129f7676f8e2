namespace DurableClaims.Durable;

/// <summary>Thrown into an orchestrator when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for the task <paramref name="taskName"/> with id <paramref name="taskId"/>.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Gets the name of the failed activity or sub-orchestration.</summary>
    public string TaskName { get; }

    /// <summary>Gets the sequence id of the failed task within the orchestration.</summary>
    public int TaskId { get; }

    /// <summary>Gets the details of the failure.</summary>
    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>Thrown when replay produces a different action than the history recorded.</summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception with a message naming the recorded and the replayed action.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}

/// <summary>Thrown by the client when an instance id is already used by an instance that has not finished.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="instanceId"/>.</summary>
    public OrchestrationAlreadyExistsException(string instanceId)
        : base($"An orchestration with instance id '{instanceId}' already exists and has not finished.")
        => InstanceId = instanceId;

    /// <summary>Gets the conflicting instance id.</summary>
    public string InstanceId { get; }
}

/// <summary>Thrown by the client when an instance does not exist.</summary>
public sealed class OrchestrationNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="instanceId"/>.</summary>
    public OrchestrationNotFoundException(string instanceId)
        : base($"No orchestration instance with id '{instanceId}' exists.")
        => InstanceId = instanceId;

    /// <summary>Gets the unknown instance id.</summary>
    public string InstanceId { get; }
}

/// <summary>Thrown by the client when an operation targets an instance that has already finished.</summary>
public sealed class OrchestrationAlreadyCompletedException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="instanceId"/> in state <paramref name="status"/>.</summary>
    public OrchestrationAlreadyCompletedException(string instanceId, OrchestrationRuntimeStatus status)
        : base($"Orchestration instance '{instanceId}' has already finished ({status}).")
    {
        InstanceId = instanceId;
        Status = status;
    }

    /// <summary>Gets the finished instance id.</summary>
    public string InstanceId { get; }

    /// <summary>Gets the final status of the instance.</summary>
    public OrchestrationRuntimeStatus Status { get; }
}

/// <summary>Thrown when another process already holds the task hub.</summary>
public sealed class TaskHubLockedException : IOException
{
    /// <summary>Creates the exception for the task hub at <paramref name="path"/>.</summary>
    public TaskHubLockedException(string path, Exception? inner = null)
        : base($"The task hub at '{path}' is already in use by another process. Stop it or use a different data directory.", inner)
        => Path = path;

    /// <summary>Gets the path of the task hub database.</summary>
    public string Path { get; }
}
