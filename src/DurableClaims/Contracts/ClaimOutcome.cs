namespace DurableClaims.Contracts;

/// <summary>The orchestration output: how a claim ended, with its decision package when one was made.</summary>
public sealed record ClaimOutcome
{
    public required string ClaimId { get; init; }

    /// <summary>Gets the terminal status code (see <see cref="ClaimStatusCodes"/>).</summary>
    public required string Status { get; init; }

    /// <summary>Gets the reason (see <see cref="ClaimReasons"/>).</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the decision (the JSON hand-off or denial package), when the claim was approved or denied.</summary>
    public ClaimDecision? Decision { get; init; }

    /// <summary>Gets the Markdown package: hand-off package (approved) or denial letter (denied).</summary>
    public string? PackageMarkdown { get; init; }

    /// <summary>Gets the file name for <see cref="PackageMarkdown"/>: <c>handoff_package.md</c> or <c>denial_package.md</c>.</summary>
    public string? PackageFileName { get; init; }

    public int Rounds { get; init; }

    public double? RiskScore { get; init; }

    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    public IReadOnlyList<string> ReceivedDocuments { get; init; } = [];

    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Gets what went wrong, when the status is <c>error</c>.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>An explainable approve/deny decision: amounts, rules and evidence.</summary>
public sealed record ClaimDecision
{
    /// <summary>Gets <c>approve</c> or <c>deny</c> (see <see cref="AdjusterDecisions"/>).</summary>
    public required string Outcome { get; init; }

    public required string PolicyNumber { get; init; }

    public required decimal ClaimedAmount { get; init; }

    public decimal Deductible { get; init; }

    public decimal CoverageLimit { get; init; }

    /// <summary>Gets the amount to pay: min(claimed − deductible, limit), never negative, and no more than an adjuster's settlement; 0 when denied.</summary>
    public decimal PayableAmount { get; init; }

    public required string Currency { get; init; }

    public double RiskScore { get; init; }

    /// <summary>Gets who made the decision: <c>agents</c>, <c>rules</c> or <c>adjuster</c>.</summary>
    public required string DecidedBy { get; init; }

    public string? Adjuster { get; init; }

    public string? AdjusterNotes { get; init; }

    /// <summary>Gets the amount an approving adjuster settled on; <see cref="PayableAmount"/> is it capped at what the policy allows.</summary>
    public decimal? AdjusterAmount { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<AppliedRule> RulesApplied { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Gets the documents the decision rests on, each with its SHA-256 and size, so an auditor can prove which files were read.</summary>
    public IReadOnlyList<DecisionDocument> Documents { get; init; } = [];

    /// <summary>Gets the agents' recommendation (<c>approve</c>/<c>deny</c>), on record even when a rule or an adjuster overruled it.</summary>
    public string? AgentRecommendation { get; init; }

    /// <summary>Gets the reasons the agents gave for their recommendation; kept for the record, never quoted in a denial letter unless they argue for the denial.</summary>
    public IReadOnlyList<string> AgentReasons { get; init; } = [];

    /// <summary>Gets the model and prompt version the agents ran on (e.g. <c>offline-rules/1</c> or <c>gpt-4o/prompts-v1</c>); null when no model took part.</summary>
    public string? ModelVersion { get; init; }

    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>A policy rule and how it came out for this claim.</summary>
/// <param name="Id">Stable rule id, e.g. <c>coverage.period</c>.</param>
/// <param name="Description">The rule in words.</param>
/// <param name="Result"><c>passed</c>, <c>failed</c> or <c>applied</c>.</param>
/// <param name="Detail">The facts the result rests on.</param>
/// <param name="Inputs">The values the rule read (name → value, invariant formatting), so the result can be recomputed.</param>
public sealed record AppliedRule(string Id, string Description, string Result, string? Detail = null, IReadOnlyDictionary<string, string>? Inputs = null);

/// <summary>A document a decision rests on: what it is and the fingerprint of the stored content.</summary>
/// <param name="Type">The document type, e.g. <c>police_report</c>.</param>
/// <param name="Filename">The file name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored content; null when the content could not be read.</param>
/// <param name="Size">The content's size in bytes; null when unknown.</param>
/// <param name="MediaType">The content type, when known.</param>
public sealed record DecisionDocument(string Type, string Filename, string? Sha256, long? Size, string? MediaType = null);

/// <summary>A piece of evidence a decision rests on.</summary>
/// <param name="Source">Document type, policy or agent it came from.</param>
/// <param name="Detail">What it shows.</param>
public sealed record EvidenceItem(string Source, string Detail);
