using System.Globalization;
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

    /// <summary>How many hex digits of a document's SHA-256 the packages show (the decision JSON has all of it).</summary>
    public const int ShortHashLength = 12;

    /// <summary>Writes the package for <paramref name="decision"/>; <paramref name="titleOf"/> names document types for people.</summary>
    public static string Write(ClaimSubmission claim, ClaimDecision decision, Func<string, string>? titleOf = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(decision);
        titleOf ??= type => type;
        return decision.Outcome == AdjusterDecisions.Approve ? HandOff(claim, decision, titleOf) : Denial(claim, decision, titleOf);
    }

    private static string HandOff(ClaimSubmission claim, ClaimDecision decision, Func<string, string> titleOf)
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
        if (decision.AdjusterAmount is { } settled)
        {
            Line(text, $"| Adjuster settlement | {Money(settled, decision.Currency)} |");
        }

        Line(text, $"| **Payable amount** | **{Money(decision.PayableAmount, decision.Currency)}** |");
        Line(text, $"| Risk score | {decision.RiskScore:0.00} |");
        Line(text, $"| Decided by | {DecidedBy(decision)} on {decision.DecidedAt:yyyy-MM-dd HH:mm} UTC |");
        Line(text, $"| Model | {ModelOf(decision)} |");
        Line(text);
        Rules(text, decision);
        Evidence(text, decision);
        Documents(text, "## Documents on file", decision, titleOf);
        Reasons(text, "## Notes", decision);
        var agentNotes = decision.AgentReasons.Where(r => !decision.Reasons.Contains(r, StringComparer.Ordinal)).ToList();
        if (agentNotes.Count > 0)
        {
            Line(text, "## Agent notes");
            Line(text);
            agentNotes.ForEach(note => Line(text, $"- {note}"));
            Line(text);
        }

        return text.ToString();
    }

    /// <summary>The letter quotes only what argues for the denial (<see cref="ClaimDecision.Reasons"/>), never the agents' free text.</summary>
    private static string Denial(ClaimSubmission claim, ClaimDecision decision, Func<string, string> titleOf)
    {
        var text = new StringBuilder();
        Line(text, $"# Denial package: claim {claim.ClaimId}");
        Line(text);
        Line(text, $"Dear {claim.Claimant.Name},");
        Line(text);
        Line(text, $"we have reviewed your {claim.ClaimType} claim {claim.ClaimId} under policy {claim.PolicyNumber} for {Money(claim.Amount, claim.Currency)} (incident of {claim.IncidentDate:yyyy-MM-dd}). We are sorry to tell you that we cannot pay this claim.");
        Reasons(text, "## Why", decision);
        Rules(text, decision);
        Documents(text, "## Documents we reviewed", decision, titleOf);
        Line(text, "## What you can do");
        Line(text);
        Line(text, "If you believe a fact above is wrong, reply to this letter within 60 days with the documents that show it and quote your claim number; an adjuster who did not take part in this decision will review it.");
        Line(text);
        Line(text, $"Decided by {DecidedBy(decision)} on {decision.DecidedAt:yyyy-MM-dd}. Analysis: {ModelOf(decision)}.");
        return text.ToString();
    }

    private static void Rules(StringBuilder text, ClaimDecision decision)
    {
        Line(text, "## Rules applied");
        Line(text);
        Line(text, "| Rule | Result | Detail | Inputs |");
        Line(text, "| --- | --- | --- | --- |");
        foreach (var rule in decision.RulesApplied)
        {
            var inputs = rule.Inputs is null ? string.Empty : string.Join("; ", rule.Inputs.Where(i => i.Value.Length > 0).Select(i => $"{i.Key}={i.Value}"));
            Line(text, $"| {Cell($"{rule.Id}: {rule.Description}")} | {rule.Result} | {Cell(rule.Detail)} | {Cell(inputs)} |");
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

    private static void Documents(StringBuilder text, string heading, ClaimDecision decision, Func<string, string> titleOf)
    {
        Line(text, heading);
        Line(text);
        foreach (var document in decision.Documents)
        {
            Line(text, $"- {DocumentLine(document, titleOf)}");
        }

        if (decision.Documents.Count == 0)
        {
            Line(text, "- None.");
        }

        Line(text);
    }

    /// <summary>Formats a document as the packages list it: title, type, file, short SHA-256 and size.</summary>
    public static string DocumentLine(DecisionDocument document, Func<string, string>? titleOf = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fingerprint = document.Sha256 is { Length: > 0 } hash
            ? $"SHA-256 {hash[..Math.Min(ShortHashLength, hash.Length)]}"
            : "content not read";
        var size = document.Size is { } bytes ? string.Create(CultureInfo.InvariantCulture, $", {bytes:N0} bytes") : string.Empty;
        return $"{(titleOf ?? (t => t))(document.Type)} ({document.Type}): {document.Filename} ({fingerprint}{size})";
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
            Line(text, decision.Outcome == AdjusterDecisions.Approve ? "- All policy rules passed and the analysis found no concerns." : "- The analysis did not support payment.");
        }

        Line(text);
    }

    private static string DecidedBy(ClaimDecision decision)
        => decision.DecidedBy == DecisionBuilder.ByAdjuster ? $"adjuster {decision.Adjuster}" : $"the claims {decision.DecidedBy}";

    private static string ModelOf(ClaimDecision decision) => decision.ModelVersion ?? "no model took part";

    private static string Cell(string? value) => (value ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Money(decimal amount, string currency) => CoverageRules.Money(amount, currency);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
