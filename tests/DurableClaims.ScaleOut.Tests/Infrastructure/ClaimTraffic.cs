using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.Testing;

namespace DurableClaims.ScaleOut.Tests.Infrastructure;

/// <summary>What a portal, an uploader and an auditor do to the hosts: start claims, deliver documents, read the outcome.</summary>
internal static class ClaimTraffic
{
    /// <summary>A travel claim sent with its booking confirmation; it pauses for the receipts.</summary>
    public static async Task StartAsync(HttpClient http, string claimId)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(ClaimBodies.TravelJson(claimId, 420m, "booking_confirmation"), Encoding.UTF8, "application/json"), "claim", "claim.json" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Booking ABC123, Lisbon, 2 Nov 2026")), "booking_confirmation", "booking_confirmation.pdf" },
        };
        using var response = await http.PostAsync("api/claims", form);
        await EnsureAsync(response, $"start {claimId}");
    }

    /// <summary>Sends the receipts through a host's documents route.</summary>
    public static async Task DeliverOverHttpAsync(HttpClient http, string claimId)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Hotel 180 EUR; ticket 240 EUR")), "receipts", "receipts.txt" },
        };
        using var response = await http.PostAsync($"api/claims/{claimId}/documents", form);
        await EnsureAsync(response, $"deliver {claimId}");
    }

    /// <summary>Writes the receipts straight into the documents container, as a portal with an upload link does; a host's listener must notice.</summary>
    public static async Task DeliverAsBlobAsync(BlobContainerClient documents, string claimId) =>
        await documents.GetBlobClient($"{claimId}/receipts/receipts.txt")
            .UploadAsync(BinaryData.FromString("Hotel 180 EUR; ticket 240 EUR"), overwrite: false);

    public static async Task<ClaimStatusView?> StatusAsync(HttpClient http, string claimId)
    {
        using var response = await http.GetAsync($"api/claims/{claimId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ClaimStatusView>(ClaimsJson.Options) : null;
    }

    public static async Task<IReadOnlyList<ClaimLifecycleEvent>> EventsAsync(HttpClient http, string claimId) =>
        await http.GetFromJsonAsync<List<ClaimLifecycleEvent>>($"api/claims/{claimId}/events", ClaimsJson.Options) ?? [];

    public static async Task<IReadOnlyList<HistoryMessageView>> HistoryAsync(HttpClient http, string claimId) =>
        await http.GetFromJsonAsync<List<HistoryMessageView>>($"api/claims/{claimId}/history", ClaimsJson.Options) ?? [];

    public static async Task<DecisionPackageView?> PackageAsync(HttpClient http, string claimId) =>
        await http.GetFromJsonAsync<DecisionPackageView>($"api/claims/{claimId}/package", ClaimsJson.Options);

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
