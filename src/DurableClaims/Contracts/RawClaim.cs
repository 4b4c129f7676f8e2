namespace DurableClaims.Contracts;

/// <summary>Claim fields as text, before validation; both the JSON and the Markdown reader fill it.</summary>
internal sealed class RawClaim
{
    public string? ClaimId { get; set; }

    public string? PolicyNumber { get; set; }

    public string? ClaimType { get; set; }

    public string? IncidentDate { get; set; }

    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public string? ClaimantName { get; set; }

    public string? ClaimantEmail { get; set; }

    public string? Description { get; set; }

    public List<RawDocument> Documents { get; } = [];

    /// <summary>Gets errors found while reading (wrong JSON types, unreadable input), keyed like validation errors.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public void AddError(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            list = [];
            Errors[field] = list;
        }

        list.Add(message);
    }
}

/// <summary>A document line before validation.</summary>
internal sealed record RawDocument(string? Type, string? Filename);
