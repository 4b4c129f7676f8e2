using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>Combines the policy rules, the agents' recommendation and an adjuster's decision into an explainable <see cref="ClaimDecision"/>.</summary>
public static class DecisionBuilder
{
    /// <summary>Who can decide.</summary>
    public const string ByAgents = "agents";
    public const string ByRules = "rules";
    public const string ByAdjuster = "adjuster";

    /// <summary>Builds the decision; the rules veto an agent approval, an adjuster overrides both.</summary>
    public static ClaimDecision Build(DecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var claim = input.Claim;
        var coverage = input.Coverage;
        var rules = new List<AppliedRule>(coverage.Rules);
        var reasons = new List<string>();
        string outcome;
        string decidedBy;
        if (input.Adjuster is { } adjuster)
        {
            outcome = string.Equals(adjuster.Decision, AdjusterDecisions.Approve, StringComparison.OrdinalIgnoreCase) ? AdjusterDecisions.Approve : AdjusterDecisions.Deny;
            decidedBy = ByAdjuster;
            rules.Add(new AppliedRule("review.adjuster", "High-risk claims are decided by an adjuster.", RuleResults.Applied, $"{adjuster.Adjuster} decided to {outcome}."));
            reasons.Add($"Adjuster {adjuster.Adjuster} decided to {outcome}{(string.IsNullOrWhiteSpace(adjuster.Notes) ? "." : $": {adjuster.Notes}")}");
        }
        else if (!coverage.Covered)
        {
            outcome = AdjusterDecisions.Deny;
            decidedBy = ByRules;
        }
        else
        {
            outcome = input.Recommendation == AdjusterDecisions.Approve ? AdjusterDecisions.Approve : AdjusterDecisions.Deny;
            decidedBy = ByAgents;
        }

        reasons.AddRange(coverage.Failed.Select(r => $"{r.Description} {r.Detail}"));
        if (input.Adjuster is null && coverage.Covered && outcome == AdjusterDecisions.Deny)
        {
            rules.Add(input.RiskScore >= input.HighRiskThreshold
                ? new AppliedRule("risk.threshold", FormattableString.Invariant($"Claims with a risk score of {input.HighRiskThreshold:0.00} or more are not paid automatically."), RuleResults.Failed, FormattableString.Invariant($"Risk score {input.RiskScore:0.00}."))
                : new AppliedRule("analysis.recommendation", "The analysts must recommend payment.", RuleResults.Failed, "The analysts recommended denial."));
        }

        reasons.AddRange(input.AgentReasons.Where(r => !reasons.Contains(r, StringComparer.Ordinal)));
        var payable = outcome == AdjusterDecisions.Approve ? PayableForApproval(claim, coverage) : 0m;
        return new ClaimDecision
        {
            Outcome = outcome,
            PolicyNumber = claim.PolicyNumber,
            ClaimedAmount = claim.Amount,
            Deductible = coverage.Deductible,
            CoverageLimit = coverage.Limit,
            PayableAmount = payable,
            Currency = claim.Currency,
            RiskScore = input.RiskScore,
            DecidedBy = decidedBy,
            Adjuster = input.Adjuster?.Adjuster,
            AdjusterNotes = input.Adjuster?.Notes,
            Reasons = reasons,
            RulesApplied = rules,
            Evidence = input.Evidence,
            DecidedAt = input.DecidedAt,
        };
    }

    /// <summary>An adjuster may approve what the rules would refuse; the payment still respects deductible and limit.</summary>
    private static decimal PayableForApproval(ClaimSubmission claim, CoverageEvaluation coverage)
        => coverage.Covered ? coverage.PayableAmount : Math.Max(0, Math.Min(claim.Amount - coverage.Deductible, coverage.Limit));
}

/// <summary>What <see cref="DecisionBuilder.Build"/> combines.</summary>
public sealed record DecisionInput
{
    public required ClaimSubmission Claim { get; init; }

    public required CoverageEvaluation Coverage { get; init; }

    /// <summary>Gets the agents' recommendation (<c>approve</c>/<c>deny</c>).</summary>
    public string? Recommendation { get; init; }

    public double RiskScore { get; init; }

    public double HighRiskThreshold { get; init; }

    public AdjusterDecision? Adjuster { get; init; }

    public IReadOnlyList<string> AgentReasons { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    public DateTimeOffset DecidedAt { get; init; }
}
