using System.Text.Encodings.Web;
using System.Text.Json;
using DurableClaims.Contracts;
using DurableClaims.Domain;

namespace DurableClaims.Agents;

/// <summary>The structured part of an agent message (its trailing ```json block).</summary>
public sealed record AgentVerdict
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<string> Findings { get; init; } = [];

    public double? RiskScore { get; init; }

    public string? Recommendation { get; init; }

    public IReadOnlyList<DocumentRequest> AdditionalDocuments { get; init; } = [];

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Gets an empty verdict (what an unreadable message counts as: no progress).</summary>
    public static AgentVerdict Empty { get; } = new();

    /// <summary>Parses the last JSON block of <paramref name="message"/>; an unreadable block gives <see cref="Empty"/>.</summary>
    public static AgentVerdict Parse(string? message)
    {
        var json = ExtractJson(message);
        if (json is null)
        {
            return Empty;
        }

        try
        {
            var verdict = JsonSerializer.Deserialize<AgentVerdict>(json, Json) ?? Empty;
            var recommendation = AdjusterDecisions.IsValid(verdict.Recommendation) ? verdict.Recommendation!.ToLowerInvariant() : null;
            return verdict with
            {
                Recommendation = recommendation,
                RiskScore = verdict.RiskScore is { } score ? Math.Clamp(score, 0, 1) : null,
                Findings = verdict.Findings?.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList() ?? [],
                AdditionalDocuments = verdict.AdditionalDocuments?.Where(d => !string.IsNullOrWhiteSpace(d?.Type)).ToList() ?? [],
                Reasons = verdict.Reasons ?? [],
                Evidence = verdict.Evidence?.Where(e => e is not null).ToList() ?? [],
            };
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>Returns the content of the last ```json fenced block, or null.</summary>
    public static string? ExtractJson(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var start = message.LastIndexOf("```json", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += "```json".Length;
        var end = message.IndexOf("```", start, StringComparison.Ordinal);
        return end < 0 ? message[start..].Trim() : message[start..end].Trim();
    }

    /// <summary>Formats a verdict as the block agents end their messages with.</summary>
    public string ToBlock() => $"```json\n{JsonSerializer.Serialize(this, Json)}\n```";
}
