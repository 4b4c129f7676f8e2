using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableClaims.Testing;

/// <summary>What the HTTP tests of both hosts read from a claim body they send.</summary>
public static class ClaimBodies
{
    /// <summary>A valid travel claim of <paramref name="amount"/> EUR naming <paramref name="documentTypes"/> as submitted, each as <c>{type}.pdf</c> (travel needs booking_confirmation and receipts).</summary>
    public static string TravelJson(string claimId, decimal amount, params string[] documentTypes) => new JsonObject
    {
        ["claimId"] = claimId,
        ["policyNumber"] = "POL-TRAVEL-5005",
        ["claimType"] = "travel",
        ["incidentDate"] = "2026-11-02",
        ["amount"] = amount,
        ["currency"] = "EUR",
        ["claimant"] = new JsonObject { ["name"] = "Amara Okafor", ["email"] = "amara@example.com" },
        ["description"] = "My flight was cancelled and I had to pay for a hotel night and a new ticket.",
        ["documents"] = new JsonArray([.. documentTypes.Select(t => (JsonNode)new JsonObject { ["type"] = t, ["filename"] = t + ".pdf" })]),
    }.ToJsonString();

    /// <summary>A small file for each document a JSON claim names, as a portal would send it with the claim; none for a body that is not JSON.</summary>
    public static IReadOnlyList<(string Type, string FileName, byte[] Content)> NamedDocumentFiles(string json)
    {
        try
        {
            return [.. (JsonNode.Parse(json)?["documents"] as JsonArray ?? [])
                .Select(d => (Type: d?["type"]?.GetValue<string>(), FileName: d?["filename"]?.GetValue<string>()))
                .Where(d => d.Type is not null && d.FileName is not null)
                .Select(d => (d.Type!, d.FileName!, Encoding.UTF8.GetBytes("content of " + d.Type)))];
        }
        catch (JsonException)
        {
            // A malformed body is what the test sends on purpose: it goes as it is.
            return [];
        }
    }
}
