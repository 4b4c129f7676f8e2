using System.Text;
using System.Text.Json.Nodes;
using DurableClaims.Testing;

namespace DurableClaims.Functions.Tests.Triggers;

/// <summary>Claim and document bodies for the triggers.</summary>
public static class TestClaims
{
    public static string NewId(string prefix = "FN") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A valid travel claim naming <paramref name="documentTypes"/> as submitted (travel needs booking_confirmation and receipts).</summary>
    public static string TravelJson(string claimId, params string[] documentTypes) => ClaimBodies.TravelJson(claimId, 420m, documentTypes);

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
