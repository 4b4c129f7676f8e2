using DurableClaims.Contracts;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>Recording steps, publishing status, webhooks and the end of a claim.</summary>
internal sealed partial class ClaimRun
{
    private ClaimLifecycleEvent NextEvent(string type, IReadOnlyDictionary<string, object?>? data)
        => ClaimEventFactory.Create(_claim.ClaimId, ++_eventSequence, type, Now, data);

    /// <summary>Saves the current state, the messages and one lifecycle event, then notifies the webhooks.</summary>
    private async Task RecordAsync(string step, string eventType, IReadOnlyDictionary<string, object?> data, IReadOnlyList<NewMessage> messages)
    {
        var lifecycleEvent = NextEvent(eventType, data);
        await _context.CallActivityAsync<bool>(
            nameof(RecordStepActivity),
            new SessionUpdate
            {
                ClaimId = _claim.ClaimId,
                StepKey = FormattableString.Invariant($"{step}-{++_stepSequence:D3}"),
                At = Now,
                Status = _status,
                Phase = _phase,
                Reason = _reason,
                Awaiting = _awaiting,
                Deadline = _deadline,
                Rounds = _rounds,
                RiskScore = _risk,
                MissingDocuments = _missing,
                ReceivedDocuments = _received,
                RequiredDocuments = _required,
                Findings = _findings,
                Messages = messages,
                Event = lifecycleEvent,
            },
            TaskOptions.FromRetryPolicy(ActivityRetry));
        Notify([lifecycleEvent]);
    }

    /// <summary>Starts one delivery per webhook URL without waiting for it: a slow receiver never holds the claim up, and a failing one never makes the others receive an event twice.</summary>
    private void Notify(IReadOnlyList<ClaimLifecycleEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        foreach (var url in _settings.WebhookUrls)
        {
            _deliveries.Add(DeliverAsync(new WebhookDelivery(url, events)));
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery)
    {
        try
        {
            var policy = new RetryPolicy(_settings.WebhookMaxAttempts, _settings.WebhookFirstRetryInterval, 2.0);
            await _context.CallActivityAsync<int>(nameof(NotifyWebhooksActivity), delivery, TaskOptions.FromRetryPolicy(policy));
        }
        catch (TaskFailedException ex)
        {
            // Webhooks never fail a claim: the failure is logged and the claim goes on.
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.WebhookFailed(log, _claim.ClaimId, ex.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>Ends the claim: decides (status null) or records the given status, then waits for outstanding webhooks.</summary>
    private async Task<ClaimOutcome> CompleteAsync(string? status, string? reason, AdjusterDecision? adjuster = null, string? error = null)
    {
        var eventId = ClaimEventFactory.IdOf(_claim.ClaimId, ++_eventSequence);
        var outcome = await _context.CallActivityAsync<ClaimOutcome>(
            nameof(CompleteClaimActivity),
            new CompletionRequest
            {
                Claim = _claim,
                At = Now,
                Status = status,
                Reason = reason,
                ErrorMessage = error,
                Rounds = _rounds,
                RiskScore = _risk,
                Recommendation = _recommendation,
                HighRiskThreshold = _settings.HighRiskThreshold,
                AgentReasons = _agentReasons,
                Evidence = _evidence,
                Adjuster = adjuster,
                MissingDocuments = _missing,
                ReceivedDocuments = _received,
                Findings = _findings,
                EventId = eventId,
            },
            TaskOptions.FromRetryPolicy(ActivityRetry));
        (_status, _reason, _phase, _awaiting, _deadline) = (outcome.Status, outcome.Reason, ClaimPhases.Completed, null, null);
        Publish();
        Notify([ClaimEventFactory.Completion(eventId, outcome)]);

        // Deliveries scheduled in the step that completes the orchestration would be dropped, so wait for them.
        await Task.WhenAll(_deliveries);
        var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
        WorkflowLog.Completed(log, _claim.ClaimId, outcome.Status, outcome.Reason);
        return outcome;
    }

    /// <summary>Ends the claim as <c>error</c>, saving the session when the store is reachable.</summary>
    private async Task<ClaimOutcome> FailAsync(Exception exception)
    {
        var message = exception is TaskFailedException failed ? $"{failed.TaskName}: {failed.FailureDetails.ErrorMessage}" : exception.Message;
        var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
        WorkflowLog.Failed(log, _claim.ClaimId, message);
        try
        {
            return await CompleteAsync(ClaimStatusCodes.Error, ClaimReasons.UnexpectedError, error: message);
        }
        catch (TaskFailedException ex)
        {
            WorkflowLog.Failed(log, _claim.ClaimId, "saving the error failed too: " + ex.FailureDetails.ErrorMessage);
            (_status, _reason, _phase) = (ClaimStatusCodes.Error, ClaimReasons.UnexpectedError, ClaimPhases.Completed);
            Publish();
            return new ClaimOutcome
            {
                ClaimId = _claim.ClaimId,
                Status = ClaimStatusCodes.Error,
                Reason = ClaimReasons.UnexpectedError,
                ErrorMessage = message,
                Rounds = _rounds,
                RiskScore = _risk,
                MissingDocuments = _missing,
                ReceivedDocuments = _received.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToList(),
                CompletedAt = Now,
            };
        }
    }

    /// <summary>Publishes the custom status (<see cref="ClaimProgress"/>) clients see.</summary>
    private void Publish()
        => _context.SetCustomStatus(new ClaimProgress
        {
            Status = _status,
            Phase = _phase,
            Reason = _reason,
            MissingDocuments = _missing.ToList(),
            ReceivedDocuments = _received.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToList(),
            RiskScore = _risk,
            Rounds = _rounds,
            Awaiting = _awaiting,
            DocumentDeadline = _deadline,
            Reminders = _reminders,
            Recommendation = _awaiting == ClaimAwaiting.Review ? _recommendation : null,
        });
}
