using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Infrastructure;

/// <summary>The real sample claims (samples/claims/manifest.json) and their documents.</summary>
public static class Samples
{
    public const string Approve = "CLM-SAMPLE-APPROVE";
    public const string Deny = "CLM-SAMPLE-DENY";
    public const string Stall = "CLM-SAMPLE-STALL";
    public const string HitlOff = "CLM-SAMPLE-HITLOFF";

    /// <summary>Returns the manifest entry of <paramref name="claimId"/>.</summary>
    public static SampleClaim Get(string claimId)
    {
        var entry = SampleManifest.Get(claimId);
        return new SampleClaim(
            entry.ClaimId, entry.ClaimFile, entry.DocumentsFolder, entry.Expected.Status, entry.Expected.Reason, entry.Expected.PayableAmount, entry.Expected.Package)
        {
            Entry = entry,
        };
    }
}

/// <summary>One sample claim: its file, its documents folder and its expected end.</summary>
public sealed record SampleClaim(
    string ClaimId, string File, string DocumentsFolder, string ExpectedStatus, string ExpectedReason, decimal? PayableAmount, string? Package)
{
    /// <summary>Gets the manifest entry (steps and settings).</summary>
    public required SampleEntry Entry { get; init; }

    public override string ToString() => ClaimId;
}
