using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableClaims.Workflow.Activities;

/// <summary>Phase 3: decides (rules + recommendation + adjuster) or records the terminal status, writes the package, saves and archives the session.</summary>
public sealed class CompleteClaimActivity : TaskActivity<CompletionRequest, ClaimOutcome>
{
    private readonly PolicyCatalog _catalog;
    private readonly SessionRecorder _recorder;
    private readonly ISessionStore _sessions;
    private readonly ClaimsOptions _options;

    /// <summary>Creates the activity.</summary>
    public CompleteClaimActivity(PolicyCatalog catalog, SessionRecorder recorder, ISessionStore sessions, IOptions<ClaimsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_catalog, _recorder, _sessions, _options) = (catalog, recorder, sessions, options.Value);
    }

    public override async Task<ClaimOutcome> RunAsync(TaskActivityContext context, CompletionRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = Decide(input);
        await _recorder.RecordAsync(
            new SessionUpdate
            {
                ClaimId = input.Claim.ClaimId,
                StepKey = "complete",
                At = input.At,
                Status = outcome.Status,
                Phase = ClaimPhases.Completed,
                Reason = outcome.Reason,
                Rounds = input.Rounds,
                RiskScore = input.RiskScore,
                MissingDocuments = input.MissingDocuments,
                ReceivedDocuments = input.ReceivedDocuments,
                Findings = input.Findings,
                Messages = [new NewMessage("system", TurnRecording.System, Summary(outcome))],
                Event = ClaimEventFactory.Completion(input.EventId, outcome),
            },
            input.Claim,
            finish: c => c with { Decision = outcome.Decision, PackageMarkdown = outcome.PackageMarkdown, PackageFileName = outcome.PackageFileName });
        if (_recorder.Enabled && _options.ArchiveCompletedSessions)
        {
            await _sessions.ArchiveAsync(input.Claim.ClaimId);
        }

        return outcome;
    }

    private ClaimOutcome Decide(CompletionRequest input)
    {
        var claim = input.Claim;
        var coverage = CoverageRules.Evaluate(claim, _catalog.FindPolicy(claim.PolicyNumber));
        var outcome = new ClaimOutcome
        {
            ClaimId = claim.ClaimId,
            Status = input.Status ?? ClaimStatusCodes.Denied,
            Reason = input.Reason ?? string.Empty,
            ErrorMessage = input.ErrorMessage,
            Rounds = input.Rounds,
            RiskScore = input.RiskScore,
            MissingDocuments = input.MissingDocuments,
            ReceivedDocuments = input.ReceivedDocuments.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToList(),
            CompletedAt = input.At,
        };
        ClaimDecision? decision = null;
        if (input.Status is null)
        {
            decision = DecisionBuilder.Build(new DecisionInput
            {
                Claim = claim,
                Coverage = coverage,
                Recommendation = input.Recommendation,
                RiskScore = input.RiskScore ?? 0,
                HighRiskThreshold = input.HighRiskThreshold,
                Adjuster = input.Adjuster,
                AgentReasons = input.AgentReasons,
                Evidence = input.Evidence,
                DecidedAt = input.At,
            });
            var approved = decision.Outcome == AdjusterDecisions.Approve;
            outcome = outcome with
            {
                Status = approved ? ClaimStatusCodes.Approved : ClaimStatusCodes.Denied,
                Reason = decision.DecidedBy switch
                {
                    DecisionBuilder.ByAdjuster => approved ? ClaimReasons.AdjusterApproved : ClaimReasons.AdjusterDenied,
                    DecisionBuilder.ByRules => ClaimReasons.NotCovered,
                    _ => approved ? ClaimReasons.Covered : ClaimReasons.HighRisk,
                },
            };
        }
        else if (input.Status == ClaimStatusCodes.Denied && input.Reason == ClaimReasons.MissingDocuments)
        {
            decision = MissingDocumentsDenial(input, coverage);
        }

        if (decision is null)
        {
            return outcome;
        }

        var documents = input.ReceivedDocuments.Select(d => $"{_catalog.TitleOf(d.Type)} ({d.Type}): {d.Filename}").ToList();
        return outcome with
        {
            Decision = decision,
            PackageMarkdown = PackageWriter.Write(claim, decision, documents),
            PackageFileName = PackageWriter.FileNameFor(decision),
        };
    }

    private ClaimDecision MissingDocumentsDenial(CompletionRequest input, CoverageEvaluation coverage)
    {
        var missing = string.Join(", ", input.MissingDocuments.Select(d => $"{_catalog.TitleOf(d)} ({d})"));
        return new ClaimDecision
        {
            Outcome = AdjusterDecisions.Deny,
            PolicyNumber = input.Claim.PolicyNumber,
            ClaimedAmount = input.Claim.Amount,
            Deductible = coverage.Deductible,
            CoverageLimit = coverage.Limit,
            Currency = input.Claim.Currency,
            RiskScore = input.RiskScore ?? 0,
            DecidedBy = DecisionBuilder.ByRules,
            Reasons = [$"Required documents were not provided: {missing}. Claims are not held open for documents in this deployment (human-in-the-loop is off)."],
            RulesApplied = [.. coverage.Rules, new AppliedRule("documents.required", "Every required document must be on file.", RuleResults.Failed, $"Missing: {missing}.")],
            Evidence = input.Evidence,
            DecidedAt = input.At,
        };
    }

    private static string Summary(ClaimOutcome outcome) => outcome.Status switch
    {
        ClaimStatusCodes.Approved => $"Claim approved ({outcome.Reason}); payable {CoverageRules.Money(outcome.Decision!.PayableAmount, outcome.Decision.Currency)}.",
        ClaimStatusCodes.Denied => $"Claim denied ({outcome.Reason}).",
        ClaimStatusCodes.Error => $"Claim stopped by an unexpected error: {outcome.ErrorMessage}",
        _ => $"Claim ended {outcome.Status} ({outcome.Reason}).",
    };
}
