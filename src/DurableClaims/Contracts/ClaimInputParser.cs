using System.Text.Json;

namespace DurableClaims.Contracts;

/// <summary>Parses and validates claims written as JSON or as a claim.md a person would write.</summary>
public static class ClaimInputParser
{
    /// <summary>Parses a JSON claim; a missing claimId is generated as <c>CLM-…</c>.</summary>
    public static ClaimParseResult ParseJson(string json, TimeProvider? timeProvider = null)
    {
        var raw = new RawClaim();
        try
        {
            using var document = JsonDocument.Parse(json ?? string.Empty, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            ReadRoot(document.RootElement, raw);
        }
        catch (JsonException ex)
        {
            raw.AddError("$", $"The claim is not valid JSON ({ex.Message.Split('.')[0]}).");
            return ClaimParseResult.Failure(raw.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
        catch (InvalidOperationException)
        {
            // The reader accepts escapes such as a lone "\ud800" and only refuses them when the text is read:
            // a property name or value that is not valid Unicode is bad input, not a server error.
            raw.AddError("$", "The claim contains text that is not valid Unicode (for example a lone surrogate escape such as \\ud800).");
            return ClaimParseResult.Failure(raw.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return ClaimValidator.Validate(raw, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Parses a claim.md (key: value lines, Claimant/Description/Documents sections); a missing claimId is generated.</summary>
    public static ClaimParseResult ParseMarkdown(string markdown, TimeProvider? timeProvider = null)
    {
        var raw = MarkdownClaimReader.Read(markdown ?? string.Empty);
        return ClaimValidator.Validate(raw, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Parses by content type: Markdown for <c>text/markdown</c> or <c>text/plain</c>, otherwise JSON.</summary>
    public static ClaimParseResult Parse(string content, string? contentType, TimeProvider? timeProvider = null)
        => contentType is not null && (contentType.Contains("markdown", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            ? ParseMarkdown(content, timeProvider)
            : ParseJson(content, timeProvider);

    private static void ReadRoot(JsonElement root, RawClaim raw)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            raw.AddError("$", "The claim must be a JSON object.");
            return;
        }

        raw.ClaimId = Text(root, "claimId", raw);
        raw.PolicyNumber = Text(root, "policyNumber", raw);
        raw.ClaimType = Text(root, "claimType", raw);
        raw.IncidentDate = Text(root, "incidentDate", raw);
        raw.Amount = Text(root, "amount", raw, allowNumber: true);
        raw.Currency = Text(root, "currency", raw);
        raw.Description = Text(root, "description", raw);
        if (TryGet(root, "claimant", out var claimant))
        {
            if (claimant.ValueKind == JsonValueKind.Object)
            {
                raw.ClaimantName = Text(claimant, "name", raw, "claimant.");
                raw.ClaimantEmail = Text(claimant, "email", raw, "claimant.");
            }
            else if (claimant.ValueKind != JsonValueKind.Null)
            {
                raw.AddError("claimant", "Claimant must be an object with a name and an email.");
            }
        }

        if (TryGet(root, "documents", out var documents) && documents.ValueKind != JsonValueKind.Null)
        {
            ReadDocuments(documents, raw);
        }
    }

    private static void ReadDocuments(JsonElement documents, RawClaim raw)
    {
        if (documents.ValueKind != JsonValueKind.Array)
        {
            raw.AddError("documents", "Documents must be a list of { type, filename } objects.");
            return;
        }

        var index = 0;
        foreach (var item in documents.EnumerateArray())
        {
            var prefix = $"documents[{index}].";
            if (item.ValueKind == JsonValueKind.Object)
            {
                raw.Documents.Add(new RawDocument(Text(item, "type", raw, prefix), Text(item, "filename", raw, prefix)));
            }
            else
            {
                raw.AddError($"documents[{index}]", "Each document must be an object with a type and a filename.");
                raw.Documents.Add(new RawDocument("?", "?"));
            }

            index++;
        }
    }

    private static string? Text(JsonElement parent, string name, RawClaim raw, string prefix = "", bool allowNumber = false)
    {
        if (!TryGet(parent, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (allowNumber && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        raw.AddError(prefix + name, allowNumber ? "Must be a number." : "Must be text.");
        return null;
    }

    private static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
