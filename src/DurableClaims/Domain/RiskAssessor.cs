using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>A risk score (0 = no concern, 1 = near-certain fraud) and the indicators behind it.</summary>
public sealed record RiskAssessment(double Score, IReadOnlyList<string> Indicators);

/// <summary>Deterministic fraud/risk indicators: late reporting, new policy, amount near the limit, telling phrases.</summary>
public static class RiskAssessor
{
    /// <summary>Scores a claim; <paramref name="texts"/> are the description and document contents to scan for phrases.</summary>
    public static RiskAssessment Assess(
        ClaimSubmission claim, PolicyRecord? policy, DateTimeOffset submittedAt, IEnumerable<string> texts, RiskRules rules)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(rules);
        var score = rules.BaseScore;
        var indicators = new List<string>();
        var reportedAfter = DateOnly.FromDateTime(submittedAt.UtcDateTime).DayNumber - claim.IncidentDate.DayNumber;
        if (reportedAfter > rules.LateReportingDays)
        {
            score += rules.LateReportingWeight;
            indicators.Add($"Reported {reportedAfter} days after the incident (more than {rules.LateReportingDays}).");
        }

        if (policy is not null)
        {
            var policyAge = claim.IncidentDate.DayNumber - policy.EffectiveFrom.DayNumber;
            if (policyAge >= 0 && policyAge < rules.NewPolicyDays)
            {
                score += rules.NewPolicyWeight;
                indicators.Add($"Incident {policyAge} days after the policy started (less than {rules.NewPolicyDays}).");
            }

            if (policy.CoverageFor(claim.ClaimType) is { } coverage && claim.Amount >= coverage.Limit * (decimal)rules.NearLimitRatio)
            {
                score += rules.NearLimitWeight;
                indicators.Add($"Amount claimed is at least {rules.NearLimitRatio:P0} of the coverage limit.");
            }
        }

        var text = string.Join('\n', texts.Prepend(claim.Description));
        foreach (var keyword in rules.Keywords)
        {
            if (text.Contains(keyword.Keyword, StringComparison.OrdinalIgnoreCase))
            {
                score += keyword.Weight;
                indicators.Add($"{keyword.Indicator} (\"{keyword.Keyword}\").");
            }
        }

        return new RiskAssessment(Math.Round(Math.Clamp(score, 0, 1), 2), indicators);
    }
}
