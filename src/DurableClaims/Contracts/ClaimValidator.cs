using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace DurableClaims.Contracts;

/// <summary>Turns a <see cref="RawClaim"/> into a submission or into every error at once, in plain words.</summary>
internal static partial class ClaimValidator
{
    private const decimal MaxAmount = 10_000_000m;
    private const int MaxDescription = 10_000;

    public static ClaimParseResult Validate(RawClaim raw, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var claimId = Trim(raw.ClaimId);
        if (claimId is not null && !ClaimIds.IsValid(claimId))
        {
            raw.AddError("claimId", "Claim id may only contain letters, digits, '-' and '_' and be at most 64 characters long.");
        }

        var policy = Required(raw, "policyNumber", raw.PolicyNumber, "Policy number");
        if (policy is not null && !PolicyPattern().IsMatch(policy))
        {
            raw.AddError("policyNumber", "Policy number may only contain letters, digits and '-' (at most 40 characters), e.g. POL-AUTO-1001.");
        }

        var claimType = Required(raw, "claimType", raw.ClaimType, "Claim type")?.ToLowerInvariant();
        if (claimType is not null && !TypePattern().IsMatch(claimType))
        {
            raw.AddError("claimType", "Claim type must be one word such as 'auto', 'home' or 'travel'.");
        }

        var incidentDate = ParseDate(raw, today);
        var amount = ParseAmount(raw);
        var currency = Required(raw, "currency", raw.Currency, "Currency")?.ToUpperInvariant();
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
        {
            raw.AddError("currency", "Currency must be a three-letter code such as USD or EUR.");
        }

        var name = Required(raw, "claimant.name", raw.ClaimantName, "The claimant's name");
        if (name is not null && name.Length > 200)
        {
            raw.AddError("claimant.name", "The claimant's name must be at most 200 characters long.");
        }

        var email = Required(raw, "claimant.email", raw.ClaimantEmail, "The claimant's email address");
        if (email is not null && !IsEmail(email))
        {
            raw.AddError("claimant.email", "The claimant's email address is not valid (expected something like name@example.com).");
        }

        var description = Required(raw, "description", raw.Description, "A description of what happened");
        if (description is not null && description.Length > MaxDescription)
        {
            raw.AddError("description", "The description must be at most 10,000 characters long.");
        }

        var documents = ValidateDocuments(raw);
        if (raw.Errors.Count > 0)
        {
            return ClaimParseResult.Failure(raw.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return ClaimParseResult.Success(new ClaimSubmission
        {
            ClaimId = claimId ?? ClaimIds.New(time),
            PolicyNumber = policy!,
            ClaimType = claimType!,
            IncidentDate = incidentDate!.Value,
            Amount = amount!.Value,
            Currency = currency!,
            Claimant = new ClaimantInfo(name!, email!),
            Description = description!,
            Documents = documents,
            SubmittedAt = time.GetUtcNow(),
        });
    }

    private static List<ClaimDocumentRef> ValidateDocuments(RawClaim raw)
    {
        var result = new List<ClaimDocumentRef>();
        for (var i = 0; i < raw.Documents.Count; i++)
        {
            var type = Required(raw, $"documents[{i}].type", raw.Documents[i].Type, "The document type")?.ToLowerInvariant();
            if (type is not null && !TypePattern().IsMatch(type))
            {
                raw.AddError($"documents[{i}].type", "The document type must be lower-case letters, digits and '_', e.g. police_report.");
            }

            var file = Required(raw, $"documents[{i}].filename", raw.Documents[i].Filename, "The file name");
            if (file is not null && !ClaimIds.IsSafeSegment(file))
            {
                raw.AddError($"documents[{i}].filename", "The file name may not contain '/', '\\' or '..' and must be at most 255 characters long.");
            }

            if (type is not null && file is not null)
            {
                result.Add(new ClaimDocumentRef(type, file));
            }
        }

        return result;
    }

    private static DateOnly? ParseDate(RawClaim raw, DateOnly today)
    {
        var text = Required(raw, "incidentDate", raw.IncidentDate, "Incident date");
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            raw.AddError("incidentDate", "Incident date must be a date written as YYYY-MM-DD, e.g. 2026-10-02.");
            return null;
        }

        if (date > today)
        {
            raw.AddError("incidentDate", "Incident date cannot be in the future.");
        }

        return date;
    }

    private static decimal? ParseAmount(RawClaim raw)
    {
        var text = Required(raw, "amount", raw.Amount, "Amount");
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            raw.AddError("amount", "Amount must be a number, e.g. 4250.00.");
            return null;
        }

        if (amount <= 0)
        {
            raw.AddError("amount", "Amount must be greater than zero.");
        }
        else if (amount > MaxAmount)
        {
            raw.AddError("amount", "Amount must not exceed 10,000,000.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            raw.AddError("amount", "Amount cannot have more than two decimal places.");
        }

        return amount;
    }

    private static string? Required(RawClaim raw, string field, string? value, string label)
    {
        var trimmed = Trim(value);
        if (trimmed is null && !raw.Errors.ContainsKey(field))
        {
            raw.AddError(field, $"{label} is required.");
        }

        return trimmed;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsEmail(string value)
        => value.Length <= 254 && MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.OrdinalIgnoreCase) && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex PolicyPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,47}$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
