using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Durable.Core;

/// <summary>The engine's <see cref="TaskOrchestrationContext"/>: turns calls into actions and completes them from history.</summary>
internal sealed partial class ExecutorContext : TaskOrchestrationContext
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly SortedDictionary<int, OrchestratorAction> _pendingActions = [];
    private int _nextTaskId;
    private int _guidCounter;

    public ExecutorContext(string instanceId, string name, string? input, ILoggerFactory? loggerFactory)
    {
        InstanceId = instanceId;
        Name = name;
        Input = input;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public override string InstanceId { get; }

    public override string Name { get; }

    public string? Input { get; }

    public override bool IsReplaying => Replaying;

    public bool Replaying { get; set; }

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public DateTime CurrentTime { get; set; }

    public string? CustomStatus { get; private set; }

    public bool CustomStatusChanged { get; set; }

    public (string? Input, bool Preserve)? ContinueAsNewRequest { get; private set; }

    public SortedDictionary<int, OrchestratorAction> PendingActions => _pendingActions;

    public override T? GetInput<T>() where T : default => DurableJson.Deserialize<T>(Input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = await WithRetries(options?.RetryPolicy, () => ScheduleTask(ActionKind.ScheduleTask, name, DurableJson.Serialize(input), null));
        return DurableJson.Deserialize<TResult>(json)!;
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = await WithRetries(options?.RetryPolicy, () =>
        {
            // Derived from the task id so that replay produces the same child id.
            var childId = options?.InstanceId ?? $"{InstanceId}:{_nextTaskId:X4}";
            return ScheduleTask(ActionKind.CreateSubOrchestration, name, DurableJson.Serialize(input), childId);
        });
        return DurableJson.Deserialize<TResult>(json)!;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var id = _nextTaskId++;
        var open = new OpenTask(ActionKind.CreateTimer, "timer");
        _openTasks[id] = open;
        _pendingActions[id] = new OrchestratorAction(ActionKind.CreateTimer, id) { FireAt = DateTime.SpecifyKind(fireAt, DateTimeKind.Utc) };
        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled timer stops being awaited; its TimerFired message, if it comes, is ignored.
            cancellationToken.Register(() =>
            {
                _openTasks.Remove(id);
                open.Source.TrySetCanceled(cancellationToken);
            });
        }

        return open.Source.Task;
    }

    public override void SetCustomStatus(object? customStatus)
    {
        CustomStatus = DurableJson.Serialize(customStatus);
        CustomStatusChanged = true;
    }

    public override Guid NewGuid()
        => DeterministicGuid.Create($"{InstanceId}_{CurrentTime:o}_{_guidCounter++}");

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => ContinueAsNewRequest = (DurableJson.Serialize(newInput), preserveUnprocessedEvents);

    public override ILogger CreateReplaySafeLogger(string categoryName)
        => new ReplaySafeLogger(_loggerFactory.CreateLogger(categoryName), this);

    /// <summary>Completes an awaited task from a result event; returns false when nothing awaits it (duplicate or cancelled).</summary>
    public bool TryCompleteTask(DurableEvent e)
    {
        if (!_openTasks.Remove(e.TaskId, out var open))
        {
            return false;
        }

        switch (e.Kind)
        {
            case EventKind.TaskFailed or EventKind.SubOrchestrationInstanceFailed:
                open.Source.TrySetException(new TaskFailedException(open.Name, e.TaskId, e.Failure ?? new TaskFailureDetails("Unknown", "Unknown failure")));
                break;
            default:
                open.Source.TrySetResult(e.Data);
                break;
        }

        return true;
    }

    /// <summary>Returns whether a result event would complete an awaited task.</summary>
    public bool IsOpen(int taskId) => _openTasks.ContainsKey(taskId);

    private Task<string?> ScheduleTask(ActionKind kind, string name, string? input, string? childId)
    {
        var id = _nextTaskId++;
        var open = new OpenTask(kind, name);
        _openTasks[id] = open;
        _pendingActions[id] = new OrchestratorAction(kind, id) { Name = name, Input = input, SubInstanceId = childId };
        return open.Source.Task;
    }

    private async Task<string?> WithRetries(RetryPolicy? policy, Func<Task<string?>> attempt)
    {
        if (policy is null)
        {
            return await attempt();
        }

        var firstAttemptAt = CurrentTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException ex) when (number < policy.MaxNumberOfAttempts
                && (policy.HandleFailure?.Invoke(ex.FailureDetails) ?? true)
                && (policy.RetryTimeout == Timeout.InfiniteTimeSpan || CurrentTime - firstAttemptAt < policy.RetryTimeout))
            {
                // The backoff is a durable timer, so a retry survives restarts and costs nothing while waiting.
                await CreateTimer(CurrentTime.Add(policy.GetDelay(number + 1)), CancellationToken.None);
            }
        }
    }

    private sealed class OpenTask(ActionKind kind, string name)
    {
        public ActionKind Kind { get; } = kind;

        public string Name { get; } = name;

        // Continuations must not be forced onto the thread pool: they run on the orchestration context.
        public TaskCompletionSource<string?> Source { get; } = new();
    }
}
