using Microsoft.Extensions.Logging;

namespace DurableClaims.Durable.Core;

/// <summary>Runs one execution of an orchestrator by replaying its history and applying new events.</summary>
/// <remarks>
/// Kept alive between steps (extended sessions) so that a step only processes new events; rebuilt
/// from stored history on a cache miss. Not thread-safe: the engine runs one step of an instance at a time.
/// </remarks>
internal sealed class OrchestrationExecutor
{
    private readonly OrchestrationSynchronizationContext _sync = new();
    private readonly List<DurableEvent> _history = [];
    private readonly string _instanceId;
    private readonly Func<string, OrchestratorInvoker?> _resolve;
    private readonly ILoggerFactory? _loggerFactory;
    private ExecutorContext? _context;
    private Task<string?>? _task;
    private Exception? _fault;
    private bool _terminated;
    private string? _terminateOutput;
    private bool _suspended;
    private DateTime _currentTime;
    private StepResult? _step;

    public OrchestrationExecutor(string instanceId, string executionId, Func<string, OrchestratorInvoker?> resolve, ILoggerFactory? loggerFactory)
    {
        _instanceId = instanceId;
        ExecutionId = executionId;
        _resolve = resolve;
        _loggerFactory = loggerFactory;
    }

    public string ExecutionId { get; }

    public int HistoryCount => _history.Count;

    public bool Started => _context is not null;

    private bool IsDone => _fault is not null || _terminated || _task is { IsCompleted: true };

    /// <summary>Re-runs the code against stored history; a mismatch is kept and fails the next step.</summary>
    /// <remarks>Actions the code produces that history lacks are new work, committed by the next step (as in DTFx).</remarks>
    public void Replay(IReadOnlyList<DurableEvent> history)
    {
        RunOnContext(() =>
        {
            foreach (var e in history)
            {
                _history.Add(e);
                if (!IsDone)
                {
                    Apply(e, replaying: true);
                }
            }
        });
    }

    /// <summary>Applies new events at time <paramref name="now"/> and returns the history and actions to commit.</summary>
    public StepResult Execute(IReadOnlyList<DurableEvent> events, DateTime now)
    {
        var step = new StepResult { FirstSeq = _history.Count };
        _step = step;
        var unprocessed = new List<DurableEvent>();
        RunOnContext(() =>
        {
            Record(new DurableEvent(EventKind.OrchestratorStarted) { Timestamp = now }, replaying: false);
            foreach (var e in events.OrderBy(e => e.Kind == EventKind.ExecutionStarted ? 0 : 1))
            {
                if (IsDone)
                {
                    unprocessed.Add(e);
                }
                else if (!(e.IsTaskResult && _context?.IsOpen(e.TaskId) != true))
                {
                    // Results nobody awaits (a duplicate after redelivery, a cancelled timer) are consumed unrecorded.
                    Record(e, replaying: false);
                }
            }

            if (_context is not null && !IsDone)
            {
                foreach (var action in _context.PendingActions.Values)
                {
                    step.Actions.Add(action);
                    Record(action.ToHistoryEvent(now), replaying: false);
                }
            }

            _context?.PendingActions.Clear();
        });

        Complete(step, unprocessed, now);
        step.Suspended = _suspended;
        step.Started = _context is not null;
        if (_context is { CustomStatusChanged: true })
        {
            step.CustomStatus = _context.CustomStatus;
            step.CustomStatusChanged = true;
            _context.CustomStatusChanged = false;
        }

        _step = null;
        return step;
    }

    private void Complete(StepResult step, List<DurableEvent> unprocessed, DateTime now)
    {
        if (_fault is not null)
        {
            step.Completion = new StepCompletion(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(_fault));
        }
        else if (_terminated)
        {
            step.Completion = new StepCompletion(OrchestrationRuntimeStatus.Terminated, _terminateOutput, null);
        }
        else if (_task is { IsCompleted: true } task)
        {
            if (task.IsFaulted || task.IsCanceled)
            {
                var error = task.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
                step.Completion = new StepCompletion(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
            }
            else if (_context!.ContinueAsNewRequest is { } request)
            {
                var carried = request.Preserve
                    ? _context.TakeBufferedEvents().Concat(unprocessed.Where(e => e.Kind == EventKind.EventRaised)).ToList()
                    : [];
                step.ContinueAsNew = new ContinueAsNewRequest(request.Input, carried);
                Record(new DurableEvent(EventKind.ContinueAsNew) { Data = request.Input, Timestamp = now }, replaying: false);
                return;
            }
            else
            {
                step.Completion = new StepCompletion(OrchestrationRuntimeStatus.Completed, task.Result, null);
            }
        }

        if (step.Completion is { } c)
        {
            Record(new DurableEvent(EventKind.ExecutionCompleted) { Name = c.Status.ToString(), Data = c.Output, Failure = c.Failure, Timestamp = now }, replaying: false);
        }
    }

    private void Record(DurableEvent e, bool replaying)
    {
        _history.Add(e);
        _step?.NewHistory.Add(e);
        if (e.Kind is not (EventKind.TaskScheduled or EventKind.TimerCreated or EventKind.SubOrchestrationInstanceCreated
            or EventKind.ExecutionCompleted or EventKind.ContinueAsNew))
        {
            Apply(e, replaying);
        }
    }

    private void Apply(DurableEvent e, bool replaying)
    {
        try
        {
            if (_context is not null)
            {
                _context.Replaying = replaying;
            }

            ApplyCore(e);
            _sync.Pump();
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            _fault = ex;
        }
#pragma warning disable CA1031 // Any exception escaping orchestrator code fails the instance instead of the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _fault ??= ex;
        }
    }

    private void ApplyCore(DurableEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.OrchestratorStarted:
                _currentTime = e.Timestamp;
                _context?.CurrentTime = e.Timestamp;
                break;
            case EventKind.ExecutionStarted:
                Start(e);
                break;
            case EventKind.TaskScheduled or EventKind.TimerCreated or EventKind.SubOrchestrationInstanceCreated:
                MatchRecordedAction(e);
                break;
            case EventKind.TaskCompleted or EventKind.TaskFailed or EventKind.TimerFired
                or EventKind.SubOrchestrationInstanceCompleted or EventKind.SubOrchestrationInstanceFailed:
                _context?.TryCompleteTask(e);
                break;
            case EventKind.EventRaised:
                _context?.DeliverEvent(e);
                break;
            case EventKind.ExecutionSuspended:
                _suspended = true;
                break;
            case EventKind.ExecutionResumed:
                _suspended = false;
                break;
            case EventKind.ExecutionTerminated:
                _terminated = true;
                _terminateOutput = e.Data;
                break;
            default:
                break;
        }
    }

    private void Start(DurableEvent e)
    {
        if (_context is not null)
        {
            return;
        }

        _context = new ExecutorContext(_instanceId, e.Name ?? string.Empty, e.Data, _loggerFactory) { CurrentTime = _currentTime, Replaying = _step is null };
        if (_step is not null)
        {
            _step.ParentInstanceId = e.RefId;
            _step.ParentExecutionId = e.RefExecutionId;
            _step.ParentTaskId = e.TaskId;
        }

        ParentInstanceId = e.RefId;
        ParentExecutionId = e.RefExecutionId;
        ParentTaskId = e.TaskId;
        var invoker = _resolve(e.Name ?? string.Empty);
        if (invoker is null)
        {
            _fault = new InvalidOperationException($"No orchestrator named '{e.Name}' is registered.");
            return;
        }

        _task = Invoke(invoker, _context);
    }

    public string? ParentInstanceId { get; private set; }

    public string? ParentExecutionId { get; private set; }

    public int ParentTaskId { get; private set; } = -1;

    private static async Task<string?> Invoke(OrchestratorInvoker invoker, ExecutorContext context)
        => await invoker(context, context.Input);

    private void MatchRecordedAction(DurableEvent recorded)
    {
        var label = recorded.Kind == EventKind.TimerCreated ? "TimerCreated" : $"{recorded.Kind} '{recorded.Name}'";
        if (_context is null || !_context.PendingActions.Remove(recorded.TaskId, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic workflow detected: history has {label} (#{recorded.TaskId}) but the code did not schedule it.");
        }

        if (!action.Matches(recorded))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic workflow detected: history has {label} (#{recorded.TaskId}) but the code {action.Describe()} (#{action.Id}).");
        }
    }

    private void RunOnContext(Action body)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_sync);
        try
        {
            body();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
