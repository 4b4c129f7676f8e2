using System.Globalization;
using System.Text.Json;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>Small valid claims written by the tests, for behaviour that needs many claims or fresh ids.</summary>
public static class InlineClaims
{
    /// <summary>An auto claim on the sample policy POL-AUTO-1001 that lists no documents, so the workflow asks for them.</summary>
    public static string AutoClaimWithoutDocuments(string claimId) => JsonSerializer.Serialize(new
    {
        claimId,
        policyNumber = "POL-AUTO-1001",
        claimType = "auto",
        incidentDate = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        amount = 1800,
        currency = "USD",
        claimant = new { name = "Dana Whitfield", email = "dana@example.com" },
        description = "Rear bumper damaged in a parking lot.",
    });

    /// <summary>A fresh claim id unique to one test.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
