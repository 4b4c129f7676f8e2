using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>The deterministic results every round and every decision start from: the coverage rules and the fraud indicators.</summary>
/// <remarks>A model may add findings and raise the risk; it can never lower the score or silence a failed rule.</remarks>
/// <param name="Coverage">The coverage rules' results.</param>
/// <param name="Risk">The deterministic risk assessment.</param>
public sealed record RuleFloor(CoverageEvaluation Coverage, RiskAssessment Risk)
{
    /// <summary>The evidence source of the deterministic risk indicators.</summary>
    public const string RiskSource = "risk";

    /// <summary>Evaluates the rules for a claim; <paramref name="texts"/> are the documents' contents scanned for telling phrases.</summary>
    public static RuleFloor Evaluate(ClaimSubmission claim, PolicyRecord? policy, DateTimeOffset submittedAt, IEnumerable<string> texts, RiskRules rules)
        => new(CoverageRules.Evaluate(claim, policy), RiskAssessor.Assess(claim, policy, submittedAt, texts, rules));

    /// <summary>Gets the findings the rules put on record: each failed rule and each risk indicator.</summary>
    /// <remarks>The wording is the offline analyst's, so the same fact from the rules and from an agent counts once.</remarks>
    public IReadOnlyList<string> Findings => [.. Coverage.Failed.Select(FailedRuleFinding), .. Risk.Indicators];

    /// <summary>Gets the risk indicators as evidence items.</summary>
    public IReadOnlyList<EvidenceItem> Evidence => [.. Risk.Indicators.Select(i => new EvidenceItem(RiskSource, i))];

    /// <summary>Returns the risk a decision uses: the model's score when it is higher, never lower than the rules' score.</summary>
    public double RiskScore(double? modelScore) => Math.Max(Risk.Score, modelScore ?? 0);

    /// <summary>Formats the finding for a failed rule.</summary>
    public static string FailedRuleFinding(AppliedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"Policy rule {rule.Id} fails: {rule.Detail}";
    }
}
