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

/// <summary>Deterministic coverage rules: policy on file, claimant is the holder, type covered, currency, period, exclusions, deductible and limit.</summary>
public static class CoverageRules
{
    /// <summary>The rules the claim itself settles, before any document: when one fails, no document can make the claim payable.</summary>
    public static readonly IReadOnlySet<string> SettledAtIntake = new HashSet<string>(StringComparer.Ordinal)
    {
        "policy.exists", "claimant.holder", "coverage.type", "coverage.currency", "coverage.period",
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
            rules.Add(Rule("policy.exists", "The policy number must be on file.", false, $"No policy {claim.PolicyNumber} was found.", ("policyNumber", claim.PolicyNumber)));
            return new CoverageEvaluation(false, 0, 0, 0, rules);
        }

        rules.Add(Rule("policy.exists", "The policy number must be on file.", true, $"Policy {policy.PolicyNumber} held by {policy.Holder}.", ("policyNumber", claim.PolicyNumber)));

        // Only the holder may claim on a policy; a claim in another person's name is paid to nobody automatically.
        var isHolder = SamePerson(claim.Claimant.Name, policy.Holder);
        rules.Add(Rule(
            "claimant.holder", "The claimant must be the policyholder.", isHolder,
            isHolder ? $"{claim.Claimant.Name} holds policy {policy.PolicyNumber}." : $"The claim is made by {claim.Claimant.Name}; policy {policy.PolicyNumber} is held by {policy.Holder}.",
            ("claimant", claim.Claimant.Name), ("policyHolder", policy.Holder)));

        var coverage = policy.CoverageFor(claim.ClaimType);
        var covered = string.Join(", ", policy.Coverages.Select(c => c.ClaimType));
        rules.Add(coverage is null
            ? Rule("coverage.type", $"The policy must cover {claim.ClaimType} claims.", false, $"Policy {policy.PolicyNumber} covers {covered} only.", ("claimType", claim.ClaimType), ("coveredTypes", covered))
            : Rule("coverage.type", $"The policy must cover {claim.ClaimType} claims.", true, $"{claim.ClaimType} coverage with limit {Money(coverage.Limit, claim.Currency)}.", ("claimType", claim.ClaimType), ("coveredTypes", covered)));

        // Limits and deductibles are amounts in the policy's currency; comparing them with another currency would be meaningless.
        if (policy.Currency is { } currency)
        {
            var sameCurrency = string.Equals(currency, claim.Currency, StringComparison.OrdinalIgnoreCase);
            rules.Add(Rule(
                "coverage.currency", "The claim must be in the policy's currency.", sameCurrency,
                sameCurrency ? $"Claimed in {currency}, the policy's currency." : $"Claimed in {claim.Currency}; policy {policy.PolicyNumber} pays in {currency}. Resubmit the amount in {currency}.",
                ("claimCurrency", claim.Currency), ("policyCurrency", currency)));
        }

        var inPeriod = claim.IncidentDate >= policy.EffectiveFrom && claim.IncidentDate <= policy.EffectiveTo;
        rules.Add(Rule(
            "coverage.period", "The incident must fall within the policy period.", inPeriod,
            $"Incident on {Date(claim.IncidentDate)}; policy period {Date(policy.EffectiveFrom)} to {Date(policy.EffectiveTo)}.",
            ("incidentDate", Date(claim.IncidentDate)), ("effectiveFrom", Date(policy.EffectiveFrom)), ("effectiveTo", Date(policy.EffectiveTo))));
        if (coverage is null)
        {
            return new CoverageEvaluation(false, 0, 0, 0, rules);
        }

        var excluded = coverage.Exclusions.Where(e => claim.Description.Contains(e, StringComparison.OrdinalIgnoreCase)).ToList();
        rules.Add(Rule(
            "coverage.exclusions", "The cause of loss must not be excluded.", excluded.Count == 0,
            excluded.Count == 0 ? $"None of the exclusions ({string.Join(", ", coverage.Exclusions)}) applies." : $"The description names an excluded cause: {string.Join(", ", excluded)}.",
            ("exclusions", string.Join(", ", coverage.Exclusions)), ("matched", string.Join(", ", excluded))));

        var afterDeductible = claim.Amount - coverage.Deductible;
        var deductibleInputs = new[] { ("claimed", Amount(claim.Amount)), ("deductible", Amount(coverage.Deductible)), ("currency", claim.Currency) };
        rules.Add(afterDeductible > 0
            ? new AppliedRule("payout.deductible", "The deductible is subtracted from the claimed amount.", RuleResults.Applied, $"{Money(claim.Amount, claim.Currency)} − {Money(coverage.Deductible, claim.Currency)} = {Money(afterDeductible, claim.Currency)}.", Inputs(deductibleInputs))
            : new AppliedRule("payout.deductible", "The claimed amount must exceed the deductible.", RuleResults.Failed, $"{Money(claim.Amount, claim.Currency)} does not exceed the deductible of {Money(coverage.Deductible, claim.Currency)}.", Inputs(deductibleInputs)));

        var payable = Math.Max(0, Math.Min(afterDeductible, coverage.Limit));
        var limitInputs = Inputs(("afterDeductible", Amount(afterDeductible)), ("limit", Amount(coverage.Limit)), ("payable", Amount(payable)));
        rules.Add(afterDeductible > coverage.Limit
            ? new AppliedRule("payout.limit", "Payment is capped at the coverage limit.", RuleResults.Applied, $"{Money(afterDeductible, claim.Currency)} capped at {Money(coverage.Limit, claim.Currency)}.", limitInputs)
            : new AppliedRule("payout.limit", "Payment is capped at the coverage limit.", RuleResults.Passed, $"{Money(afterDeductible, claim.Currency)} is within the limit of {Money(coverage.Limit, claim.Currency)}.", limitInputs));

        var allPass = rules.All(r => r.Result != RuleResults.Failed);
        return new CoverageEvaluation(allPass, coverage.Deductible, coverage.Limit, allPass ? payable : 0, rules);
    }

    /// <summary>Formats an amount with its currency, e.g. "4,250.00 USD".</summary>
    public static string Money(decimal amount, string currency)
        => string.Create(CultureInfo.InvariantCulture, $"{amount:N2} {currency}");

    /// <summary>Formats an amount as a rule input: invariant, two decimals, no grouping (e.g. "4250.00").</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Builds a rule's <see cref="AppliedRule.Inputs"/> from name/value pairs.</summary>
    public static IReadOnlyDictionary<string, string> Inputs(params (string Name, string Value)[] inputs)
        => inputs.ToDictionary(i => i.Name, i => i.Value, StringComparer.Ordinal);

    private static AppliedRule Rule(string id, string description, bool passed, string detail, params (string Name, string Value)[] inputs)
        => new(id, description, passed ? RuleResults.Passed : RuleResults.Failed, detail, Inputs(inputs));

    /// <summary>Names match ignoring case and runs of whitespace: "dana  whitfield" is Dana Whitfield.</summary>
    private static bool SamePerson(string a, string b)
        => string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
