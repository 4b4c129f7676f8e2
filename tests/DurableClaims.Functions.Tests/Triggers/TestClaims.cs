using System.Text;
using System.Text.Json.Nodes;

namespace DurableClaims.Functions.Tests.Triggers;

/// <summary>Claim and document bodies for the triggers.</summary>
public static class TestClaims
{
    public static string NewId(string prefix = "FN") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A valid travel claim naming <paramref name="documentTypes"/> as submitted (travel needs booking_confirmation and receipts).</summary>
    public static string TravelJson(string claimId, params string[] documentTypes) => new JsonObject
    {
        ["claimId"] = claimId,
        ["policyNumber"] = "POL-TRAVEL-5005",
        ["claimType"] = "travel",
        ["incidentDate"] = "2026-11-02",
        ["amount"] = 420m,
        ["currency"] = "EUR",
        ["claimant"] = new JsonObject { ["name"] = "Amara Okafor", ["email"] = "amara@example.com" },
        ["description"] = "My flight was cancelled and I had to pay for a hotel night and a new ticket.",
        ["documents"] = new JsonArray([.. documentTypes.Select(t => (JsonNode)new JsonObject { ["type"] = t, ["filename"] = t + ".pdf" })]),
    }.ToJsonString();

    /// <summary>A JSON documents request with base64 content.</summary>
    public static string DocumentsJson(params string[] types) => new JsonObject
    {
        ["documents"] = new JsonArray([.. types.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = t,
            ["filename"] = t + ".txt",
            ["contentBase64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("content of " + t)),
        })]),
    }.ToJsonString();
}
