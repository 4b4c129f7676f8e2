using System.Globalization;
using System.Text.RegularExpressions;

namespace DurableClaims.Domain;

/// <summary>A document as an analyst reads it: type, file and text content (null when only the name is known).</summary>
public sealed record CaseDocument(string Type, string Filename, string? Content);

/// <summary>A priced line of an itemized document.</summary>
public sealed record LineItem(string DocumentType, string Label, decimal Amount);

/// <summary>Reads totals and line items out of document text.</summary>
public static partial class DocumentFacts
{
    /// <summary>Returns the document's stated total, or null.</summary>
    public static decimal? TotalOf(string? content)
    {
        if (content is null)
        {
            return null;
        }

        var match = TotalLine().Match(content);
        return match.Success && decimal.TryParse(match.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var total) ? total : null;
    }

    /// <summary>Returns the priced list items ("- Rear bumper: 420.00") of a document, in order.</summary>
    public static IReadOnlyList<LineItem> LineItemsOf(CaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Content is null)
        {
            return [];
        }

        var items = new List<LineItem>();
        foreach (Match match in ItemLine().Matches(document.Content))
        {
            var label = match.Groups["label"].Value.Trim().TrimEnd(':', '-', '–').Trim();
            if (label.Contains("total", StringComparison.OrdinalIgnoreCase)
                || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                continue;
            }

            items.Add(new LineItem(document.Type, label, amount));
        }

        return items;
    }

    [GeneratedRegex(@"(?im)^\W*(grand\s+)?total\b[^0-9\n]*(?<amount>[0-9][0-9,]*(\.[0-9]{1,2})?)")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"(?m)^[ \t]*[-*][ \t]+(?<label>[^\n]+?)[ \t]*[:–-]?[ \t]*[$€£]?(?<amount>[0-9][0-9,]*\.[0-9]{2})[ \t]*([A-Z]{3})?[ \t]*$")]
    private static partial Regex ItemLine();
}
