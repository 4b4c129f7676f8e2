using System.Globalization;
using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>A risk score (0 = no concern, 1 = near-certain fraud), the indicators behind it and the facts it read.</summary>
public sealed record RiskAssessment(double Score, IReadOnlyList<string> Indicators, IReadOnlyDictionary<string, string>? Inputs = null);

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
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reportedAfterDays"] = reportedAfter.ToString(CultureInfo.InvariantCulture),
            ["amount"] = CoverageRules.Amount(claim.Amount),
        };
        if (reportedAfter > rules.LateReportingDays)
        {
            score += rules.LateReportingWeight;
            indicators.Add($"Reported {reportedAfter} days after the incident (more than {rules.LateReportingDays}).");
        }

        if (policy is not null)
        {
            var policyAge = claim.IncidentDate.DayNumber - policy.EffectiveFrom.DayNumber;
            inputs["policyAgeDays"] = policyAge.ToString(CultureInfo.InvariantCulture);
            if (policyAge >= 0 && policyAge < rules.NewPolicyDays)
            {
                score += rules.NewPolicyWeight;
                indicators.Add($"Incident {policyAge} days after the policy started (less than {rules.NewPolicyDays}).");
            }

            if (policy.CoverageFor(claim.ClaimType) is { } coverage)
            {
                inputs["limit"] = CoverageRules.Amount(coverage.Limit);
                if (claim.Amount >= coverage.Limit * (decimal)rules.NearLimitRatio)
                {
                    score += rules.NearLimitWeight;
                    indicators.Add($"Amount claimed is at least {rules.NearLimitRatio:P0} of the coverage limit.");
                }
            }
        }

        var text = string.Join('\n', texts.Prepend(claim.Description));
        var phrases = rules.Keywords.Where(k => text.Contains(k.Keyword, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var keyword in phrases)
        {
            score += keyword.Weight;
            indicators.Add($"{keyword.Indicator} (\"{keyword.Keyword}\").");
        }

        inputs["phrases"] = string.Join(", ", phrases.Select(k => k.Keyword));

        var rounded = Math.Round(Math.Clamp(score, 0, 1), 2);
        inputs["score"] = rounded.ToString("0.00", CultureInfo.InvariantCulture);
        return new RiskAssessment(rounded, indicators, inputs);
    }
}
