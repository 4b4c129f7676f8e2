namespace DurableClaims.Durable;

/// <summary>Client for starting, querying and managing orchestration instances (mirrors Microsoft.DurableTask.Client.DurableTaskClient).</summary>
public abstract class DurableTaskClient
{
    /// <summary>Schedules a new instance; returns its id.</summary>
    /// <exception cref="OrchestrationAlreadyExistsException">The id belongs to an instance that has not finished.</exception>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Raises an event; the instance buffers it until it waits for that name.</summary>
    /// <exception cref="OrchestrationNotFoundException">The instance does not exist.</exception>
    /// <exception cref="OrchestrationAlreadyCompletedException">The instance has finished.</exception>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>Gets an instance's metadata, or null when it does not exist.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Gets the history of the instance's current execution, oldest first (empty when unknown).</summary>
    public abstract Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Returns one page of instances matching the query.</summary>
    public abstract Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellation = default);

    /// <summary>Enumerates every instance matching the filter, page by page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        OrchestrationQuery? filter = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var query = filter ?? new OrchestrationQuery();
        while (true)
        {
            var page = await QueryInstancesAsync(query, cancellation);
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>Terminates a running instance; <paramref name="output"/> becomes its output.</summary>
    /// <exception cref="OrchestrationNotFoundException">The instance does not exist.</exception>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Suspends a running instance; events raised meanwhile are buffered.</summary>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Resumes a suspended instance.</summary>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Deletes a finished instance and its history.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes every finished instance matching the filter.</summary>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);

    /// <summary>Waits until the instance reaches a terminal state.</summary>
    /// <exception cref="OrchestrationNotFoundException">The instance does not exist.</exception>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);
}

/// <summary>Options for <see cref="DurableTaskClient.ScheduleNewOrchestrationInstanceAsync"/>.</summary>
/// <param name="InstanceId">The caller-chosen instance id; null generates one.</param>
/// <param name="StartAt">A UTC time before which the instance does not start.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);

/// <summary>Filter and paging for instance queries (mirrors OrchestrationQuery).</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Gets the lower bound (inclusive) on creation time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Gets the upper bound (inclusive) on creation time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Gets the statuses to include; null or empty includes all.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Gets the instance id prefix to match.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Gets the maximum number of instances per page.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Gets whether inputs, outputs and custom status are included.</summary>
    public bool FetchInputsAndOutputs { get; init; }

    /// <summary>Gets the continuation token returned by the previous page.</summary>
    public string? ContinuationToken { get; init; }
}

/// <summary>One page of a query.</summary>
/// <param name="Instances">The instances on this page (possibly fewer than the page size).</param>
/// <param name="ContinuationToken">The token for the next page, or null when this is the last.</param>
public sealed record OrchestrationQueryResult(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>Filter for purging many instances.</summary>
/// <param name="CreatedFrom">Lower bound on creation time.</param>
/// <param name="CreatedTo">Upper bound on creation time.</param>
/// <param name="Statuses">Terminal statuses to purge; null purges every terminal status.</param>
public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>Result of a purge.</summary>
/// <param name="PurgedInstanceCount">How many instances were deleted.</param>
public sealed record PurgeResult(int PurgedInstanceCount);

/// <summary>One event in an instance's history, as exposed to clients (showHistory).</summary>
/// <param name="EventId">The task id for task events, or -1.</param>
/// <param name="EventType">The event kind, e.g. ExecutionStarted, TaskScheduled, TaskCompleted, EventRaised.</param>
/// <param name="Timestamp">When the event was recorded.</param>
/// <param name="Name">The activity, timer, event or orchestrator name, when the kind has one.</param>
/// <param name="Data">The JSON input, result, payload or failure, when the kind has one.</param>
public sealed record HistoryEvent(int EventId, string EventType, DateTimeOffset Timestamp, string? Name = null, string? Data = null);
