using System.Text.Json;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>One execution of <see cref="ClaimOrchestrator"/>: the claim's state and its phases.</summary>
internal sealed partial class ClaimRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly ClaimSubmission _claim;
    private readonly List<string> _required = [];
    private readonly List<ReceivedDocument> _received = [];
    private readonly List<string> _missing = [];
    private readonly List<string> _findings = [];
    private readonly List<EvidenceItem> _evidence = [];
    private readonly Dictionary<string, string> _requestReasons = new(StringComparer.Ordinal);
    private readonly List<Task> _deliveries = [];
    private WorkflowSettings _settings = new();
    private DateTimeOffset _startedAt;
    private int _rounds;
    private int _noProgress;
    private int _eventSequence;
    private int _stepSequence;
    private int _reminders;
    private double? _risk;
    private string _status = ClaimStatusCodes.Running;
    private string _phase = ClaimPhases.Intake;
    private string? _reason;
    private string? _awaiting;
    private string? _recommendation;
    private IReadOnlyList<string> _agentReasons = [];
    private DateTimeOffset? _deadline;
    // Payloads are awaited as raw JSON and read here, so a malformed one is ignored: Microsoft's executor
    // converts before completing the wait, and a failed conversion would fail the claim.
    private Task<JsonElement>? _documentsWait;
    private Task<JsonElement>? _reviewWait;

    // The latest timer that fired: the claim's clock never runs behind its own timers. CurrentUtcDateTime
    // is when the current step started, which a fake clock in tests (and a slow backend) can leave behind.
    private DateTimeOffset _timerClock;

    public ClaimRun(TaskOrchestrationContext context, ClaimSubmission claim)
    {
        _context = context;
        _claim = claim;
    }

    private DateTimeOffset Now
    {
        get
        {
            var started = new DateTimeOffset(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));
            return started > _timerClock ? started : _timerClock;
        }
    }

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
            var intake = await _context.CallActivityAsync<IntakeResult>(
                nameof(StartClaimActivity), new StartClaimRequest(_claim, _startedAt, start), TaskOptions.FromRetryPolicy(ActivityRetry));
            _required.AddRange(intake.RequiredDocuments);
            _received.AddRange(intake.ReceivedDocuments);
            var receivedTypes = _received.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
            _missing.AddRange(_required.Where(r => !receivedTypes.Contains(r)));
            Notify(intake.Events);
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.Started(log, _claim.ClaimId, _missing.Count);
            if (intake.NeverPayable is { Count: > 0 })
            {
                // The claim itself fails a rule no document can change (e.g. the incident is outside the policy
                // period): decide now rather than ask the customer for documents for weeks first.
                (_phase, _status) = (ClaimPhases.Decision, ClaimStatusCodes.Running);
                Publish();
                return await CompleteAsync(null, null);
            }

            return await AnalyseAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await FailAsync(ex);
        }
    }

    private RetryPolicy ActivityRetry => new(_settings.ActivityMaxAttempts, _settings.ActivityFirstRetryInterval, 2.0);

    /// <summary>Document check and analysis rounds until a decision, a stall, max rounds or a timeout.</summary>
    private async Task<ClaimOutcome> AnalyseAsync()
    {
        while (_rounds < _settings.MaxRounds)
        {
            if (_missing.Count > 0 && await AwaitDocumentsAsync() is { } ended)
            {
                return ended;
            }

            _rounds++;
            (_status, _phase, _awaiting, _reason, _deadline) = (ClaimStatusCodes.Running, ClaimPhases.Analysis, null, null, null);
            Publish();
            var result = await _context.CallActivityAsync<RoundResult>(
                nameof(RunAnalysisRoundActivity),
                new RoundRequest
                {
                    Claim = _claim,
                    Round = _rounds,
                    SubmittedAt = _startedAt,
                    At = Now,
                    RequiredDocuments = _required,
                    ReceivedDocuments = _received,
                    PreviousFindings = _findings,
                    Event = NextEvent(ClaimEventTypes.Round, null),
                },
                TaskOptions.FromRetryPolicy(ActivityRetry));
            _findings.AddRange(result.NewFindings);
            _evidence.AddRange(result.Evidence.Where(e => !_evidence.Contains(e)));
            _risk = result.RiskScore;
            Notify(result.Events);
            var log = _context.CreateReplaySafeLogger<ClaimOrchestrator>();
            WorkflowLog.Round(log, _claim.ClaimId, _rounds, result.NewFindings.Count, result.Recommendation ?? "none");
            if (result.AdditionalDocuments.Count > 0)
            {
                foreach (var request in result.AdditionalDocuments)
                {
                    _required.Add(request.Type);
                    _missing.Add(request.Type);
                    _requestReasons[request.Type] = request.Reason;
                }

                _noProgress = 0;
                continue;
            }

            if (result.Recommendation is not null)
            {
                _recommendation = result.Recommendation;
                _agentReasons = result.Reasons;
                return await DecideAsync();
            }

            _noProgress = result.Progress ? 0 : _noProgress + 1;
            if (_noProgress >= _settings.StallThreshold)
            {
                return await CompleteAsync(ClaimStatusCodes.Stalled, ClaimReasons.NoProgress);
            }
        }

        // Every round is used: documents the last round asked for are still waited for before the claim times out.
        if (_missing.Count > 0 && await AwaitDocumentsAsync() is { } last)
        {
            return last;
        }

        return await CompleteAsync(ClaimStatusCodes.Timeout, ClaimReasons.MaxRounds);
    }

    /// <summary>Phase 3: high-risk claims wait for an adjuster when human-in-the-loop is on; the rest are decided now.</summary>
    private async Task<ClaimOutcome> DecideAsync()
    {
        if (_settings.EnableHumanInTheLoop && _risk >= _settings.HighRiskThreshold)
        {
            return await AwaitReviewAsync();
        }

        (_phase, _status) = (ClaimPhases.Decision, ClaimStatusCodes.Running);
        Publish();
        return await CompleteAsync(null, null);
    }
}
