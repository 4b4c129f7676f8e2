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
                expected.TryGetProperty("package", out var package) ? package.GetString() : null);
        }).ToList();
    }
}

/// <summary>One sample claim: its file, its documents folder and its expected end.</summary>
public sealed record SampleClaim(
    string ClaimId, string File, string DocumentsFolder, string ExpectedStatus, string ExpectedReason, decimal? PayableAmount, string? Package)
{
    public override string ToString() => ClaimId;
}
