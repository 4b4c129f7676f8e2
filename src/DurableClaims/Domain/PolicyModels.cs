namespace DurableClaims.Domain;

/// <summary>An insurance policy: holder, period and coverages per claim type.</summary>
public sealed record PolicyRecord(
    string PolicyNumber, string Holder, DateOnly EffectiveFrom, DateOnly EffectiveTo, IReadOnlyList<CoverageRecord> Coverages, string? Currency = null)
{
    /// <summary>Returns the coverage for <paramref name="claimType"/>, or null.</summary>
    public CoverageRecord? CoverageFor(string claimType)
        => Coverages.FirstOrDefault(c => string.Equals(c.ClaimType, claimType, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a policy pays for one claim type.</summary>
public sealed record CoverageRecord(string ClaimType, decimal Limit, decimal Deductible, IReadOnlyList<string> Exclusions);

/// <summary>The shipped (or configured) policies file.</summary>
public sealed record PolicyFile(IReadOnlyList<PolicyRecord> Policies);

/// <summary>The shipped (or configured) document requirements and risk rules.</summary>
public sealed record RequirementsFile
{
    public required IReadOnlyDictionary<string, ClaimTypeRequirements> ClaimTypes { get; init; }

    public IReadOnlyDictionary<string, string> DocumentTitles { get; init; } = new Dictionary<string, string>();

    public required ThirdPartyRule ThirdParty { get; init; }

    public string AppraisalDocumentType { get; init; } = "independent_appraisal";

    /// <summary>Gets the document types whose line items analysts verify one batch per round.</summary>
    public IReadOnlyList<string> ItemizedDocuments { get; init; } = [];

    public int LineItemsPerRound { get; init; } = 5;

    /// <summary>Gets how far a document total may differ from the claimed amount (as a fraction) before the claim is inconclusive.</summary>
    public decimal AmountConflictRatio { get; init; } = 0.2m;

    public required RiskRules Risk { get; init; }
}

/// <summary>Required documents and the appraisal threshold of one claim type.</summary>
public sealed record ClaimTypeRequirements(IReadOnlyList<string> RequiredDocuments, decimal? AppraisalThreshold);

/// <summary>When a third party is involved (keywords in the description or documents) a statement is required.</summary>
public sealed record ThirdPartyRule(string DocumentType, IReadOnlyList<string> Keywords);

/// <summary>Risk scoring weights.</summary>
public sealed record RiskRules
{
    public IReadOnlyList<RiskKeyword> Keywords { get; init; } = [];

    public int LateReportingDays { get; init; } = 30;

    public double LateReportingWeight { get; init; }

    public int NewPolicyDays { get; init; } = 30;

    public double NewPolicyWeight { get; init; }

    public double NearLimitRatio { get; init; } = 0.9;

    public double NearLimitWeight { get; init; }

    public double BaseScore { get; init; }
}

/// <summary>A phrase that raises the risk score.</summary>
public sealed record RiskKeyword(string Keyword, double Weight, string Indicator);
