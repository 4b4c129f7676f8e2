using System.Text;
using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>Writes the Markdown packages: the hand-off package for payment and the denial letter.</summary>
public static class PackageWriter
{
    /// <summary>File name of the approval package.</summary>
    public const string HandOffFileName = "handoff_package.md";

    /// <summary>File name of the denial package.</summary>
    public const string DenialFileName = "denial_package.md";

    /// <summary>Returns the file name for a decision.</summary>
    public static string FileNameFor(ClaimDecision decision)
        => decision?.Outcome == AdjusterDecisions.Approve ? HandOffFileName : DenialFileName;

    /// <summary>Writes the package for <paramref name="decision"/>.</summary>
    public static string Write(ClaimSubmission claim, ClaimDecision decision, IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome == AdjusterDecisions.Approve ? HandOff(claim, decision, documents) : Denial(claim, decision);
    }

    private static string HandOff(ClaimSubmission claim, ClaimDecision decision, IReadOnlyList<string> documents)
    {
        var text = new StringBuilder();
        Line(text, $"# Hand-off package: claim {claim.ClaimId}");
        Line(text);
        Line(text, "Approved for payment. This package carries everything the payments team needs.");
        Line(text);
        Line(text, "| Field | Value |");
        Line(text, "| --- | --- |");
        Line(text, $"| Claim | {claim.ClaimId} ({claim.ClaimType}) |");
        Line(text, $"| Policy | {claim.PolicyNumber} |");
        Line(text, $"| Payee | {claim.Claimant.Name} <{claim.Claimant.Email}> |");
        Line(text, $"| Incident date | {claim.IncidentDate:yyyy-MM-dd} |");
        Line(text, $"| Claimed | {Money(decision.ClaimedAmount, decision.Currency)} |");
        Line(text, $"| Deductible | {Money(decision.Deductible, decision.Currency)} |");
        Line(text, $"| Coverage limit | {Money(decision.CoverageLimit, decision.Currency)} |");
        Line(text, $"| **Payable amount** | **{Money(decision.PayableAmount, decision.Currency)}** |");
        Line(text, $"| Risk score | {decision.RiskScore:0.00} |");
        Line(text, $"| Decided by | {DecidedBy(decision)} on {decision.DecidedAt:yyyy-MM-dd HH:mm} UTC |");
        Line(text);
        Rules(text, decision);
        Evidence(text, decision);
        Line(text, "## Documents on file");
        Line(text);
        foreach (var document in documents)
        {
            Line(text, $"- {document}");
        }

        Reasons(text, "## Notes", decision);
        return text.ToString();
    }

    private static string Denial(ClaimSubmission claim, ClaimDecision decision)
    {
        var text = new StringBuilder();
        Line(text, $"# Denial package: claim {claim.ClaimId}");
        Line(text);
        Line(text, $"Dear {claim.Claimant.Name},");
        Line(text);
        Line(text, $"we have reviewed your {claim.ClaimType} claim {claim.ClaimId} under policy {claim.PolicyNumber} for {Money(claim.Amount, claim.Currency)} (incident of {claim.IncidentDate:yyyy-MM-dd}). We are sorry to tell you that we cannot pay this claim.");
        Reasons(text, "## Why", decision);
        Rules(text, decision);
        Evidence(text, decision);
        Line(text, "## What you can do");
        Line(text);
        Line(text, "If you believe a fact above is wrong, reply to this letter within 60 days with the documents that show it and quote your claim number; an adjuster who did not take part in this decision will review it.");
        Line(text);
        Line(text, $"Decided by {DecidedBy(decision)} on {decision.DecidedAt:yyyy-MM-dd}.");
        return text.ToString();
    }

    private static void Rules(StringBuilder text, ClaimDecision decision)
    {
        Line(text, "## Rules applied");
        Line(text);
        Line(text, "| Rule | Result | Detail |");
        Line(text, "| --- | --- | --- |");
        foreach (var rule in decision.RulesApplied)
        {
            Line(text, $"| {rule.Id}: {rule.Description} | {rule.Result} | {rule.Detail} |");
        }

        Line(text);
    }

    private static void Evidence(StringBuilder text, ClaimDecision decision)
    {
        Line(text, "## Evidence");
        Line(text);
        foreach (var item in decision.Evidence)
        {
            Line(text, $"- **{item.Source}**: {item.Detail}");
        }

        if (decision.Evidence.Count == 0)
        {
            Line(text, "- No documents were analysed.");
        }

        Line(text);
    }

    private static void Reasons(StringBuilder text, string heading, ClaimDecision decision)
    {
        Line(text);
        Line(text, heading);
        Line(text);
        foreach (var reason in decision.Reasons)
        {
            Line(text, $"- {reason}");
        }

        if (decision.Reasons.Count == 0)
        {
            Line(text, "- All policy rules passed and the analysis found no concerns.");
        }

        Line(text);
    }

    private static string DecidedBy(ClaimDecision decision)
        => decision.DecidedBy == DecisionBuilder.ByAdjuster ? $"adjuster {decision.Adjuster}" : $"the claims {decision.DecidedBy}";

    private static string Money(decimal amount, string currency) => CoverageRules.Money(amount, currency);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
