using System.Text.Json;
using DurableClaims.Contracts;
using DurableClaims.Domain;

namespace DurableClaims.Agents;

/// <summary>What the agents see: the claim, its documents (with text), the round and earlier findings.</summary>
public sealed record CaseFile
{
    public required ClaimSubmission Claim { get; init; }

    /// <summary>Gets when the claim was submitted (orchestration start), for late-reporting checks.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Gets the round number; 0 is intake.</summary>
    public int Round { get; init; }

    public IReadOnlyList<string> RequiredDocuments { get; init; } = [];

    public IReadOnlyList<CaseDocument> Documents { get; init; } = [];

    public IReadOnlyList<string> PreviousFindings { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Formats the case file as the user message every agent reads.</summary>
    public string ToPrompt()
        => $"Case file for claim {Claim.ClaimId}, round {Round}.\n```json\n{JsonSerializer.Serialize(this, Json)}\n```";

    /// <summary>Reads the case file back out of a prompt, or null.</summary>
    public static CaseFile? FromPrompt(string? prompt)
    {
        var json = AgentVerdict.ExtractJson(prompt);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CaseFile>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns a one-line description of the case file for the session history (the full text repeats documents).</summary>
    public string Summary()
        => $"Case file for round {Round}: {Claim.ClaimType} claim {Claim.ClaimId} for {CoverageRules.Money(Claim.Amount, Claim.Currency)}; "
         + $"documents: {(Documents.Count == 0 ? "none" : string.Join(", ", Documents.Select(d => d.Type)))}; "
         + $"{PreviousFindings.Count} earlier findings.";
}
