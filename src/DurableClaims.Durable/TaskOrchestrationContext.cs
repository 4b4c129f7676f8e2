using Microsoft.Extensions.Logging;

namespace DurableClaims.Durable;

/// <summary>The orchestrator's view of a running instance; its shape mirrors Microsoft.DurableTask.TaskOrchestrationContext.</summary>
/// <remarks>
/// Orchestrator code must be deterministic: every decision must come from the input, from
/// results delivered through this context, from <see cref="CurrentUtcDateTime"/> or <see cref="NewGuid"/>.
/// The engine replays the code against the recorded history, so any other source of data
/// (clocks, random numbers, I/O) makes replay diverge.
/// </remarks>
public abstract class TaskOrchestrationContext
{
    /// <summary>Gets the id of the running instance.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Gets the registered name of the orchestrator.</summary>
    public abstract string Name { get; }

    /// <summary>Gets whether the code is currently being replayed from history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Gets the replay-safe current time: the time at which the current step started.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Deserializes the orchestration input.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result.</summary>
    /// <exception cref="TaskFailedException">The activity failed (after all retries).</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity that returns no result.</summary>
    public virtual Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts a sub-orchestration and returns its output.</summary>
    /// <exception cref="TaskFailedException">The sub-orchestration failed.</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Waits for an external event; events raised earlier are buffered per name in arrival order.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TaskCanceledException">The timeout elapsed first (as in Durable Functions).</exception>
    public virtual Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
        => WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    /// <summary>Waits for an external event at most <paramref name="timeout"/>, cancellable.</summary>
    /// <exception cref="TaskCanceledException">The timeout elapsed or the token was cancelled.</exception>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires at <paramref name="fireAt"/> (UTC).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires after <paramref name="delay"/>.</summary>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Sets a JSON-serializable status visible to clients.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Returns a deterministic GUID (the same on every replay).</summary>
    public abstract Guid NewGuid();

    /// <summary>Restarts the orchestration with a new input and an empty history once the current code returns.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>Creates a logger that writes nothing while the code is replaying.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>Creates a replay-safe logger named after <paramref name="type"/>.</summary>
    public virtual ILogger CreateReplaySafeLogger(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CreateReplaySafeLogger(type.FullName ?? type.Name);
    }

    /// <summary>Creates a replay-safe logger named after <typeparamref name="T"/>.</summary>
    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));
}
