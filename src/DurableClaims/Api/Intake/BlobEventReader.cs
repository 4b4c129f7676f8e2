using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace DurableClaims.Api.Intake;

/// <summary>One blob-created notification taken out of an Event Grid or CloudEvents delivery.</summary>
/// <param name="Url">The blob URL.</param>
/// <param name="ETag">The blob ETag.</param>
public sealed record BlobCreatedNotification(string Url, string ETag);

/// <summary>What a delivery held: blob-created notifications, or a subscription-validation code.</summary>
public sealed record BlobEventDelivery(IReadOnlyList<BlobCreatedNotification> BlobsCreated, string? ValidationCode, int OtherEvents, string Schema);

/// <summary>Reads Event Grid deliveries in the Event Grid schema and in CloudEvents 1.0 (structured, single or batch) with the Azure SDK's parsers.</summary>
public static class BlobEventReader
{
    /// <summary>The Event Grid event type of a created blob.</summary>
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    /// <summary>Parses a delivery; throws <see cref="FormatException"/> when it is neither schema.</summary>
    public static BlobEventDelivery Read(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return IsCloudEvents(body) ? ReadCloudEvents(body) : ReadEventGrid(body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"The body is not an Event Grid or CloudEvents 1.0 delivery: {ex.Message}", ex);
        }
    }

    private static bool IsCloudEvents(BinaryData body)
    {
        using var document = JsonDocument.Parse(body);
        var first = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().FirstOrDefault()
            : document.RootElement;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static BlobEventDelivery ReadEventGrid(BinaryData body)
    {
        var blobs = new List<BlobCreatedNotification>();
        string? validation = null;
        var other = 0;
        foreach (var e in EventGridEvent.ParseMany(body))
        {
            if (e.TryGetSystemEventData(out var data) && data is SubscriptionValidationEventData v)
            {
                validation = v.ValidationCode;
            }
            else if (e.EventType == BlobCreatedType && e.TryGetSystemEventData(out data) && data is StorageBlobCreatedEventData created)
            {
                blobs.Add(new BlobCreatedNotification(created.Url, created.ETag));
            }
            else
            {
                other++;
            }
        }

        return new BlobEventDelivery(blobs, validation, other, "eventgrid");
    }

    private static BlobEventDelivery ReadCloudEvents(BinaryData body)
    {
        var blobs = new List<BlobCreatedNotification>();
        var other = 0;
        foreach (var e in CloudEvent.ParseMany(body))
        {
            if (e.Type == BlobCreatedType && e.TryGetSystemEventData(out var data) && data is StorageBlobCreatedEventData created)
            {
                blobs.Add(new BlobCreatedNotification(created.Url, created.ETag));
            }
            else
            {
                other++;
            }
        }

        return new BlobEventDelivery(blobs, null, other, "cloudevents");
    }
}
