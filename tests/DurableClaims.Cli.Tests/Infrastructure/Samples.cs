using System.Text.Json;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Infrastructure;

/// <summary>The real sample claims (samples/claims/manifest.json) and their documents.</summary>
public static class Samples
{
    public const string Approve = "CLM-SAMPLE-APPROVE";
    public const string Deny = "CLM-SAMPLE-DENY";
    public const string Stall = "CLM-SAMPLE-STALL";
    public const string HitlOff = "CLM-SAMPLE-HITLOFF";

    private static readonly Lazy<IReadOnlyList<SampleClaim>> All = new(Load);

    /// <summary>Returns the manifest entry of <paramref name="claimId"/>.</summary>
    public static SampleClaim Get(string claimId) => All.Value.Single(s => s.ClaimId == claimId);

    /// <summary>Gets every sample's claim id, for theories over the whole manifest.</summary>
    public static TheoryData<string> Ids => [.. All.Value.Select(s => s.ClaimId)];

    private static List<SampleClaim> Load()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("samples", "claims", "manifest.json")));
        return manifest.RootElement.GetProperty("samples").EnumerateArray().Select(s =>
        {
            var expected = s.GetProperty("expected");
            var id = s.GetProperty("claimId").GetString()!;
            return new SampleClaim(
                id,
                RepositoryPaths.Combine("samples", "claims", s.GetProperty("file").GetString()!),
                RepositoryPaths.Combine("samples", "documents", id),
                expected.GetProperty("status").GetString()!,
                expected.GetProperty("reason").GetString()!,
                expected.TryGetProperty("payableAmount", out var amount) ? amount.GetDecimal() : null,
                expected.TryGetProperty("package", out var package) ? package.GetString() : null)
            {
                Settings = s.TryGetProperty("settings", out var settings)
                    ? settings.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal),
                Steps = s.TryGetProperty("steps", out var steps)
                    ? steps.EnumerateArray().Select(step => new SampleStep(
                        step.GetProperty("action").GetString()!,
                        step.TryGetProperty("documents", out var docs) ? docs.EnumerateArray().Select(d => d.GetString()!).ToList() : null,
                        step.TryGetProperty("decision", out var decision) ? decision.GetString() : null,
                        step.TryGetProperty("adjuster", out var adjuster) ? adjuster.GetString() : null,
                        step.TryGetProperty("notes", out var notes) ? notes.GetString() : null)).ToList()
                    : [],
            };
        }).ToList();
    }
}

/// <summary>One sample claim: its file, its documents folder and its expected end.</summary>
public sealed record SampleClaim(
    string ClaimId, string File, string DocumentsFolder, string ExpectedStatus, string ExpectedReason, decimal? PayableAmount, string? Package)
{
    /// <summary>Gets the settings the manifest gives this sample (flat ORCHESTRATION_* names or Claims:* keys).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the steps that drive the sample after it pauses (deliver, review, advance).</summary>
    public IReadOnlyList<SampleStep> Steps { get; init; } = [];

    public override string ToString() => ClaimId;
}

/// <summary>One manifest step: deliver documents ("all" or named types), answer the review, or let time pass.</summary>
public sealed record SampleStep(string Action, IReadOnlyList<string>? Documents, string? Decision, string? Adjuster, string? Notes);
