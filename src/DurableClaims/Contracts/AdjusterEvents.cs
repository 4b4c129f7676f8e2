namespace DurableClaims.Contracts;

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.AdjusterDecision"/> event.</summary>
/// <param name="Decision"><c>approve</c> or <c>deny</c> (see <see cref="AdjusterDecisions"/>).</param>
/// <param name="Adjuster">Who decided.</param>
/// <param name="Notes">Why; quoted in the package.</param>
/// <param name="Amount">The amount an approving adjuster settles on; null pays what the policy allows.</param>
public sealed record AdjusterDecision(string Decision, string Adjuster, string? Notes = null, decimal? Amount = null);

/// <summary>The values of <see cref="AdjusterDecision.Decision"/> and <see cref="ClaimDecision.Outcome"/>.</summary>
public static class AdjusterDecisions
{
    public const string Approve = "approve";
    public const string Deny = "deny";

    /// <summary>Returns whether <paramref name="value"/> is a valid decision (case-insensitive).</summary>
    public static bool IsValid(string? value)
        => string.Equals(value, Approve, StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, Deny, StringComparison.OrdinalIgnoreCase);
}
