using System.Text;
using System.Text.RegularExpressions;

namespace DurableClaims.Contracts;

/// <summary>Reads a claim.md: "Key: value" lines (list items, bold keys and table rows work), and Claimant, Description and Documents sections.</summary>
internal static partial class MarkdownClaimReader
{
    private enum Section
    {
        General,
        Claimant,
        Description,
        Documents,
    }

    public static RawClaim Read(string markdown)
    {
        var raw = new RawClaim();
        var section = Section.General;
        var description = new StringBuilder();
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#'))
            {
                section = SectionOf(line.TrimStart('#'));
                continue;
            }

            if (line.Length == 0 || line == "---" || SeparatorRow().IsMatch(line))
            {
                if (section == Section.Description && description.Length > 0)
                {
                    description.Append('\n');
                }

                continue;
            }

            switch (section)
            {
                case Section.Description:
                    description.Append(line).Append(' ');
                    break;
                case Section.Documents:
                    ReadDocumentLine(raw, Clean(line));
                    break;
                default:
                    ReadKeyValue(raw, Clean(line), section);
                    break;
            }
        }

        if (description.Length > 0)
        {
            raw.Description = MultiSpace().Replace(description.ToString(), " ").Replace(" \n", "\n", StringComparison.Ordinal).Trim();
        }

        if (raw.ClaimantName is null && raw.ClaimantEmail is null && markdown.Trim().Length == 0)
        {
            raw.AddError("$", "The claim document is empty.");
        }

        return raw;
    }

    private static Section SectionOf(string heading) => Normalize(heading) switch
    {
        "claimant" or "claimantdetails" or "policyholder" or "contact" => Section.Claimant,
        "description" or "whathappened" or "incidentdescription" or "incident" => Section.Description,
        "documents" or "attachments" or "supportingdocuments" or "evidence" => Section.Documents,
        _ => Section.General,
    };

    private static void ReadKeyValue(RawClaim raw, string line, Section section)
    {
        var separator = line.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return;
        }

        var key = Normalize(line[..separator]);
        var value = line[(separator + 1)..].Trim();
        if (value.Length == 0)
        {
            return;
        }

        switch (key)
        {
            case "claimid" or "claimnumber" or "claimreference":
                raw.ClaimId = value;
                break;
            case "policynumber" or "policyno" or "policy":
                raw.PolicyNumber = value;
                break;
            case "claimtype" or "type":
                raw.ClaimType = value;
                break;
            case "incidentdate" or "dateofincident" or "dateofloss" or "date":
                raw.IncidentDate = value;
                break;
            case "amount" or "claimedamount" or "amountclaimed" or "claimamount":
                ReadAmount(raw, value);
                break;
            case "currency":
                raw.Currency = value;
                break;
            case "description":
                raw.Description = value;
                break;
            case "name" or "claimantname" or "fullname" when section == Section.Claimant || key != "name" || raw.ClaimantName is null:
                raw.ClaimantName = value;
                break;
            case "email" or "claimantemail" or "emailaddress":
                raw.ClaimantEmail = value;
                break;
            case "claimant" or "policyholder":
                ReadClaimant(raw, value);
                break;
        }
    }

    private static void ReadClaimant(RawClaim raw, string value)
    {
        var match = NameAndEmail().Match(value);
        if (match.Success)
        {
            raw.ClaimantName = match.Groups["name"].Value.Trim();
            raw.ClaimantEmail = match.Groups["email"].Value.Trim();
        }
        else
        {
            raw.ClaimantName = value;
        }
    }

    private static void ReadAmount(RawClaim raw, string value)
    {
        var code = CurrencyCode().Match(value);
        if (code.Success)
        {
            raw.Currency ??= code.Value;
            value = value.Replace(code.Value, string.Empty, StringComparison.Ordinal);
        }

        var symbol = value.Trim().FirstOrDefault();
        var fromSymbol = symbol switch { '$' => "USD", '€' => "EUR", '£' => "GBP", _ => null };
        if (fromSymbol is not null)
        {
            raw.Currency ??= fromSymbol;
            value = value.Trim()[1..];
        }

        raw.Amount = value.Trim();
    }

    private static void ReadDocumentLine(RawClaim raw, string line)
    {
        var separator = line.IndexOf(':', StringComparison.Ordinal);
        if (separator > 0 && IsHeaderRow(line[..separator], line[(separator + 1)..]))
        {
            return;
        }

        if (separator > 0)
        {
            raw.Documents.Add(new RawDocument(line[..separator].Trim(), line[(separator + 1)..].Trim()));
            return;
        }

        var typed = TypeInParentheses().Match(line);
        if (typed.Success)
        {
            raw.Documents.Add(new RawDocument(typed.Groups["type"].Value.Trim(), typed.Groups["file"].Value.Trim()));
            return;
        }

        raw.Documents.Add(new RawDocument(Path.GetFileNameWithoutExtension(line), line));
    }

    /// <summary>Returns whether a Documents table row is its header ("| Type | File |").</summary>
    private static bool IsHeaderRow(string key, string value)
        => Normalize(key) is "type" or "documenttype" && Normalize(value) is "file" or "filename" or "name";

    /// <summary>Strips list markers, table pipes, emphasis and code marks so only "key: value" remains.</summary>
    private static string Clean(string line)
    {
        var text = ListMarker().Replace(line, string.Empty);
        if (text.StartsWith('|'))
        {
            var cells = text.Trim('|').Split('|', StringSplitOptions.TrimEntries);
            text = cells.Length >= 2 ? $"{cells[0].TrimEnd(':')}: {cells[1]}" : cells[0];
        }

        return text.Replace("**", string.Empty, StringComparison.Ordinal)
            .Replace("__", string.Empty, StringComparison.Ordinal)
            .Replace("`", string.Empty, StringComparison.Ordinal)
            .Trim();
    }

    private static string Normalize(string key)
        => new(key.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\|?\s*:?-{3,}")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"\b[A-Z]{3}\b")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"^(?<name>[^<]+)<(?<email>[^>]+)>")]
    private static partial Regex NameAndEmail();

    [GeneratedRegex(@"^(?<file>[^()]+)\((?<type>[^()]+)\)$")]
    private static partial Regex TypeInParentheses();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultiSpace();
}
