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

    /// <summary>Gets the amount to pay: min(claimed − deductible, limit), never negative; 0 when denied.</summary>
    public decimal PayableAmount { get; init; }

    public required string Currency { get; init; }

    public double RiskScore { get; init; }

    /// <summary>Gets who made the decision: <c>agents</c>, <c>rules</c> or <c>adjuster</c>.</summary>
    public required string DecidedBy { get; init; }

    public string? Adjuster { get; init; }

    public string? AdjusterNotes { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<AppliedRule> RulesApplied { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>A policy rule and how it came out for this claim.</summary>
/// <param name="Id">Stable rule id, e.g. <c>coverage.period</c>.</param>
/// <param name="Description">The rule in words.</param>
/// <param name="Result"><c>passed</c>, <c>failed</c> or <c>applied</c>.</param>
/// <param name="Detail">The facts the result rests on.</param>
public sealed record AppliedRule(string Id, string Description, string Result, string? Detail = null);

/// <summary>A piece of evidence a decision rests on.</summary>
/// <param name="Source">Document type, policy or agent it came from.</param>
/// <param name="Detail">What it shows.</param>
public sealed record EvidenceItem(string Source, string Detail);
