using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Infrastructure;

/// <summary>Claim bodies and HTTP helpers shared by the tests.</summary>
public static class TestClaims
{
    public static string NewId(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A valid travel claim that names <paramref name="documentTypes"/> as submitted documents (travel needs booking_confirmation and receipts).</summary>
    public static string TravelJson(string claimId, decimal amount = 420m, params string[] documentTypes)
        => ClaimBodies.TravelJson(claimId, amount, documentTypes);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Starts a claim as a portal does: with a file for each document it names (multipart), or as plain JSON when it names none.</summary>
    /// <remarks>Names alone are not evidence: a named document without its file stays missing.</remarks>
    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, string json)
    {
        var named = ClaimBodies.NamedDocumentFiles(json);
        if (named.Count == 0)
        {
            return await client.PostAsync("/api/claims", Json(json));
        }

        using var form = new MultipartFormDataContent { { Json(json), "claim", "claim.json" } };
        foreach (var (type, fileName, content) in named)
        {
            form.Add(new ByteArrayContent(content), type, fileName);
        }

        return await client.PostAsync("/api/claims", form);
    }

    /// <summary>The type folders stored for a claim in the local documents folder.</summary>
    public static IReadOnlyList<string> StoredDocumentTypes(string dataDirectory, string claimId)
    {
        var folder = Path.Combine(dataDirectory, "claim-documents", claimId);
        return Directory.Exists(folder) ? [.. Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];
    }

    /// <summary>Starts a travel claim that lacks its receipts and waits until it pauses for them.</summary>
    public static async Task<string> StartPausedAsync(HttpClient client, string? claimId = null)
    {
        claimId ??= NewId();
        using var response = await StartAsync(client, TravelJson(claimId, 420m, "booking_confirmation"));
        response.EnsureSuccessStatusCode();
        await WaitForStatusAsync(client, claimId, s => s == "paused");
        return claimId;
    }

    /// <summary>Polls the claim until its status satisfies <paramref name="done"/>; returns the status object.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string claimId, Func<string, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/api/claims/{claimId}");
            if (response.IsSuccessStatusCode)
            {
                last = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (done(last.GetProperty("status").GetString()!))
                {
                    return last;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Claim {claimId} did not reach the expected status; last: {last}");
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
        => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Posts JSON documents (type + filename + text content) for a claim.</summary>
    public static async Task<HttpResponseMessage> PostDocumentsAsync(HttpClient client, string claimId, params string[] types)
    {
        var documents = new JsonArray(types.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = t,
            ["filename"] = t + ".txt",
            ["contentBase64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("content of " + t)),
        }).ToArray());
        return await client.PostAsync($"/api/claims/{claimId}/documents", Json(new JsonObject { ["documents"] = documents }.ToJsonString()));
    }
}
