using System.Globalization;
using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>The outcome of the policy rules for one claim: covered or not, and the payable amount.</summary>
public sealed record CoverageEvaluation(
    bool Covered, decimal Deductible, decimal Limit, decimal PayableAmount, IReadOnlyList<AppliedRule> Rules)
{
    /// <summary>Gets the rules that failed.</summary>
    public IEnumerable<AppliedRule> Failed => Rules.Where(r => r.Result == RuleResults.Failed);
}

/// <summary>Rule result values.</summary>
public static class RuleResults
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Applied = "applied";
}

/// <summary>Deterministic coverage rules: policy on file, type covered, period, exclusions, deductible and limit.</summary>
public static class CoverageRules
{
    /// <summary>The rules the claim itself settles, before any document: when one fails, no document can make the claim payable.</summary>
    public static readonly IReadOnlySet<string> SettledAtIntake = new HashSet<string>(StringComparer.Ordinal)
    {
        "policy.exists", "coverage.type", "coverage.currency", "coverage.period",
    };

    /// <summary>The rules the submission fails that no document can fix (see <see cref="SettledAtIntake"/>).</summary>
    public static IReadOnlyList<AppliedRule> NeverPayable(ClaimSubmission claim, PolicyRecord? policy)
        => [.. Evaluate(claim, policy).Failed.Where(r => SettledAtIntake.Contains(r.Id))];

    /// <summary>Evaluates the claim against the policy (null when the policy is not on file).</summary>
    public static CoverageEvaluation Evaluate(ClaimSubmission claim, PolicyRecord? policy)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var rules = new List<AppliedRule>();
        if (policy is null)
        {
            rules.Add(new AppliedRule("policy.exists", "The policy number must be on file.", RuleResults.Failed, $"No policy {claim.PolicyNumber} was found."));
            return new CoverageEvaluation(false, 0, 0, 0, rules);
        }

        rules.Add(new AppliedRule("policy.exists", "The policy number must be on file.", RuleResults.Passed, $"Policy {policy.PolicyNumber} held by {policy.Holder}."));
        var coverage = policy.CoverageFor(claim.ClaimType);
        rules.Add(coverage is null
            ? new AppliedRule("coverage.type", $"The policy must cover {claim.ClaimType} claims.", RuleResults.Failed, $"Policy {policy.PolicyNumber} covers {string.Join(", ", policy.Coverages.Select(c => c.ClaimType))} only.")
            : new AppliedRule("coverage.type", $"The policy must cover {claim.ClaimType} claims.", RuleResults.Passed, $"{claim.ClaimType} coverage with limit {Money(coverage.Limit, claim.Currency)}."));

        // Limits and deductibles are amounts in the policy's currency; comparing them with another currency would be meaningless.
        if (policy.Currency is { } currency)
        {
            var sameCurrency = string.Equals(currency, claim.Currency, StringComparison.OrdinalIgnoreCase);
            rules.Add(new AppliedRule(
                "coverage.currency", "The claim must be in the policy's currency.", sameCurrency ? RuleResults.Passed : RuleResults.Failed,
                sameCurrency ? $"Claimed in {currency}, the policy's currency." : $"Claimed in {claim.Currency}; policy {policy.PolicyNumber} pays in {currency}. Resubmit the amount in {currency}."));
        }

        var inPeriod = claim.IncidentDate >= policy.EffectiveFrom && claim.IncidentDate <= policy.EffectiveTo;
        rules.Add(new AppliedRule(
            "coverage.period", "The incident must fall within the policy period.", inPeriod ? RuleResults.Passed : RuleResults.Failed,
            $"Incident on {Date(claim.IncidentDate)}; policy period {Date(policy.EffectiveFrom)} to {Date(policy.EffectiveTo)}."));
        if (coverage is null)
        {
            return new CoverageEvaluation(false, 0, 0, 0, rules);
        }

        var excluded = coverage.Exclusions.Where(e => claim.Description.Contains(e, StringComparison.OrdinalIgnoreCase)).ToList();
        rules.Add(excluded.Count == 0
            ? new AppliedRule("coverage.exclusions", "The cause of loss must not be excluded.", RuleResults.Passed, $"None of the exclusions ({string.Join(", ", coverage.Exclusions)}) applies.")
            : new AppliedRule("coverage.exclusions", "The cause of loss must not be excluded.", RuleResults.Failed, $"The description names an excluded cause: {string.Join(", ", excluded)}."));

        var afterDeductible = claim.Amount - coverage.Deductible;
        rules.Add(afterDeductible > 0
            ? new AppliedRule("payout.deductible", "The deductible is subtracted from the claimed amount.", RuleResults.Applied, $"{Money(claim.Amount, claim.Currency)} − {Money(coverage.Deductible, claim.Currency)} = {Money(afterDeductible, claim.Currency)}.")
            : new AppliedRule("payout.deductible", "The claimed amount must exceed the deductible.", RuleResults.Failed, $"{Money(claim.Amount, claim.Currency)} does not exceed the deductible of {Money(coverage.Deductible, claim.Currency)}."));

        var payable = Math.Max(0, Math.Min(afterDeductible, coverage.Limit));
        rules.Add(afterDeductible > coverage.Limit
            ? new AppliedRule("payout.limit", "Payment is capped at the coverage limit.", RuleResults.Applied, $"{Money(afterDeductible, claim.Currency)} capped at {Money(coverage.Limit, claim.Currency)}.")
            : new AppliedRule("payout.limit", "Payment is capped at the coverage limit.", RuleResults.Passed, $"{Money(afterDeductible, claim.Currency)} is within the limit of {Money(coverage.Limit, claim.Currency)}."));

        var covered = rules.All(r => r.Result != RuleResults.Failed);
        return new CoverageEvaluation(covered, coverage.Deductible, coverage.Limit, covered ? payable : 0, rules);
    }

    /// <summary>Formats an amount with its currency, e.g. "4,250.00 USD".</summary>
    public static string Money(decimal amount, string currency)
        => string.Create(CultureInfo.InvariantCulture, $"{amount:N2} {currency}");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
