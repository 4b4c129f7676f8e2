namespace DurableClaims.Contracts;

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.DocumentsReceived"/> event.</summary>
/// <param name="Documents">The documents that arrived.</param>
/// <param name="Source">Where they came from, e.g. <c>http</c>, <c>upload</c>, <c>cli</c>.</param>
public sealed record DocumentsReceived(IReadOnlyList<ReceivedDocument> Documents, string Source);

/// <summary>A document that arrived for a claim.</summary>
/// <param name="Type">The document type, e.g. <c>police_report</c>.</param>
/// <param name="Filename">The file name.</param>
/// <param name="Location">Where the content is stored (document store path or URL), when stored.</param>
public sealed record ReceivedDocument(string Type, string Filename, string? Location = null);

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.AdjusterDecision"/> event.</summary>
/// <param name="Decision"><c>approve</c> or <c>deny</c> (see <see cref="AdjusterDecisions"/>).</param>
/// <param name="Adjuster">Who decided.</param>
/// <param name="Notes">Why; quoted in the package.</param>
public sealed record AdjusterDecision(string Decision, string Adjuster, string? Notes = null);

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
