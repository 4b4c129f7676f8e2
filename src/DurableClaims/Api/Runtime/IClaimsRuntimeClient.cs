using DurableClaims.Durable;

namespace DurableClaims.Api.Runtime;

/// <summary>The few durable-runtime operations the claims API needs; the embedded engine and the Functions app each implement it.</summary>
/// <remarks>
/// Implementations translate their runtime's exceptions into outcomes so that the API service
/// never depends on one runtime's exception types (Microsoft's client, for instance, does not
/// reject events to unknown instances by itself).
/// </remarks>
public interface IClaimsRuntimeClient
{
    /// <summary>Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/>; refused while an instance with that id has not finished.</summary>
    Task<RuntimeOutcome> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default);

    /// <summary>Raises an event to a running instance.</summary>
    Task<RuntimeOutcome> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default);

    /// <summary>Gets an instance, or null when it does not exist.</summary>
    Task<RuntimeInstance?> GetAsync(string instanceId, bool includePayloads = true, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of instances.</summary>
    Task<RuntimePage> QueryAsync(RuntimeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Terminates a running instance; <paramref name="reason"/> becomes its output.</summary>
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

/// <summary>An orchestration instance as the API sees it.</summary>
/// <param name="InstanceId">The instance id (the claim id).</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="RuntimeStatus">The Durable runtime status.</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="SerializedInput">Its JSON input, when fetched.</param>
/// <param name="SerializedOutput">Its JSON output, when fetched.</param>
/// <param name="SerializedCustomStatus">Its JSON custom status, when fetched.</param>
/// <param name="FailureMessage">The failure message when it failed.</param>
public sealed record RuntimeInstance(
    string InstanceId,
    string Name,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedInput = null,
    string? SerializedOutput = null,
    string? SerializedCustomStatus = null,
    string? FailureMessage = null)
{
    /// <summary>Gets whether the instance has not reached a terminal state.</summary>
    public bool IsRunning => RuntimeStatus.IsRunning();
}

/// <summary>A filtered, paged instance query.</summary>
/// <param name="Statuses">Runtime statuses to include; null or empty includes all.</param>
/// <param name="CreatedFrom">Inclusive lower bound on creation time.</param>
/// <param name="CreatedTo">Inclusive upper bound on creation time.</param>
/// <param name="InstanceIdPrefix">Instance id prefix.</param>
/// <param name="PageSize">Maximum instances per page.</param>
/// <param name="ContinuationToken">Token from the previous page.</param>
/// <param name="IncludePayloads">Whether inputs, outputs and custom status are fetched.</param>
public sealed record RuntimeQuery(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    string? InstanceIdPrefix = null,
    int PageSize = 100,
    string? ContinuationToken = null,
    bool IncludePayloads = true);

/// <summary>One page of instances.</summary>
/// <param name="Instances">The instances (possibly fewer than the page size).</param>
/// <param name="ContinuationToken">Token for the next page, or null on the last page.</param>
public sealed record RuntimePage(IReadOnlyList<RuntimeInstance> Instances, string? ContinuationToken);
