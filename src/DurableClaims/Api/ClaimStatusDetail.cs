using System.Globalization;
using DurableClaims.Contracts;
using DurableClaims.Domain;

namespace DurableClaims.Api;

/// <summary>The human sentence behind a claim's status and reason code: what happened, and what it is waiting for.</summary>
public static class ClaimStatusDetail
{
    /// <summary>Describes <paramref name="view"/> (its status, reason, documents, deadline and decision); <paramref name="errorMessage"/> is the failing step's message, or the finding behind a stall, if any.</summary>
    public static string Describe(ClaimStatusView view, string? errorMessage = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var code = view.Reason?.Split(':', 2)[0];
        var missing = view.MissingDocuments.Count == 0 ? "the requested documents" : string.Join(", ", view.MissingDocuments);
        var decision = view.Decision;
        var sentence = code switch
        {
            ClaimReasons.AwaitingDocuments => $"Waiting for {missing}{Until(view.Deadline)}.",
            ClaimReasons.AwaitingReview => $"Risk {Risk(view.RiskScore)} needs an adjuster's decision{Until(view.Deadline)}.",
            ClaimReasons.DocumentsNotReceived => $"Timed out: {missing} did not arrive before the deadline.",
            ClaimReasons.ReviewNotReceived => "Timed out: no adjuster decided before the review deadline.",
            ClaimReasons.MaxRounds => $"Still undecided after {view.Rounds} analysis rounds, the most allowed.",
            ClaimReasons.NoProgress => $"The analysis found nothing new for several rounds in a row (round {view.Rounds}){Quote(errorMessage)}; an adjuster should review the findings.",
            ClaimReasons.MissingDocuments => $"Denied: {missing} were not provided, and human review is off.",
            ClaimReasons.Covered when decision is not null => $"Approved: {CoverageRules.Money(decision.PayableAmount, decision.Currency)} payable under policy {decision.PolicyNumber}.",
            ClaimReasons.NotCovered when decision is not null => "Denied: " + string.Join(" ", decision.RulesApplied.Where(r => r.Result == RuleResults.Failed).Select(r => r.Detail ?? r.Description)),
            ClaimReasons.HighRisk => $"Denied: risk {Risk(view.RiskScore)} is above the threshold.",
            ClaimReasons.AdjusterApproved => $"Approved by the adjuster {decision?.Adjuster}.",
            ClaimReasons.AdjusterDenied => $"Denied by the adjuster {decision?.Adjuster}.",
            ClaimReasons.UnexpectedError => "Stopped by an error" + ErrorText(errorMessage ?? view.Reason?.Split(':', 2).ElementAtOrDefault(1)),
            "terminated" => $"Terminated: {view.Reason?.Split(':', 2).ElementAtOrDefault(1)?.Trim()}.",
            _ => view.Status == ClaimStatusCodes.Running ? $"Being processed ({view.Phase ?? ClaimPhases.Intake})." : $"{view.Status} ({view.Reason}).",
        };
        return ClaimAwaiting.IsAdjusterAction(view.Awaiting)
            ? $"{sentence} An adjuster can {string.Join(", ", view.Actions)}{Until(view.Deadline)}; then it closes as {view.Status}."
            : sentence;
    }

    private static string Until(DateTimeOffset? deadline)
        => deadline is { } at ? string.Create(CultureInfo.InvariantCulture, $" until {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : string.Empty;

    private static string Quote(string? finding)
        => string.IsNullOrWhiteSpace(finding) ? string.Empty : $": \"{finding.Split('\n', 2)[0].Trim().TrimEnd('.')}\"";

    private static string Risk(double? risk) => (risk ?? 0).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The failing step and the first line of its message: no stack trace reaches a claimant or adjuster.</summary>
    private static string ErrorText(string? message)
    {
        var line = message?.Split('\n', 2)[0].Trim();
        if (string.IsNullOrEmpty(line))
        {
            return ".";
        }

        var parts = line.Split(": ", 2);
        return parts.Length == 2 && parts[0].EndsWith("Activity", StringComparison.Ordinal)
            ? $" in {parts[0][..^"Activity".Length]}: {parts[1]}"
            : $": {line}";
    }
}
