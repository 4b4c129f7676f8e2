using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api.Runtime;

/// <summary>What the claims API needs from the task hub beyond Microsoft's <see cref="DurableTaskClient"/>: outcomes for starts, events and purges.</summary>
/// <remarks>
/// Microsoft's client leaves it to the backend whether an event to an unknown or finished instance or a
/// second start of a running id is refused (Durable Functions' Azure Storage backend accepts them); the
/// claims contract answers 404, 410 and 409 on every host, so <see cref="ClaimsRuntimeClient"/> decides.
/// </remarks>
public interface IClaimsRuntimeClient
{
    /// <summary>Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/>; refused while an instance with that id has not finished.</summary>
    Task<RuntimeOutcome> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default);

    /// <summary>Raises an event to an instance that has not finished.</summary>
    Task<RuntimeOutcome> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default);

    /// <summary>Gets an instance, or null when it does not exist.</summary>
    Task<OrchestrationMetadata?> GetAsync(string instanceId, bool includePayloads = true, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of instances; <see cref="OrchestrationQuery.ContinuationToken"/> picks the page.</summary>
    Task<Page<OrchestrationMetadata>> QueryAsync(OrchestrationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Terminates an instance that has not finished; <paramref name="reason"/> becomes its output.</summary>
    Task<RuntimeOutcome> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance and its history.</summary>
    Task<RuntimeOutcome> PurgeAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every finished (completed, failed, terminated) instance created before <paramref name="createdBefore"/>; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default);
}

/// <summary>What a runtime operation did.</summary>
public enum RuntimeOutcome
{
    /// <summary>The operation was accepted.</summary>
    Done,

    /// <summary>No instance has that id.</summary>
    NotFound,

    /// <summary>The instance has already finished.</summary>
    AlreadyCompleted,

    /// <summary>The instance has not finished (schedule with a used id, purge of a running instance).</summary>
    StillRunning,
}
