using DurableClaims.Contracts;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>No dead ends: a stalled, timed-out or errored claim keeps its status and waits for an adjuster's next step.</summary>
internal sealed partial class ClaimRun
{
    /// <summary>
    /// Waits for an adjuster to decide, re-open (stalled, timeout) or retry (error) the claim, or to close it; the claim
    /// closes by itself with its status once <see cref="WorkflowSettings.AutoCloseAfter"/> passes (at once when zero or
    /// without human-in-the-loop). Returns the outcome when the claim ended, null when it goes on.
    /// </summary>
    private async Task<ClaimOutcome?> NeedAdjusterAsync(string status, string reason, string? error = null)
    {
        if (!_settings.EnableHumanInTheLoop || _settings.AutoCloseAfter <= TimeSpan.Zero)
        {
            return await CloseAsync(status, reason, error, null);
        }

        var closesAt = Now + _settings.AutoCloseAfter;
        _state = _state.NeedAdjuster(status, reason, closesAt, error);
        Publish();
        var data = new Dictionary<string, object?> { ["status"] = status, ["reason"] = reason, ["error"] = error, ["actions"] = AdjusterActions.For(_state.Awaiting), ["closesAt"] = closesAt };
        var message = Messages.NeedsAdjuster(status, reason, error, AdjusterActions.For(_state.Awaiting), closesAt);

        // An error may come from the session store itself: its pause is recorded when it can be, never retried here.
        await (error is null ? RecordAsync("adjuster", ClaimEventTypes.Pause, data, message) : TryRecordAsync("adjuster", ClaimEventTypes.Pause, data, message));
        while (Now < closesAt)
        {
            if (await _waits.RaceAsync(ClaimWorkflow.Events.AdjusterAction, closesAt, null) == WaitOutcome.Deadline)
            {
                break;
            }

            var action = await _waits.TakeAsync<AdjusterAction>(ClaimWorkflow.Events.AdjusterAction);
            if (action is null || string.IsNullOrWhiteSpace(action.Adjuster) || !AdjusterActions.For(_state.Awaiting).Contains(action.Action))
            {
                var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                WorkflowLog.InvalidAdjusterAction(log, _claim.ClaimId, action?.Action ?? "none", _state.Awaiting ?? "nothing");
                continue;
            }

            switch (action.Action)
            {
                case AdjusterActions.Decide when Valid(action.Decision is null ? null : action.Decision with { Adjuster = action.Adjuster }) is { } decision:
                    return await DecideByHandAsync(decision);
                case AdjusterActions.Close:
                    return await CloseAsync(status, reason, error, action);
                case AdjusterActions.Reopen:
                    var note = string.IsNullOrWhiteSpace(action.Notes) ? $"Requested again by adjuster {action.Adjuster}." : action.Notes.Trim();
                    _state = _state.Reopen(action.Documents?.Where(ClaimIds.IsSafeSegment).ToList() ?? [], note, _settings.MaxRounds);
                    Publish();
                    await RecordAsync("reopen", ClaimEventTypes.AdjusterAction, ActionData(action), Messages.AdjusterActed(action));
                    return null;
                case AdjusterActions.Retry:
                    // The caller restores the state the failed step started from; the action is on the timeline either way.
                    await TryRecordAsync("retry", ClaimEventTypes.AdjusterAction, ActionData(action), Messages.AdjusterActed(action));
                    return null;
                default:
                    var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                    WorkflowLog.InvalidAdjusterAction(log, _claim.ClaimId, action.Action, _state.Awaiting ?? "nothing");
                    continue;
            }
        }

        return await CloseAsync(status, reason, error, null);
    }

    /// <summary>Ends the claim with the status it waited in; an adjuster who closes it is on the record.</summary>
    private async Task<ClaimOutcome> CloseAsync(string status, string reason, string? error, AdjusterAction? action)
    {
        if (action is not null)
        {
            await TryRecordAsync("close", ClaimEventTypes.AdjusterAction, ActionData(action), Messages.AdjusterActed(action));
        }

        return status == ClaimStatusCodes.Error
            ? await FailAsync(error ?? "unknown error")
            : await CompleteAsync(status, reason);
    }

    /// <summary>Records a step when the session store answers; a claim whose store is down still reaches its next state.</summary>
    private async Task TryRecordAsync(string step, string eventType, IReadOnlyDictionary<string, object?> data, IReadOnlyList<NewMessage> messages)
    {
        try
        {
            await _context.CallActivityAsync<bool>(nameof(RecordStepActivity), Update(step, eventType, data, messages, out var lifecycleEvent), TaskOptions.FromRetryPolicy(ActivityRetry));
            _webhooks.Notify([lifecycleEvent]);
        }
        catch (TaskFailedException ex)
        {
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.Failed(log, _claim.ClaimId, $"recording {step} failed: {ex.FailureDetails.ErrorMessage}");
        }
    }

    private static Dictionary<string, object?> ActionData(AdjusterAction action) => new()
    {
        ["action"] = action.Action,
        ["adjuster"] = action.Adjuster,
        ["notes"] = action.Notes,
        ["documents"] = action.Documents,
    };
}
