using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace DurableClaims.Api.Intake;

/// <summary>One blob-created notification taken out of an Event Grid or CloudEvents delivery.</summary>
/// <param name="Url">The blob URL.</param>
/// <param name="ETag">The blob ETag.</param>
public sealed record BlobCreatedNotification(string Url, string ETag);

/// <summary>What a delivery held: blob-created notifications, or a subscription-validation code, and the entries that could not be read.</summary>
/// <param name="BlobsCreated">The blob-created notifications.</param>
/// <param name="ValidationCode">The subscription-validation code, when the delivery is the handshake.</param>
/// <param name="OtherEvents">Well-formed events of other types.</param>
/// <param name="Schema"><c>eventgrid</c> or <c>cloudevents</c>.</param>
/// <param name="Rejected">Entries that are not events (null, not an object, missing fields), each as <c>[index]: reason</c>.</param>
public sealed record BlobEventDelivery(
    IReadOnlyList<BlobCreatedNotification> BlobsCreated, string? ValidationCode, int OtherEvents, string Schema, IReadOnlyList<string>? Rejected = null);

/// <summary>Reads Event Grid deliveries in the Event Grid schema and in CloudEvents 1.0 (structured, single or batch) with the Azure SDK's parsers.</summary>
/// <remarks>
/// Each entry of a batch is read on its own: a <c>null</c>, a non-object or an event the SDK cannot read is skipped and
/// reported, never failing the delivery (Event Grid retries a failed delivery, so one bad entry would poison the batch).
/// A body in which no entry is an event is not a delivery at all.
/// </remarks>
public static class BlobEventReader
{
    /// <summary>The Event Grid event type of a created blob.</summary>
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    /// <summary>Parses a delivery; throws <see cref="FormatException"/> when the body is not JSON, or is neither an event nor an array of entries.</summary>
    public static BlobEventDelivery Read(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        List<JsonElement> entries;
        bool cloudEvents;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            entries = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().Select(e => e.Clone()).ToList(),
                JsonValueKind.Object => [root.Clone()],
                _ => throw new FormatException($"The body is not an Event Grid or CloudEvents 1.0 delivery: expected an event or an array of events, found {root.ValueKind}."),
            };
            var first = entries.FirstOrDefault(e => e.ValueKind == JsonValueKind.Object);
            cloudEvents = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not an Event Grid or CloudEvents 1.0 delivery: {ex.Message}", ex);
        }

        var blobs = new List<BlobCreatedNotification>();
        var rejected = new List<string>();
        string? validation = null;
        var other = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].ValueKind != JsonValueKind.Object)
            {
                rejected.Add($"[{i}]: not an event object ({entries[i].ValueKind})");
                continue;
            }

            try
            {
                var data = BinaryData.FromString(entries[i].GetRawText());
                var entry = cloudEvents ? ReadCloudEvent(data) : ReadEventGridEvent(data);
                if (entry.Blob is { } blob)
                {
                    blobs.Add(blob);
                }
                else if (entry.ValidationCode is { } code)
                {
                    validation = code;
                }
                else
                {
                    other++;
                }
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException or NullReferenceException)
            {
                rejected.Add($"[{i}]: {FirstLine(ex.Message)}");
            }
        }

        if (entries.Count > 0 && rejected.Count == entries.Count)
        {
            // Nothing in it is an event: the body as a whole is not a delivery (400, which Event Grid does not retry).
            throw new FormatException($"The body is not an Event Grid or CloudEvents 1.0 delivery: {string.Join("; ", rejected)}");
        }

        return new BlobEventDelivery(blobs, validation, other, cloudEvents ? "cloudevents" : "eventgrid", rejected);
    }

    private static (BlobCreatedNotification? Blob, string? ValidationCode) ReadEventGridEvent(BinaryData data)
    {
        var e = EventGridEvent.Parse(data);
        if (e.TryGetSystemEventData(out var system) && system is SubscriptionValidationEventData v)
        {
            return (null, v.ValidationCode);
        }

        return e.EventType == BlobCreatedType && e.TryGetSystemEventData(out system) && system is StorageBlobCreatedEventData created
            ? (Notification(created), null)
            : (null, null);
    }

    private static (BlobCreatedNotification? Blob, string? ValidationCode) ReadCloudEvent(BinaryData data)
    {
        var e = CloudEvent.Parse(data) ?? throw new FormatException("not a CloudEvent");
        return e.Type == BlobCreatedType && e.TryGetSystemEventData(out var system) && system is StorageBlobCreatedEventData created
            ? (Notification(created), null)
            : (null, null);
    }

    private static BlobCreatedNotification Notification(StorageBlobCreatedEventData created)
        => string.IsNullOrEmpty(created.Url) || string.IsNullOrEmpty(created.ETag)
            ? throw new FormatException("a BlobCreated event needs data.url and data.eTag")
            : new BlobCreatedNotification(created.Url, created.ETag);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
