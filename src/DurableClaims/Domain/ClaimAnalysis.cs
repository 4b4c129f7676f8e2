using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>A document the analysis found necessary, with the reason.</summary>
public sealed record DocumentRequest(string Type, string Reason);

/// <summary>Analyst rules beyond coverage: extra documents, amount conflicts and line-item verification.</summary>
public static class ClaimAnalysis
{
    /// <summary>The prefix of findings that record a verified line item (how later rounds know what is done).</summary>
    public const string VerifiedItemPrefix = "Verified line item";

    /// <summary>Returns documents needed beyond the claim type's list: a third-party statement, an independent appraisal.</summary>
    public static IReadOnlyList<DocumentRequest> AdditionalDocuments(
        ClaimSubmission claim, IReadOnlyList<CaseDocument> documents, RequirementsFile requirements, decimal? appraisalThreshold)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(requirements);
        var result = new List<DocumentRequest>();
        var texts = documents.Select(d => d.Content).OfType<string>().Prepend(claim.Description);
        var mention = requirements.ThirdParty.Keywords.FirstOrDefault(k => texts.Any(t => t.Contains(k, StringComparison.OrdinalIgnoreCase)));
        if (mention is not null)
        {
            result.Add(new DocumentRequest(requirements.ThirdParty.DocumentType, $"A third party is involved (\"{mention}\")."));
        }

        if (appraisalThreshold is { } threshold && claim.Amount > threshold)
        {
            result.Add(new DocumentRequest(
                requirements.AppraisalDocumentType,
                $"The amount claimed ({CoverageRules.Money(claim.Amount, claim.Currency)}) is above the appraisal threshold of {CoverageRules.Money(threshold, claim.Currency)}."));
        }

        return result;
    }

    /// <summary>Returns findings for itemized documents whose total differs from the claimed amount by more than the allowed ratio.</summary>
    public static IReadOnlyList<string> AmountConflicts(ClaimSubmission claim, IReadOnlyList<CaseDocument> documents, RequirementsFile requirements)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(requirements);
        var conflicts = new List<string>();
        foreach (var document in documents.Where(d => requirements.ItemizedDocuments.Contains(d.Type, StringComparer.Ordinal)))
        {
            if (DocumentFacts.TotalOf(document.Content) is { } total
                && Math.Abs(total - claim.Amount) > claim.Amount * requirements.AmountConflictRatio)
            {
                conflicts.Add($"Conflict: the {document.Type} total of {CoverageRules.Money(total, claim.Currency)} does not match the claimed {CoverageRules.Money(claim.Amount, claim.Currency)}.");
            }
        }

        return conflicts;
    }

    /// <summary>Returns all priced line items of the itemized documents, in a stable order.</summary>
    public static IReadOnlyList<LineItem> LineItems(IReadOnlyList<CaseDocument> documents, RequirementsFile requirements)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(requirements);
        return documents
            .Where(d => requirements.ItemizedDocuments.Contains(d.Type, StringComparer.Ordinal))
            .OrderBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Filename, StringComparer.Ordinal)
            .SelectMany(DocumentFacts.LineItemsOf)
            .ToList();
    }

    /// <summary>Returns how many line items earlier rounds verified.</summary>
    public static int VerifiedCount(IEnumerable<string> previousFindings)
        => previousFindings.Count(f => f.StartsWith(VerifiedItemPrefix, StringComparison.Ordinal));

    /// <summary>Formats the finding for verified item number <paramref name="number"/> of <paramref name="total"/>.</summary>
    public static string VerifiedFinding(int number, int total, LineItem item, string currency)
    {
        ArgumentNullException.ThrowIfNull(item);
        return FormattableString.Invariant($"{VerifiedItemPrefix} {number}/{total} ({item.DocumentType}): {item.Label}, {CoverageRules.Money(item.Amount, currency)}.");
    }
}
