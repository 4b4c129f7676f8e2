using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api;

/// <content>Cheap fingerprints for the live-update streams: a stream sends an event only when one changes.</content>
public sealed partial class ClaimsApiService
{
    private static readonly JsonSerializerOptions FingerprintJson = new(JsonSerializerDefaults.Web);

    /// <summary>A fingerprint of the whole claims list: it changes when a claim is added, removed or changes its status, wait or update time.</summary>
    public async Task<string> GetListFingerprintAsync(ApiCallContext call, CancellationToken cancellationToken = default)
    {
        var request = new ClaimListRequest(null, null, null, null, null);
        var (query, _) = ReadListQuery(request);
        var all = await ReadAllClaimsAsync(query!, request, call, cancellationToken);
        var text = new StringBuilder();
        foreach (var claim in all.OrderBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            text.Append(claim.ClaimId).Append('|').Append(claim.Status).Append('|').Append(claim.Awaiting)
                .Append('|').Append(claim.LastUpdatedTime.UtcTicks).Append('\n');
        }

        return Hash(text.ToString());
    }

    /// <summary>A fingerprint of what a claim page shows of the status object (the upload link is left out: a SAS URL differs on every read).</summary>
    public static string StatusFingerprint(ClaimStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Hash(JsonSerializer.Serialize(view with { UploadUrl = null }, FingerprintJson));
    }

    /// <summary>A fingerprint of a claim's lifecycle events: events are only appended, so count and last id suffice.</summary>
    public static string EventsFingerprint(IReadOnlyList<Contracts.ClaimLifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? "0" : $"{events.Count}:{events[^1].Id}";
    }

    /// <summary>Whether nothing more can happen to the claim: its workflow ended and it waits for no one and offers no action.</summary>
    public static bool IsSettled(ClaimStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ended = view.RuntimeStatus is null
            || (Enum.TryParse<OrchestrationRuntimeStatus>(view.RuntimeStatus, out var status)
                && status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
        return ended && view.Awaiting is null && view.Actions.Count == 0;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
