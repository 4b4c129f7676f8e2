using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Documents;
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
    private readonly IDocumentStore _documents;
    private readonly DocumentReader _reader;
    private readonly ClaimsOptions _options;

    /// <summary>Creates the activity.</summary>
    public CompleteClaimActivity(
        PolicyCatalog catalog, SessionRecorder recorder, ISessionStore sessions, IDocumentStore documents, DocumentReader reader, IOptions<ClaimsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_catalog, _recorder, _sessions, _documents, _reader, _options) = (catalog, recorder, sessions, documents, reader, options.Value);
    }

    public override async Task<ClaimOutcome> RunAsync(TaskActivityContext context, CompletionRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decides = input.Status is null || (input.Status == ClaimStatusCodes.Denied && input.Reason == ClaimReasons.MissingDocuments);
        var outcome = Decide(input, decides ? await EvidenceAsync(input) : null);
        await _recorder.RecordAsync(
            new SessionUpdate
            {
                State = input.State.Complete(outcome),
                StepKey = "complete",
                At = input.At,
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

    /// <summary>What a decision rests on: the rules' floor, recomputed from the stored documents, and each document's fingerprint.</summary>
    private sealed record DecisionEvidence(RuleFloor Floor, IReadOnlyList<DecisionDocument> Documents);

    private async Task<DecisionEvidence> EvidenceAsync(CompletionRequest input)
    {
        var claim = input.Claim;
        var received = input.State.Received.DistinctBy(d => (d.Type, d.Filename)).ToList();
        var texts = await _reader.ReadAsync(claim.ClaimId, received, CancellationToken.None);
        var floor = RuleFloor.Evaluate(
            claim, _catalog.FindPolicy(claim.PolicyNumber), await SubmittedAtAsync(input),
            texts.Select(d => d.Content).OfType<string>(), _catalog.Requirements.Risk);
        var documents = new List<DecisionDocument>();
        foreach (var document in received)
        {
            documents.Add(await FingerprintAsync(claim.ClaimId, document));
        }

        return new DecisionEvidence(floor, documents);
    }

    /// <summary>The clock late reporting counts from, as the rounds used it: the submission time, else when the claim started.</summary>
    private async Task<DateTimeOffset> SubmittedAtAsync(CompletionRequest input)
    {
        if (input.Claim.SubmittedAt is { } submitted)
        {
            return submitted;
        }

        var session = _recorder.Enabled ? await _sessions.LoadStateAsync(input.Claim.ClaimId) : null;
        return session?.Metadata.CreatedAt ?? input.At;
    }

    /// <summary>Hashes the stored content, so the decision cites the bytes on file now rather than a hash recorded (or set) when they arrived.</summary>
    /// <remarks>A document no longer in the store keeps the fingerprint its receipt recorded, if any.</remarks>
    private async Task<DecisionDocument> FingerprintAsync(string claimId, ReceivedDocument document)
    {
        var stream = ClaimIds.IsSafeSegment(document.Type) && ClaimIds.IsSafeSegment(document.Filename)
            ? await _documents.OpenReadAsync(claimId, document.Type, document.Filename)
            : null;
        if (stream is null)
        {
            return new DecisionDocument(document.Type, document.Filename, document.Sha256, document.Size, document.MediaType);
        }

        await using (stream)
        {
            var fingerprint = await DocumentFingerprint.ComputeAsync(stream);
            return new DecisionDocument(document.Type, document.Filename, fingerprint.Sha256, fingerprint.Size, document.MediaType);
        }
    }

    private ClaimOutcome Decide(CompletionRequest input, DecisionEvidence? evidence)
    {
        var claim = input.Claim;
        var outcome = new ClaimOutcome
        {
            ClaimId = claim.ClaimId,
            Status = input.Status ?? ClaimStatusCodes.Denied,
            Reason = input.Reason ?? string.Empty,
            ErrorMessage = input.ErrorMessage,
            Rounds = input.State.Rounds,
            RiskScore = input.State.RiskScore,
            MissingDocuments = input.State.Missing,
            ReceivedDocuments = input.State.Received.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToList(),
            CompletedAt = input.At,
        };
        if (evidence is null)
        {
            return outcome;
        }

        var coverage = evidence.Floor.Coverage;
        ClaimDecision decision;
        if (input.Status is null)
        {
            decision = DecisionBuilder.Build(new DecisionInput
            {
                Claim = claim,
                Coverage = coverage,
                Risk = evidence.Floor.Risk,
                Recommendation = input.State.Recommendation,
                RiskScore = input.State.RiskScore ?? 0,
                HighRiskThreshold = input.HighRiskThreshold,
                Adjuster = input.Adjuster,
                AgentReasons = input.State.AgentReasons,
                Evidence = input.State.Evidence,
                Documents = evidence.Documents,
                ModelVersion = input.State.ModelVersion,
                DecidedAt = input.At,
            });
            var approved = decision.Outcome == AdjusterDecisions.Approve;
            outcome = outcome with
            {
                Status = approved ? ClaimStatusCodes.Approved : ClaimStatusCodes.Denied,
                Reason = decision.DecidedBy switch
                {
                    DecisionBuilder.ByAdjuster => approved ? ClaimReasons.AdjusterApproved : ClaimReasons.AdjusterDenied,
                    DecisionBuilder.ByRules => coverage.Covered ? ClaimReasons.HighRisk : ClaimReasons.NotCovered,
                    _ => approved ? ClaimReasons.Covered : ClaimReasons.HighRisk,
                },
                RiskScore = decision.RiskScore,
            };
        }
        else
        {
            decision = MissingDocumentsDenial(input, evidence);
        }

        return outcome with
        {
            Decision = decision,
            PackageMarkdown = PackageWriter.Write(claim, decision, _catalog.TitleOf),
            PackageFileName = PackageWriter.FileNameFor(decision),
        };
    }

    private ClaimDecision MissingDocumentsDenial(CompletionRequest input, DecisionEvidence evidence)
    {
        var coverage = evidence.Floor.Coverage;
        var missing = string.Join(", ", input.State.Missing.Select(d => $"{_catalog.TitleOf(d)} ({d})"));
        return new ClaimDecision
        {
            Outcome = AdjusterDecisions.Deny,
            PolicyNumber = input.Claim.PolicyNumber,
            ClaimedAmount = input.Claim.Amount,
            Deductible = coverage.Deductible,
            CoverageLimit = coverage.Limit,
            Currency = input.Claim.Currency,
            RiskScore = evidence.Floor.RiskScore(input.State.RiskScore),
            DecidedBy = DecisionBuilder.ByRules,
            Reasons = [$"Required documents were not provided: {missing}. Claims are not held open for documents in this deployment (human-in-the-loop is off)."],
            RulesApplied =
            [
                .. coverage.Rules,
                new AppliedRule(
                    "documents.required", "Every required document must be on file.", RuleResults.Failed, $"Missing: {missing}.",
                    CoverageRules.Inputs(("missing", string.Join(", ", input.State.Missing)), ("received", string.Join(", ", input.State.Received.Select(d => d.Type).Distinct(StringComparer.Ordinal))))),
            ],
            Evidence = input.State.Evidence,
            Documents = evidence.Documents,
            AgentRecommendation = input.State.Recommendation,
            AgentReasons = input.State.AgentReasons,
            ModelVersion = input.State.ModelVersion,
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
