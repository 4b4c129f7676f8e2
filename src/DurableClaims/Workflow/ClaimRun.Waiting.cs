using System.Text.Json;
using DurableClaims.Contracts;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>Pauses: waiting for documents or an adjuster, raced against reminder timers and a deadline.</summary>
internal sealed partial class ClaimRun
{
    private enum WaitOutcome
    {
        Arrived,
        Reminder,
        Deadline,
    }

    /// <summary>Pauses until every missing document arrives; returns the outcome when the claim ends instead.</summary>
    private async Task<ClaimOutcome?> AwaitDocumentsAsync()
    {
        if (!_settings.EnableHumanInTheLoop)
        {
            return await CompleteAsync(ClaimStatusCodes.Denied, ClaimReasons.MissingDocuments);
        }

        var deadline = Now + _settings.DocumentDeadline;
        Pause(ClaimAwaiting.Documents, ClaimReasons.AwaitingDocuments, ClaimPhases.Documents, deadline);
        await RecordAsync("pause", ClaimEventTypes.Pause, PauseData(), Messages.MissingDocumentsNotice(_claim, _missing, _requestReasons, deadline));
        while (_missing.Count > 0)
        {
            // One outstanding wait for the whole claim: a second waiter would leave the first to swallow the next event.
            _documentsWait ??= _context.WaitForExternalEvent<JsonElement>(ClaimWorkflow.Events.DocumentsReceived);
            switch (await RaceAsync(_documentsWait, deadline))
            {
                case WaitOutcome.Deadline:
                    return await CompleteAsync(ClaimStatusCodes.Timeout, ClaimReasons.DocumentsNotReceived);
                case WaitOutcome.Reminder:
                    _reminders++;
                    Publish();
                    await RecordAsync("reminder", ClaimEventTypes.Reminder, PauseData(), Messages.Reminder(_claim, _missing, _reminders, deadline));
                    continue;
            }

            var delivery = await TakeAsync<DocumentsReceived>(_documentsWait);
            _documentsWait = null;
            var added = Apply(delivery);
            if (added.Count == 0)
            {
                var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                WorkflowLog.DuplicateDelivery(log, _claim.ClaimId, delivery?.Source ?? "unknown");
                continue;
            }

            var data = new Dictionary<string, object?>
            {
                ["received"] = added.Select(d => d.Type).ToList(),
                ["missing"] = _missing.ToList(),
                ["source"] = delivery!.Source,
            };
            if (_missing.Count > 0)
            {
                Publish();
                await RecordAsync("receipt", ClaimEventTypes.DocumentsReceived, data, Messages.Receipt(added, _missing, delivery.Source));
            }
            else
            {
                (_status, _phase, _awaiting, _reason, _deadline, _reminders) = (ClaimStatusCodes.Running, ClaimPhases.Analysis, null, null, null, 0);
                Publish();
                await RecordAsync("resume", ClaimEventTypes.Resume, data, Messages.Receipt(added, _missing, delivery.Source));
            }
        }

        _noProgress = 0;
        return null;
    }

    /// <summary>Pauses a high-risk claim until an adjuster approves or denies it.</summary>
    private async Task<ClaimOutcome> AwaitReviewAsync()
    {
        var deadline = Now + _settings.ReviewDeadline;
        Pause(ClaimAwaiting.Review, ClaimReasons.AwaitingReview, ClaimPhases.Review, deadline);
        await RecordAsync("review", ClaimEventTypes.Pause, PauseData(), Messages.ReviewRequest(_risk ?? 0, _settings.HighRiskThreshold, _recommendation, _agentReasons, deadline));
        while (Now < deadline)
        {
            _reviewWait ??= _context.WaitForExternalEvent<JsonElement>(ClaimWorkflow.Events.AdjusterDecision);
            switch (await RaceAsync(_reviewWait, deadline))
            {
                case WaitOutcome.Deadline:
                    return await CompleteAsync(ClaimStatusCodes.Timeout, ClaimReasons.ReviewNotReceived);
                case WaitOutcome.Reminder:
                    _reminders++;
                    Publish();
                    await RecordAsync("reminder", ClaimEventTypes.Reminder, PauseData(), Messages.ReviewReminder(_reminders, deadline));
                    continue;
            }

            var decision = await TakeAsync<AdjusterDecision>(_reviewWait);
            _reviewWait = null;
            if (decision is null || !AdjusterDecisions.IsValid(decision.Decision) || string.IsNullOrWhiteSpace(decision.Adjuster))
            {
                var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                WorkflowLog.InvalidReview(log, _claim.ClaimId);
                continue;
            }

            decision = decision with { Decision = decision.Decision.ToLowerInvariant() };
            (_status, _phase, _awaiting, _reason, _deadline) = (ClaimStatusCodes.Running, ClaimPhases.Decision, null, null, null);
            Publish();
            await RecordAsync(
                "adjuster", ClaimEventTypes.Resume,
                new Dictionary<string, object?> { ["decision"] = decision.Decision, ["adjuster"] = decision.Adjuster },
                Messages.AdjusterDecided(decision));
            return await CompleteAsync(null, null, decision);
        }

        return await CompleteAsync(ClaimStatusCodes.Timeout, ClaimReasons.ReviewNotReceived);
    }

    /// <summary>Waits for the event, the next reminder or the deadline, whichever comes first; the losing timer is cancelled.</summary>
    private async Task<WaitOutcome> RaceAsync(Task waiting, DateTimeOffset deadline)
    {
        if (waiting.IsCompleted)
        {
            return WaitOutcome.Arrived;
        }

        var now = Now;
        if (now >= deadline)
        {
            return WaitOutcome.Deadline;
        }

        var reminder = now + _settings.ReminderInterval;
        var fireAt = reminder < deadline ? reminder : deadline;
        using var cancel = new CancellationTokenSource();
        var timer = _context.CreateTimer(fireAt.UtcDateTime, cancel.Token);
        if (await Task.WhenAny(waiting, timer) == waiting)
        {
            cancel.Cancel();
            return WaitOutcome.Arrived;
        }

        _timerClock = fireAt;
        return fireAt >= deadline ? WaitOutcome.Deadline : WaitOutcome.Reminder;
    }

    /// <summary>Reads an event payload; a payload that is missing or does not parse counts as nothing received.</summary>
    private async Task<T?> TakeAsync<T>(Task<JsonElement> wait)
        where T : class
    {
        var payload = await wait;
        if (payload.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return payload.Deserialize<T>(ClaimsJson.Options);
        }
        catch (JsonException ex)
        {
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.BadPayload(log, _claim.ClaimId, ex.Message);
            return null;
        }
    }

    /// <summary>Adds the documents not already on file; returns them (none for a duplicate delivery).</summary>
    private List<ReceivedDocument> Apply(DocumentsReceived? delivery)
    {
        var added = new List<ReceivedDocument>();
        foreach (var document in delivery?.Documents ?? [])
        {
            // Only stored documents count: every way in stores the content first and sends its location.
            if (document is null || string.IsNullOrEmpty(document.Location)
                || !ClaimIds.IsSafeSegment(document.Type) || !ClaimIds.IsSafeSegment(document.Filename)
                || _received.Any(r => r.Type == document.Type && r.Filename == document.Filename))
            {
                continue;
            }

            _received.Add(document);
            _missing.Remove(document.Type);
            added.Add(document);
        }

        return added;
    }

    private void Pause(string awaiting, string reason, string phase, DateTimeOffset deadline)
    {
        (_status, _awaiting, _reason, _phase, _deadline, _reminders) = (ClaimStatusCodes.Paused, awaiting, reason, phase, deadline, 0);
        Publish();
    }

    private Dictionary<string, object?> PauseData() => new()
    {
        ["awaiting"] = _awaiting,
        ["missing"] = _missing.ToList(),
        ["deadline"] = _deadline,
        ["reminders"] = _reminders,
        ["riskScore"] = _risk,
    };
}
