using System.Text.Json;
using DurableClaims.Configuration;
using DurableClaims.Domain;
using Microsoft.Extensions.Options;

namespace DurableClaims.Policies;

/// <summary>Policies and document requirements: shipped as embedded JSON, replaceable by files and per-type lists in configuration.</summary>
public sealed class PolicyCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly Dictionary<string, PolicyRecord> _policies;

    /// <summary>Creates the catalog from parsed files.</summary>
    public PolicyCatalog(PolicyFile policies, RequirementsFile requirements)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(requirements);
        _policies = policies.Policies.ToDictionary(p => p.PolicyNumber, StringComparer.OrdinalIgnoreCase);
        Requirements = requirements;
    }

    /// <summary>Creates the catalog from options (files and per-type overrides) over the shipped JSON.</summary>
    public PolicyCatalog(IOptions<ClaimsOptions> options)
        : this(LoadPolicies(options?.Value.PoliciesFile), ApplyOverrides(LoadRequirements(options?.Value.RequirementsFile), options!.Value.RequiredDocuments))
    {
    }

    /// <summary>Gets the requirements and risk rules.</summary>
    public RequirementsFile Requirements { get; }

    /// <summary>Gets every policy.</summary>
    public IReadOnlyCollection<PolicyRecord> Policies => _policies.Values;

    /// <summary>Creates a catalog from the shipped files only.</summary>
    public static PolicyCatalog CreateDefault() => new(LoadPolicies(null), LoadRequirements(null));

    /// <summary>Returns the policy, or null.</summary>
    public PolicyRecord? FindPolicy(string policyNumber)
        => _policies.TryGetValue(policyNumber ?? string.Empty, out var policy) ? policy : null;

    /// <summary>Returns the documents every claim of this type needs (empty for an unknown type).</summary>
    public IReadOnlyList<string> RequiredDocuments(string claimType)
        => Requirements.ClaimTypes.TryGetValue(claimType ?? string.Empty, out var requirements) ? requirements.RequiredDocuments : [];

    /// <summary>Returns the amount above which an independent appraisal is required, or null.</summary>
    public decimal? AppraisalThreshold(string claimType)
        => Requirements.ClaimTypes.TryGetValue(claimType ?? string.Empty, out var requirements) ? requirements.AppraisalThreshold : null;

    /// <summary>Returns a document type in words, e.g. "Police report".</summary>
    public string TitleOf(string documentType)
        => Requirements.DocumentTitles.TryGetValue(documentType, out var title) ? title : documentType.Replace('_', ' ');

    /// <summary>Returns whether agents may ask for this document type (guards against invented types).</summary>
    public bool IsKnownDocumentType(string documentType)
        => Requirements.DocumentTitles.ContainsKey(documentType)
        || Requirements.ClaimTypes.Values.Any(t => t.RequiredDocuments.Contains(documentType, StringComparer.Ordinal));

    private static PolicyFile LoadPolicies(string? file)
        => Deserialize<PolicyFile>(file, "policies.json");

    private static RequirementsFile LoadRequirements(string? file)
        => Deserialize<RequirementsFile>(file, "requirements.json");

    private static RequirementsFile ApplyOverrides(RequirementsFile requirements, IReadOnlyDictionary<string, string[]>? overrides)
    {
        if (overrides is not { Count: > 0 })
        {
            return requirements;
        }

        var types = new Dictionary<string, ClaimTypeRequirements>(requirements.ClaimTypes, StringComparer.OrdinalIgnoreCase);
        foreach (var (type, documents) in overrides)
        {
            var threshold = types.TryGetValue(type, out var existing) ? existing.AppraisalThreshold : null;
            types[type] = new ClaimTypeRequirements(documents, threshold);
        }

        return requirements with { ClaimTypes = types };
    }

    private static T Deserialize<T>(string? file, string resource)
    {
        using var stream = file is not null
            ? File.OpenRead(file)
            : typeof(PolicyCatalog).Assembly.GetManifestResourceStream($"DurableClaims.Policies.{resource}")
              ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{file ?? resource} is empty.");
    }
}
