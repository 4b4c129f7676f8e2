using DurableClaims.Contracts;

namespace DurableClaims.Workflow;

/// <summary>Pauses: waiting for documents or an adjuster's review, raced against reminder timers and a deadline.</summary>
internal sealed partial class ClaimRun
{
    /// <summary>Pauses until every missing document arrives (true) or the deadline passes (false).</summary>
    private async Task<bool> AwaitDocumentsAsync()
    {
        var deadline = Now + _settings.DocumentDeadline;
        _state = _state.Pause(ClaimAwaiting.Documents, ClaimReasons.AwaitingDocuments, ClaimPhases.Documents, deadline);
        Publish();
        await RecordAsync("pause", ClaimEventTypes.Pause, PauseData(), Messages.MissingDocumentsNotice(_claim, _state.Missing, _state.RequestReasons, deadline));
        // Version 2 on: an adjuster's "remind" is listened for too. Older claims wait for documents alone, as they did.
        string[] events = RemindsOnDemand
            ? [ClaimWorkflow.Events.DocumentsReceived, ClaimWorkflow.Events.AdjusterAction]
            : [ClaimWorkflow.Events.DocumentsReceived];
        while (_state.Missing.Count > 0)
        {
            var (outcome, arrived) = await _waits.RaceAsync(events, deadline, _settings.ReminderInterval);
            switch (outcome)
            {
                case WaitOutcome.Deadline:
                    return false;
                case WaitOutcome.Reminder:
                    _state = _state.Remind();
                    Publish();
                    await RecordAsync("reminder", ClaimEventTypes.Reminder, PauseData(), Messages.Reminder(_claim, _state.Missing, _state.Reminders, deadline));
                    continue;
            }

            if (arrived == ClaimWorkflow.Events.AdjusterAction)
            {
                await RemindOnRequestAsync(deadline);
                continue;
            }

            var delivery = await _waits.TakeAsync<DocumentsReceived>(ClaimWorkflow.Events.DocumentsReceived);
            (_state, var added) = _state.Receive(delivery?.Documents ?? []);
            if (added.Count == 0)
            {
                var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                WorkflowLog.DuplicateDelivery(log, _claim.ClaimId, delivery?.Source ?? "unknown");
                continue;
            }

            var data = new Dictionary<string, object?>
            {
                ["received"] = added.Select(d => d.Type).ToList(),
                ["missing"] = _state.Missing.ToList(),
                ["source"] = delivery!.Source,
            };
            var all = _state.Missing.Count == 0;
            if (all)
            {
                _state = _state.Working(ClaimPhases.Analysis);
            }

            Publish();
            await RecordAsync(all ? "resume" : "receipt", all ? ClaimEventTypes.Resume : ClaimEventTypes.DocumentsReceived, data, Messages.Receipt(added, _state.Missing, delivery.Source));
        }

        return true;
    }

    /// <summary>Sends the customer a reminder now, because an adjuster asked (version 2 on); any other action is not one a claim waiting for documents takes.</summary>
    private async Task RemindOnRequestAsync(DateTimeOffset deadline)
    {
        var action = await _waits.TakeAsync<AdjusterAction>(ClaimWorkflow.Events.AdjusterAction);
        if (action is not { Action: AdjusterActions.Remind } || string.IsNullOrWhiteSpace(action.Adjuster))
        {
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.InvalidAdjusterAction(log, _claim.ClaimId, action?.Action ?? "none", _state.Awaiting ?? "nothing");
            return;
        }

        _state = _state.Remind();
        Publish();
        var data = PauseData();
        data["adjuster"] = action.Adjuster;
        data["notes"] = action.Notes;
        await RecordAsync("reminder", ClaimEventTypes.Reminder, data, Messages.Reminder(_claim, _state.Missing, _state.Reminders, deadline, action));
    }

    /// <summary>Pauses a high-risk claim until an adjuster approves or denies it; a review that never comes waits for an adjuster's next step.</summary>
    private async Task<ClaimOutcome?> AwaitReviewAsync()
    {
        var deadline = Now + _settings.ReviewDeadline;
        _state = _state.Pause(ClaimAwaiting.Review, ClaimReasons.AwaitingReview, ClaimPhases.Review, deadline);
        Publish();
        await RecordAsync("review", ClaimEventTypes.Pause, PauseData(), Messages.ReviewRequest(_state.RiskScore ?? 0, _settings.HighRiskThreshold, _state.Recommendation, _state.AgentReasons, deadline));
        while (Now < deadline)
        {
            switch (await _waits.RaceAsync(ClaimWorkflow.Events.AdjusterDecision, deadline, _settings.ReminderInterval))
            {
                case WaitOutcome.Deadline:
                    return await NeedAdjusterAsync(ClaimStatusCodes.Timeout, ClaimReasons.ReviewNotReceived);
                case WaitOutcome.Reminder:
                    _state = _state.Remind();
                    Publish();
                    await RecordAsync("reminder", ClaimEventTypes.Reminder, PauseData(), Messages.ReviewReminder(_state.Reminders, deadline));
                    continue;
            }

            var decision = await _waits.TakeAsync<AdjusterDecision>(ClaimWorkflow.Events.AdjusterDecision);
            if (Valid(decision) is not { } valid)
            {
                var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                WorkflowLog.InvalidReview(log, _claim.ClaimId);
                continue;
            }

            return await DecideByHandAsync(valid);
        }

        return await NeedAdjusterAsync(ClaimStatusCodes.Timeout, ClaimReasons.ReviewNotReceived);
    }

    /// <summary>An adjuster's approval or denial ends the claim.</summary>
    private async Task<ClaimOutcome> DecideByHandAsync(AdjusterDecision decision)
    {
        _state = _state.Working(ClaimPhases.Decision);
        Publish();
        await RecordAsync(
            "adjuster", ClaimEventTypes.Resume,
            new Dictionary<string, object?> { ["decision"] = decision.Decision, ["adjuster"] = decision.Adjuster, ["amount"] = decision.Amount },
            Messages.AdjusterDecided(decision));
        return await CompleteAsync(null, null, decision);
    }

    private static AdjusterDecision? Valid(AdjusterDecision? decision)
        => decision is not null && AdjusterDecisions.IsValid(decision.Decision) && !string.IsNullOrWhiteSpace(decision.Adjuster) && decision.Amount is null or >= 0
            ? decision with { Decision = decision.Decision.ToLowerInvariant() }
            : null;

    private Dictionary<string, object?> PauseData() => new()
    {
        ["awaiting"] = _state.Awaiting,
        ["missing"] = _state.Missing.ToList(),
        ["deadline"] = _state.Deadline,
        ["reminders"] = _state.Reminders,
        ["riskScore"] = _state.RiskScore,
    };
}
