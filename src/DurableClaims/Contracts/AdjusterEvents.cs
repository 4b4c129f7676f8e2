namespace DurableClaims.Contracts;

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.AdjusterDecision"/> event.</summary>
/// <param name="Decision"><c>approve</c> or <c>deny</c> (see <see cref="AdjusterDecisions"/>).</param>
/// <param name="Adjuster">Who decided.</param>
/// <param name="Notes">Why; quoted in the package.</param>
/// <param name="Amount">The amount an approving adjuster settles on; null pays what the policy allows.</param>
/// <param name="Authenticated">Whether <paramref name="Adjuster"/> is the user the host authenticated (bearer token, App Service authentication) rather than a name the caller typed.</param>
public sealed record AdjusterDecision(string Decision, string Adjuster, string? Notes = null, decimal? Amount = null, bool Authenticated = false);

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

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.AdjusterAction"/> event: what an adjuster does with a claim that needs one.</summary>
/// <param name="Action">One of <see cref="AdjusterActions"/>.</param>
/// <param name="Adjuster">Who acts.</param>
/// <param name="Notes">Why; recorded on the claim's timeline.</param>
/// <param name="Decision">For <see cref="AdjusterActions.Decide"/>: the decision.</param>
/// <param name="Documents">For <see cref="AdjusterActions.Reopen"/>: the document types to ask the customer for.</param>
/// <param name="Authenticated">Whether <paramref name="Adjuster"/> is the user the host authenticated rather than a name the caller typed.</param>
public sealed record AdjusterAction(
    string Action, string Adjuster, string? Notes = null, AdjusterDecision? Decision = null, IReadOnlyList<string>? Documents = null, bool Authenticated = false);

/// <summary>The values of <see cref="AdjusterAction.Action"/>.</summary>
public static class AdjusterActions
{
    /// <summary>Approve or deny by hand (any claim that needs an adjuster).</summary>
    public const string Decide = "decide";

    /// <summary>Ask the customer for documents again with a new deadline (stalled or timed-out claims).</summary>
    public const string Reopen = "reopen";

    /// <summary>Run the failed step again (claims in error).</summary>
    public const string Retry = "retry";

    /// <summary>Close the claim with the status it has.</summary>
    public const string Close = "close";

    /// <summary>Send the customer a reminder of the missing documents now (claims waiting for documents, workflow version 2 on).</summary>
    public const string Remind = "remind";

    /// <summary>Returns the actions a claim that waits for <paramref name="awaiting"/> accepts.</summary>
    /// <param name="awaiting">What the claim waits for (see <see cref="ClaimAwaiting"/>).</param>
    /// <param name="remindsOnDemand">Whether the claim's workflow version sends a reminder when asked (version 2 on); claims of version 1 do not listen while they wait for documents.</param>
    public static IReadOnlyList<string> For(string? awaiting, bool remindsOnDemand = false) => awaiting switch
    {
        ClaimAwaiting.Adjuster => [Decide, Reopen, Close],
        ClaimAwaiting.Retry => [Retry, Decide, Close],
        ClaimAwaiting.Documents when remindsOnDemand => [Remind],
        _ => [],
    };
}
