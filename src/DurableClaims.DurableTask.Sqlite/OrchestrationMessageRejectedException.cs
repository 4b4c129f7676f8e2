using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Thrown when a client message (event, suspend, resume) is sent to an instance that does not exist or has finished.</summary>
public sealed class OrchestrationMessageRejectedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationMessageRejectedException(string instanceId, OrchestrationStatus? status)
        : base(status is null
            ? $"No orchestration instance with ID '{instanceId}' exists."
            : $"The orchestration instance '{instanceId}' has finished ({status}) and accepts no more messages.")
    {
        InstanceId = instanceId;
        Status = status;
    }

    /// <summary>The instance the message was addressed to.</summary>
    public string InstanceId { get; }

    /// <summary>The instance's final status, or null when no such instance exists.</summary>
    public OrchestrationStatus? Status { get; }
}
