using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>One execution of <see cref="ClaimOrchestrator"/>: the claim's phases over one <see cref="ClaimState"/>.</summary>
internal sealed partial class ClaimRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly ClaimSubmission _claim;
    private readonly ClaimWaits _waits;
    private readonly WebhookFanOut _webhooks;
    private ClaimState _state;
    private WorkflowSettings _settings = new();
    private DateTimeOffset _startedAt;
    private int _eventSequence;
    private int _stepSequence;

    public ClaimRun(TaskOrchestrationContext context, ClaimSubmission claim)
    {
        _context = context;
        _claim = claim;
        _state = ClaimState.Start(claim.ClaimId, _settings.MaxRounds);
        _waits = new ClaimWaits(context, claim.ClaimId);
        _webhooks = new WebhookFanOut(context, claim, () => _state.Status);
    }

    private DateTimeOffset Now => _waits.Now;

    private RetryPolicy ActivityRetry => new(_settings.ActivityMaxAttempts, _settings.ActivityFirstRetryInterval, 2.0);

    public async Task<ClaimOutcome> RunAsync()
    {
        _startedAt = _claim.SubmittedAt ?? Now;
        Publish();
        try
        {
            var start = NextEvent(ClaimEventTypes.Start, new Dictionary<string, object?>
            {
                ["policyNumber"] = _claim.PolicyNumber,
                ["claimType"] = _claim.ClaimType,
                ["amount"] = _claim.Amount,
                ["currency"] = _claim.Currency,
            });
            _settings = await _context.CallActivityAsync<WorkflowSettings>(nameof(LoadSettingsActivity), _claim.ClaimId);
            _webhooks.Settings = _settings;
            _state = ClaimState.Start(_claim.ClaimId, _settings.MaxRounds);
            var intake = await StepAsync<IntakeResult>(nameof(StartClaimActivity), new StartClaimRequest(_claim, _startedAt, start, _state));
            _state = _state.Intake(intake.RequiredDocuments, intake.ReceivedDocuments);
            _webhooks.Notify(intake.Events);
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.Started(log, _claim.ClaimId, _context.Version, _state.Missing.Count);
            if (intake.NeverPayable is { Count: > 0 })
            {
                // The claim itself fails a rule no document can change (e.g. the incident is outside the policy
                // period): decide now rather than ask the customer for documents for weeks first.
                _state = _state.Working(ClaimPhases.Decision);
                Publish();
                return await CompleteAsync(null, null);
            }

            return await AnalyseAsync();
        }
        catch (ClaimEndedException ended)
        {
            return ended.Outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await FailAsync(ex);
        }
    }

    /// <summary>Document checks and analysis rounds until a decision; a stall or timeout waits for an adjuster, who may re-open the claim.</summary>
    private async Task<ClaimOutcome> AnalyseAsync()
    {
        while (true)
        {
            if (_state.Missing.Count > 0)
            {
                if (!_settings.EnableHumanInTheLoop)
                {
                    return await CompleteAsync(ClaimStatusCodes.Denied, ClaimReasons.MissingDocuments);
                }

                if (!await AwaitDocumentsAsync())
                {
                    if (await NeedAdjusterAsync(ClaimStatusCodes.Timeout, ClaimReasons.DocumentsNotReceived) is { } timedOut)
                    {
                        return timedOut;
                    }

                    continue;
                }
            }

            // Every round is used: documents the last round asked for were still waited for above.
            if (!_state.CanAnalyse)
            {
                if (await NeedAdjusterAsync(ClaimStatusCodes.Timeout, ClaimReasons.MaxRounds) is { } exhausted)
                {
                    return exhausted;
                }

                continue;
            }

            var result = await RunRoundAsync();
            if (result.AdditionalDocuments.Count > 0)
            {
                continue;
            }

            if (result.Recommendation is not null)
            {
                if (await DecideAsync() is { } decided)
                {
                    return decided;
                }

                continue;
            }

            if (_state.RoundsWithoutProgress >= _settings.StallThreshold
                && await NeedAdjusterAsync(ClaimStatusCodes.Stalled, ClaimReasons.NoProgress) is { } stalled)
            {
                return stalled;
            }
        }
    }

    private async Task<RoundResult> RunRoundAsync()
    {
        _state = _state.BeginRound();
        Publish();
        var result = await StepAsync<RoundResult>(
            nameof(RunAnalysisRoundActivity),
            new RoundRequest
            {
                Claim = _claim,
                State = _state,
                SubmittedAt = _startedAt,
                At = Now,
                Event = NextEvent(ClaimEventTypes.Round, null),
            });
        _state = _state.ApplyRound(result);
        _webhooks.Notify(result.Events);
        var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
        WorkflowLog.Round(log, _claim.ClaimId, _state.Rounds, result.NewFindings.Count, result.Recommendation ?? "none");
        return result;
    }

    /// <summary>High-risk claims wait for an adjuster when human-in-the-loop is on; the rest are decided now. Null when a timed-out review was re-opened.</summary>
    private async Task<ClaimOutcome?> DecideAsync()
    {
        if (_settings.EnableHumanInTheLoop && _state.RiskScore >= _settings.HighRiskThreshold)
        {
            return await AwaitReviewAsync();
        }

        _state = _state.Working(ClaimPhases.Decision);
        Publish();
        return await CompleteAsync(null, null);
    }

    /// <summary>Runs an activity with the claim's retry policy; when it still fails, the claim waits in error for an adjuster's retry.</summary>
    /// <remarks>After <see cref="MaxRetriesByHand"/> retries the failure ends the claim as error: a step that never succeeds must not grow the history forever.</remarks>
    private async Task<T> StepAsync<T>(string activity, object input)
    {
        for (var retries = 0; ; retries++)
        {
            try
            {
                return await _context.CallActivityAsync<T>(activity, input, TaskOptions.FromRetryPolicy(ActivityRetry));
            }
            catch (TaskFailedException ex) when (CanWaitForRetry && retries < MaxRetriesByHand)
            {
                var before = _state;
                var error = $"{ex.TaskName}: {ex.FailureDetails.ErrorMessage}";
                var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
                WorkflowLog.Failed(log, _claim.ClaimId, error);
                if (await NeedAdjusterAsync(ClaimStatusCodes.Error, ClaimReasons.UnexpectedError, error) is { } ended)
                {
                    throw new ClaimEndedException(ended);
                }

                // Retried: the claim goes back to the step that failed, as it was.
                _state = before;
                Publish();
            }
        }
    }

    private const int MaxRetriesByHand = 20;

    private bool CanWaitForRetry => _settings.EnableHumanInTheLoop && _settings.AutoCloseAfter > TimeSpan.Zero && !_state.IsClosed;
}

/// <summary>Ends a claim from inside a step (an adjuster decided or closed a claim that was waiting for a retry).</summary>
internal sealed class ClaimEndedException(ClaimOutcome outcome) : Exception($"Claim {outcome.ClaimId} ended {outcome.Status}.")
{
    public ClaimOutcome Outcome { get; } = outcome;
}
