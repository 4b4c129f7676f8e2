namespace DurableClaims.Contracts;

/// <summary>A validated claim as submitted by the portal, the CLI or a claim.md file.</summary>
public sealed record ClaimSubmission
{
    /// <summary>Gets the claim id (also the orchestration instance id and the session folder name).</summary>
    public required string ClaimId { get; init; }

    public required string PolicyNumber { get; init; }

    /// <summary>Gets the claim type in lower case, e.g. <c>auto</c> or <c>home</c>.</summary>
    public required string ClaimType { get; init; }

    public required DateOnly IncidentDate { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>Gets the ISO 4217 currency code in upper case.</summary>
    public required string Currency { get; init; }

    public required ClaimantInfo Claimant { get; init; }

    public required string Description { get; init; }

    /// <summary>Gets the documents that came with the submission.</summary>
    public IReadOnlyList<ClaimDocumentRef> Documents { get; init; } = [];

    /// <summary>Gets when the claim was filed (the API's clock when it was validated); rules such as the report delay count from here.</summary>
    /// <remarks>Null for a submission built by hand: the workflow then uses the orchestration's start time.</remarks>
    public DateTimeOffset? SubmittedAt { get; init; }
}

/// <summary>The person who files the claim.</summary>
public sealed record ClaimantInfo(string Name, string Email);

/// <summary>A document named in a submission: its type (e.g. <c>police_report</c>) and file name.</summary>
public sealed record ClaimDocumentRef(string Type, string Filename);
