using System.Globalization;
using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>Combines the policy rules, the agents' recommendation and an adjuster's decision into an explainable <see cref="ClaimDecision"/>.</summary>
public static class DecisionBuilder
{
    /// <summary>Who can decide.</summary>
    public const string ByAgents = "agents";
    public const string ByRules = "rules";
    public const string ByAdjuster = "adjuster";

    /// <summary>Builds the decision; the rules (coverage and the risk threshold) veto an agent approval, an adjuster overrides both.</summary>
    public static ClaimDecision Build(DecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var claim = input.Claim;
        var coverage = input.Coverage;
        var risk = Math.Max(input.RiskScore, input.Risk?.Score ?? 0);
        var highRisk = risk >= input.HighRiskThreshold;
        var rules = new List<AppliedRule>(coverage.Rules) { RiskRule(input, risk, highRisk) };
        string outcome;
        string decidedBy;
        if (input.Adjuster is { } adjuster)
        {
            outcome = string.Equals(adjuster.Decision, AdjusterDecisions.Approve, StringComparison.OrdinalIgnoreCase) ? AdjusterDecisions.Approve : AdjusterDecisions.Deny;
            decidedBy = ByAdjuster;
            rules.Add(new AppliedRule(
                "review.adjuster", "High-risk claims are decided by an adjuster.", RuleResults.Applied, $"{adjuster.Adjuster} decided to {outcome}.",
                CoverageRules.Inputs(("adjuster", adjuster.Adjuster), ("decision", outcome))));
        }
        else if (!coverage.Covered || highRisk)
        {
            // A model's approval never pays a claim a rule refuses: the rules decide, whatever the agents recommended.
            outcome = AdjusterDecisions.Deny;
            decidedBy = ByRules;
        }
        else
        {
            outcome = input.Recommendation == AdjusterDecisions.Approve ? AdjusterDecisions.Approve : AdjusterDecisions.Deny;
            decidedBy = ByAgents;
            if (outcome == AdjusterDecisions.Deny)
            {
                rules.Add(new AppliedRule(
                    "analysis.recommendation", "The analysts must recommend payment.", RuleResults.Failed, "The analysts recommended denial.",
                    CoverageRules.Inputs(("recommendation", input.Recommendation ?? "none"))));
            }
        }

        var payable = 0m;
        if (outcome == AdjusterDecisions.Approve)
        {
            payable = PolicyAllows(claim, coverage);
            if (input.Adjuster?.Amount is { } settled)
            {
                var capped = Math.Max(0, Math.Min(settled, payable));
                rules.Add(AdjusterAmountRule(claim, settled, payable, capped));
                payable = capped;
            }
        }

        return new ClaimDecision
        {
            Outcome = outcome,
            PolicyNumber = claim.PolicyNumber,
            ClaimedAmount = claim.Amount,
            Deductible = coverage.Deductible,
            CoverageLimit = coverage.Limit,
            PayableAmount = payable,
            Currency = claim.Currency,
            RiskScore = risk,
            DecidedBy = decidedBy,
            Adjuster = input.Adjuster?.Adjuster,
            AdjusterNotes = input.Adjuster?.Notes,
            AdjusterAmount = input.Adjuster?.Amount,
            Reasons = outcome == AdjusterDecisions.Approve ? ApprovalReasons(input, rules) : DenialReasons(input, coverage, risk, highRisk),
            RulesApplied = rules,
            Evidence = input.Evidence,
            Documents = input.Documents,
            AgentRecommendation = input.Recommendation,
            AgentReasons = input.AgentReasons,
            ModelVersion = input.ModelVersion,
            DecidedAt = input.DecidedAt,
        };
    }

    /// <summary>What the policy pays on an approval: an adjuster may approve what the rules would refuse, but the deductible and limit still hold.</summary>
    private static decimal PolicyAllows(ClaimSubmission claim, CoverageEvaluation coverage)
        => coverage.Covered ? coverage.PayableAmount : Math.Max(0, Math.Min(claim.Amount - coverage.Deductible, coverage.Limit));

    private static AppliedRule RiskRule(DecisionInput input, double risk, bool highRisk)
    {
        var indicators = input.Risk?.Indicators ?? [];
        var inputs = new Dictionary<string, string>(input.Risk?.Inputs ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["score"] = Score(risk),
            ["rulesScore"] = Score(input.Risk?.Score ?? 0),
            ["modelScore"] = Score(input.RiskScore),
            ["threshold"] = Score(input.HighRiskThreshold),
            ["indicators"] = string.Join(" ", indicators),
        };
        var detail = $"Risk score {Score(risk)} (rules {Score(input.Risk?.Score ?? 0)}, analysts {Score(input.RiskScore)})"
            + (indicators.Count == 0 ? "; no fraud indicators." : $": {string.Join(" ", indicators)}");
        return new AppliedRule(
            "risk.threshold", $"Claims with a risk score of {Score(input.HighRiskThreshold)} or more are not paid automatically.",
            highRisk ? RuleResults.Failed : RuleResults.Passed, detail, inputs);
    }

    private static AppliedRule AdjusterAmountRule(ClaimSubmission claim, decimal settled, decimal allowed, decimal paid)
    {
        var detail = paid == settled
            ? $"The adjuster settled on {CoverageRules.Money(settled, claim.Currency)}; the policy allows up to {CoverageRules.Money(allowed, claim.Currency)}."
            : $"The adjuster settled on {CoverageRules.Money(settled, claim.Currency)}, capped at the {CoverageRules.Money(paid, claim.Currency)} the policy allows.";
        return new AppliedRule(
            "payout.adjuster", "An adjuster's settlement is paid up to what the policy allows.", RuleResults.Applied, detail,
            CoverageRules.Inputs(("adjusterAmount", CoverageRules.Amount(settled)), ("policyAllows", CoverageRules.Amount(allowed)), ("payable", CoverageRules.Amount(paid))));
    }

    private static List<string> ApprovalReasons(DecisionInput input, List<AppliedRule> rules)
    {
        var reasons = new List<string>();
        if (input.Adjuster is { } adjuster)
        {
            reasons.Add(AdjusterReason(adjuster, AdjusterDecisions.Approve));
            reasons.AddRange(rules.Where(r => r.Id == "payout.adjuster").Select(r => r.Detail!));
            return reasons;
        }

        reasons.AddRange(input.AgentReasons.Distinct(StringComparer.Ordinal));
        return reasons;
    }

    /// <summary>Only what argues for the denial: an adjuster's notes, the failed rules, the risk indicators that tipped it, or the analysts' reasons when they alone denied.</summary>
    private static List<string> DenialReasons(DecisionInput input, CoverageEvaluation coverage, double risk, bool highRisk)
    {
        var reasons = new List<string>();
        if (input.Adjuster is { } adjuster)
        {
            reasons.Add(AdjusterReason(adjuster, AdjusterDecisions.Deny));
        }

        reasons.AddRange(coverage.Failed.Select(r => $"{r.Description} {r.Detail}"));
        if (input.Adjuster is not null)
        {
            return reasons;
        }

        if (highRisk)
        {
            var rulesScore = input.Risk?.Score ?? 0;
            reasons.Add(rulesScore >= risk
                ? $"The risk score of {Score(risk)} is at or above the threshold of {Score(input.HighRiskThreshold)} for automatic payment."
                : $"The risk analysis scored this claim {Score(risk)}, at or above the threshold of {Score(input.HighRiskThreshold)} for automatic payment.");
            reasons.AddRange(input.Risk?.Indicators ?? []);
        }

        if (coverage.Covered && !highRisk)
        {
            // Here the analysts' own recommendation denied the claim, so their reasons are the reasons for the denial.
            reasons.AddRange(input.AgentReasons.Distinct(StringComparer.Ordinal));
        }

        return reasons;
    }

    private static string AdjusterReason(AdjusterDecision adjuster, string outcome)
        => $"Adjuster {adjuster.Adjuster} decided to {outcome}{(string.IsNullOrWhiteSpace(adjuster.Notes) ? "." : $": {adjuster.Notes}")}";

    private static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="DecisionBuilder.Build"/> combines.</summary>
public sealed record DecisionInput
{
    public required ClaimSubmission Claim { get; init; }

    public required CoverageEvaluation Coverage { get; init; }

    /// <summary>Gets the deterministic risk assessment: the floor under <see cref="RiskScore"/>; null when unknown.</summary>
    public RiskAssessment? Risk { get; init; }

    /// <summary>Gets the agents' recommendation (<c>approve</c>/<c>deny</c>).</summary>
    public string? Recommendation { get; init; }

    /// <summary>Gets the analysts' risk score; the decision uses the higher of it and <see cref="Risk"/>'s.</summary>
    public double RiskScore { get; init; }

    public double HighRiskThreshold { get; init; }

    public AdjusterDecision? Adjuster { get; init; }

    public IReadOnlyList<string> AgentReasons { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    public IReadOnlyList<DecisionDocument> Documents { get; init; } = [];

    /// <summary>Gets the model and prompt version the agents ran on.</summary>
    public string? ModelVersion { get; init; }

    public DateTimeOffset DecidedAt { get; init; }
}
