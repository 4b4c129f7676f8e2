using System.Text.Json;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>A sample claim of samples/claims/manifest.json with its documents (samples/documents/{claimId}/).</summary>
/// <param name="ClaimId">The claim id the sample file carries.</param>
/// <param name="ClaimFile">The claim.md or claim JSON file.</param>
/// <param name="ExpectedStatus">The status the sample ends with.</param>
/// <param name="ExpectedReason">The reason it ends with.</param>
/// <param name="DocumentFiles">Every sample document of the claim; a file's name without extension is its type.</param>
/// <param name="HasSettings">Whether the sample needs configuration overrides (not used by the console tests).</param>
public sealed record SampleClaim(string ClaimId, string ClaimFile, string ExpectedStatus, string? ExpectedReason, IReadOnlyList<string> DocumentFiles, bool HasSettings)
{
    /// <summary>Gets the document type of a sample document file.</summary>
    public static string TypeOf(string documentFile) => Path.GetFileNameWithoutExtension(documentFile);

    /// <summary>Gets the sample documents of the given types.</summary>
    public IReadOnlyList<string> DocumentsOfTypes(IEnumerable<string> types)
    {
        var wanted = types.ToHashSet(StringComparer.Ordinal);
        return DocumentFiles.Where(f => wanted.Contains(TypeOf(f))).ToList();
    }
}

/// <summary>Reads the sample claims the workflow ships.</summary>
public static class SampleClaims
{
    private static readonly Lazy<IReadOnlyList<SampleClaim>> All = new(Load);

    public static IReadOnlyList<SampleClaim> List => All.Value;

    /// <summary>Gets a sample by claim id.</summary>
    public static SampleClaim Get(string claimId)
        => List.FirstOrDefault(s => s.ClaimId == claimId)
           ?? throw new InvalidOperationException($"samples/claims/manifest.json has no sample '{claimId}'.");

    private static List<SampleClaim> Load()
    {
        var claimsDir = Path.Combine(RepositoryPaths.Root, "samples", "claims");
        var documentsDir = Path.Combine(RepositoryPaths.Root, "samples", "documents");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(claimsDir, "manifest.json")));
        var samples = new List<SampleClaim>();
        foreach (var entry in json.RootElement.GetProperty("samples").EnumerateArray())
        {
            var claimId = entry.GetProperty("claimId").GetString()!;
            var expected = entry.GetProperty("expected");
            var folder = Path.Combine(documentsDir, claimId);
            var documents = Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList() : [];
            samples.Add(new SampleClaim(
                claimId,
                Path.Combine(claimsDir, entry.GetProperty("file").GetString()!),
                expected.GetProperty("status").GetString()!,
                expected.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
                documents,
                entry.TryGetProperty("settings", out _)));
        }

        return samples;
    }
}
