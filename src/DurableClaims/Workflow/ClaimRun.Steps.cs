using DurableClaims.Contracts;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>Recording steps, publishing status and the end of a claim.</summary>
internal sealed partial class ClaimRun
{
    private ClaimLifecycleEvent NextEvent(string type, IReadOnlyDictionary<string, object?>? data)
        => ClaimEventFactory.Create(_claim.ClaimId, ++_eventSequence, type, Now, data);

    /// <summary>Saves the current state, the messages and one lifecycle event, then notifies the webhooks.</summary>
    private async Task RecordAsync(string step, string eventType, IReadOnlyDictionary<string, object?> data, IReadOnlyList<NewMessage> messages)
    {
        await StepAsync<bool>(nameof(RecordStepActivity), Update(step, eventType, data, messages, out var lifecycleEvent));
        _webhooks.Notify([lifecycleEvent]);
    }

    /// <summary>The current state as the session files record it, with one new lifecycle event.</summary>
    private SessionUpdate Update(string step, string eventType, IReadOnlyDictionary<string, object?> data, IReadOnlyList<NewMessage> messages, out ClaimLifecycleEvent lifecycleEvent)
    {
        lifecycleEvent = NextEvent(eventType, data);
        return new SessionUpdate
        {
            State = _state,
            StepKey = FormattableString.Invariant($"{step}-{++_stepSequence:D3}"),
            At = Now,
            Messages = messages,
            Event = lifecycleEvent,
        };
    }

    /// <summary>Ends the claim: decides (status null) or records the given status, then waits for outstanding webhooks.</summary>
    /// <remarks>With <paramref name="retry"/> false (closing an errored claim) a failing completion is not waited on again.</remarks>
    private async Task<ClaimOutcome> CompleteAsync(string? status, string? reason, AdjusterDecision? adjuster = null, string? error = null, bool retry = true)
    {
        var eventId = ClaimEventFactory.IdOf(_claim.ClaimId, ++_eventSequence);
        var request = new CompletionRequest
        {
            Claim = _claim,
            State = _state,
            At = Now,
            Status = status,
            Reason = reason,
            ErrorMessage = error,
            HighRiskThreshold = _settings.HighRiskThreshold,
            Adjuster = adjuster,
            EventId = eventId,
        };
        var outcome = retry
            ? await StepAsync<ClaimOutcome>(nameof(CompleteClaimActivity), request)
            : await _context.CallActivityAsync<ClaimOutcome>(nameof(CompleteClaimActivity), request, TaskOptions.FromRetryPolicy(ActivityRetry));
        _state = _state.Complete(outcome);
        Publish();
        _webhooks.Notify([ClaimEventFactory.Completion(eventId, outcome)]);
        await _webhooks.WhenAllAsync();
        var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
        WorkflowLog.Completed(log, _claim.ClaimId, outcome.Status, outcome.Reason);
        return outcome;
    }

    /// <summary>Ends the claim as <c>error</c>, saving the session when the store is reachable.</summary>
    private Task<ClaimOutcome> FailAsync(Exception exception)
        => FailAsync(exception is TaskFailedException failed ? $"{failed.TaskName}: {failed.FailureDetails.ErrorMessage}" : exception.Message);

    private async Task<ClaimOutcome> FailAsync(string message)
    {
        var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
        WorkflowLog.Failed(log, _claim.ClaimId, message);
        try
        {
            return await CompleteAsync(ClaimStatusCodes.Error, ClaimReasons.UnexpectedError, error: message, retry: false);
        }
        catch (TaskFailedException ex)
        {
            WorkflowLog.Failed(log, _claim.ClaimId, "saving the error failed too: " + ex.FailureDetails.ErrorMessage);
            var outcome = new ClaimOutcome
            {
                ClaimId = _claim.ClaimId,
                Status = ClaimStatusCodes.Error,
                Reason = ClaimReasons.UnexpectedError,
                ErrorMessage = message,
                Rounds = _state.Rounds,
                RiskScore = _state.RiskScore,
                MissingDocuments = _state.Missing,
                ReceivedDocuments = _state.ReceivedTypes,
                CompletedAt = Now,
            };
            _state = _state.IsClosed ? _state : _state.Complete(outcome);
            Publish();
            return outcome;
        }
    }

    /// <summary>Publishes the custom status (<see cref="ClaimProgress"/>) clients see.</summary>
    private void Publish() => _context.SetCustomStatus(_state.ToProgress() with { Actions = RemindsOnDemand ? AdjusterActions.For(_state.Awaiting, true) : null });

    /// <summary>Gets whether this claim listens for an adjuster's reminder while it waits for documents (version 2 on; older claims replay without it).</summary>
    private bool RemindsOnDemand => _context.IsAtLeast(ClaimWorkflowVersions.V2);
}
