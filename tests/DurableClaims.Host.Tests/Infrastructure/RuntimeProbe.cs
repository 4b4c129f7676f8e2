using System.Text.Json;

namespace DurableClaims.Host.Tests.Infrastructure;

/// <summary>Helpers that read the engine's view of a claim through the management API.</summary>
public static class RuntimeProbe
{
    /// <summary>Counts how many times <paramref name="eventName"/> was raised to the instance.</summary>
    public static async Task<int> CountRaisedAsync(HttpClient client, string instanceId, string eventName = "DocumentsReceived")
    {
        using var response = await client.GetAsync($"/runtime/webhooks/durabletask/instances/{instanceId}?showHistory=true");
        var body = await response.ReadJsonAsync();
        return body.GetProperty("historyEvents").EnumerateArray().Count(e =>
            e.GetProperty("EventType").GetString() == "EventRaised"
            && e.TryGetProperty("FunctionName", out var name) && name.GetString() == eventName);
    }

    /// <summary>Starts a travel claim with no documents (both required ones missing) and waits for the pause.</summary>
    public static async Task<string> StartMissingBothAsync(HttpClient client)
    {
        var claimId = TestClaims.NewId("UP");
        using var response = await TestClaims.StartAsync(client, TestClaims.TravelJson(claimId));
        response.EnsureSuccessStatusCode();
        await TestClaims.WaitForStatusAsync(client, claimId, s => s == "paused");
        return claimId;
    }

    /// <summary>Waits until the claim's received documents include <paramref name="type"/>; returns the status object.</summary>
    public static async Task<JsonElement> WaitForReceivedAsync(HttpClient client, string claimId, string type)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/api/claims/{claimId}");
            last = await response.ReadJsonAsync();
            if (last.GetProperty("receivedDocuments").EnumerateArray().Any(e => e.GetString() == type))
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Claim {claimId} never listed {type} as received; last: {last}");
    }
}
