using System.Text.Json;

namespace DurableClaims.Testing;

/// <summary>samples/claims/manifest.json: the sample claims every host's tests drive to their expected end.</summary>
public sealed record SampleManifest(string Description, IReadOnlyList<SampleEntry> Samples)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<SampleManifest> Loaded = new(()
        => JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(RepositoryPaths.Combine("samples", "claims", "manifest.json")), Json)!);

    public static SampleManifest Load() => Loaded.Value;

    /// <summary>Gets every sample's claim id, for theories over the whole manifest.</summary>
    public static IEnumerable<object[]> Ids => Load().Samples.Select(s => new object[] { s.ClaimId });

    /// <summary>Returns the entry of <paramref name="claimId"/>.</summary>
    public static SampleEntry Get(string claimId) => Load().Samples.Single(s => s.ClaimId == claimId);
}

/// <summary>One sample claim and what it must end as.</summary>
public sealed record SampleEntry(
    string ClaimId, string File, string Path, IReadOnlyList<SampleStep>? Steps, IReadOnlyDictionary<string, string?>? Settings, SampleExpectation Expected)
{
    /// <summary>Gets the claim file's absolute path.</summary>
    public string ClaimFile => RepositoryPaths.Combine("samples", "claims", File);

    /// <summary>Gets the folder of the sample's documents (samples/documents/{claimId}; it may not exist).</summary>
    public string DocumentsFolder => RepositoryPaths.Combine("samples", "documents", ClaimId);

    /// <summary>Gets the sample's document files; a file's name without extension is its type.</summary>
    public IReadOnlyList<string> DocumentFiles => Directory.Exists(DocumentsFolder) ? [.. Directory.GetFiles(DocumentsFolder).Order(StringComparer.Ordinal)] : [];

    /// <summary>The files a deliver step sends: the named types, or ("all") every document not delivered yet.</summary>
    public IReadOnlyList<string> FilesToDeliver(IReadOnlyList<string>? types, IReadOnlySet<string> delivered)
    {
        var wanted = types ?? ["all"];
        return [.. DocumentFiles.Where(f => wanted.Contains("all")
            ? !delivered.Contains(System.IO.Path.GetFileNameWithoutExtension(f))
            : wanted.Contains(System.IO.Path.GetFileNameWithoutExtension(f)))];
    }

    public override string ToString() => ClaimId;
}

/// <summary>A step: deliver documents, advance the clock, or answer the review.</summary>
public sealed record SampleStep(string Action, IReadOnlyList<string>? Documents, string? By, string? Decision, string? Adjuster, string? Notes);

/// <summary>The expected end of a sample.</summary>
public sealed record SampleExpectation(string Status, string Reason, decimal? PayableAmount, string? Package, string? Awaiting = null);
