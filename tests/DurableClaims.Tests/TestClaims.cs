using DurableClaims.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Tests;

/// <summary>Claims and clocks the tests share.</summary>
internal static class TestClaims
{
    public static FakeTimeProvider Clock() => new(Testing.WorkflowHost.Start);

    /// <summary>A clean, covered auto claim on POL-AUTO-1001 (limit 25,000, deductible 500).</summary>
    public static ClaimSubmission Auto(string claimId = "CLM-TEST-0001", decimal amount = 4250m, string description = "I slid on black ice and hit a bollard; the front bumper is broken.", params string[] documents)
        => new()
        {
            ClaimId = claimId,
            PolicyNumber = "POL-AUTO-1001",
            ClaimType = "auto",
            IncidentDate = new DateOnly(2026, 11, 2),
            Amount = amount,
            Currency = "USD",
            Claimant = new ClaimantInfo("Dana Whitfield", "dana.whitfield@example.com"),
            Description = description,
            Documents = [.. documents.Select(d => new ClaimDocumentRef(d, d + ".txt"))],
        };

    /// <summary>The four documents auto claims require.</summary>
    public static readonly string[] AutoDocuments = ["police_report", "vehicle_damage_photos", "insurance_exchange_form", "repair_estimate"];

    /// <summary>A high-risk auto claim (new policy, phrases) with every document named.</summary>
    public static ClaimSubmission HighRisk(string claimId)
        => Auto(claimId, 6800m, "Damaged late at night with no witnesses; the garage works cash only.", AutoDocuments) with
        {
            PolicyNumber = "POL-AUTO-2002",
            IncidentDate = new DateOnly(2026, 10, 1),
            Claimant = new ClaimantInfo("Marco Ilves", "marco.ilves@example.com"),
        };

    /// <summary>A clean auto claim by Priya Raman on POL-AUTO-3003, which expired before the incident.</summary>
    public static ClaimSubmission Expired(string claimId = "CLM-TEST-0001")
        => Auto(claimId) with { PolicyNumber = "POL-AUTO-3003", Claimant = new ClaimantInfo("Priya Raman", "priya.raman@example.com") };

    public const string ValidJson = """
        {
          "claimId": "CLM-JSON-1",
          "policyNumber": "POL-AUTO-1001",
          "claimType": "Auto",
          "incidentDate": "2026-11-02",
          "amount": 4250.5,
          "currency": "usd",
          "claimant": { "name": "Dana Whitfield", "email": "dana@example.com" },
          "description": "Hit a bollard on ice.",
          "documents": [ { "type": "police_report", "filename": "report.pdf" } ]
        }
        """;
}
