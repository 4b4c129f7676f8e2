using DurableClaims.Durable.Core;
using DurableClaims.Durable.Diagnostics;
using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>Activity workers: run an activity and hand its result to the instance's inbox.</summary>
/// <remarks>
/// The result is not written on its own: the step that consumes it deletes the activity_tasks row and
/// appends TaskCompleted in one transaction. Until then the row stays, so a crash re-runs the activity
/// (at-least-once) and the result can never be applied twice. A pipelined activity may finish before its
/// row is durable; the consuming step's commit is queued behind the row's, so both or neither survive.
/// </remarks>
internal sealed partial class EngineRuntime
{
    private async Task ActivityLoopAsync()
    {
        try
        {
            await foreach (var item in _activities.Reader.ReadAllAsync(_stopping.Token))
            {
                var result = await RunActivityAsync(item);
                if (result is not null)
                {
                    Deliver(new InboxMessage { InstanceId = item.InstanceId, ExecutionId = item.ExecutionId, ActivityTaskId = item.Id, Event = result });
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: activities without a committed result run again at the next start.
        }
    }

    private async Task<DurableEvent?> RunActivityAsync(ActivityWorkItem item)
    {
        using var activity = DurableTelemetry.ActivitySource.StartActivity("activity " + item.Name);
        activity?.SetTag("durable.instance_id", item.InstanceId);
        DurableTelemetry.Activities.Add(1);
        try
        {
            var invoker = _registry.FindActivity(item.Name)
                ?? throw new InvalidOperationException($"No activity named '{item.Name}' is registered.");
            var context = new TaskActivityContext(item.Name, item.InstanceId, item.Attempt) { CancellationToken = _stopping.Token };
            var output = await invoker(_services, context, item.Input, _stopping.Token);
            return new DurableEvent(EventKind.TaskCompleted) { TaskId = item.TaskId, Data = output, Timestamp = UtcNow };
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // Any activity exception becomes a TaskFailed the orchestrator can handle.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ActivityFailed(_logger, item.Name, item.InstanceId, item.TaskId, ex);
            return new DurableEvent(EventKind.TaskFailed) { TaskId = item.TaskId, Failure = TaskFailureDetails.FromException(ex), Timestamp = UtcNow };
        }
    }
}
