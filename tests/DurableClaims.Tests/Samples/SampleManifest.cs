using System.Text.Json;

namespace DurableClaims.Tests.Samples;

/// <summary>samples/claims/manifest.json.</summary>
public sealed record SampleManifest(string Description, IReadOnlyList<SampleEntry> Samples)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SampleManifest Load()
        => JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(Testing.RepositoryPaths.Combine("samples", "claims", "manifest.json")), Json)!;
}

/// <summary>One sample claim and what it must end as.</summary>
public sealed record SampleEntry(
    string ClaimId, string File, string Path, IReadOnlyList<SampleStep>? Steps, IReadOnlyDictionary<string, string?>? Settings, SampleExpectation Expected)
{
    public override string ToString() => ClaimId;
}

/// <summary>A step: deliver documents, advance the clock, or answer the review.</summary>
public sealed record SampleStep(string Action, IReadOnlyList<string>? Documents, string? By, string? Decision, string? Adjuster, string? Notes);

/// <summary>The expected end of a sample.</summary>
public sealed record SampleExpectation(string Status, string Reason, decimal? PayableAmount, string? Package);
