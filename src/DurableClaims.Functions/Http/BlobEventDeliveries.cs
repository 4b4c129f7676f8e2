using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using DurableClaims.Api.Intake;

namespace DurableClaims.Functions.Http;

/// <summary>Reads Event Grid deliveries (Event Grid schema or CloudEvents 1.0; single event or batch) with the Azure SDK's parsers.</summary>
/// <remarks>
/// Mirrors the local host's reader for POST /api/events/blob-created (src/DurableClaims.Host/Events);
/// both should move into src/DurableClaims so that one implementation serves both hosts.
/// </remarks>
internal static class BlobEventDeliveries
{
    private const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    /// <summary>Parses a delivery into blob-created notifications, a validation code and a count of other events.</summary>
    /// <exception cref="FormatException">The body is neither schema.</exception>
    public static Delivery Read(BinaryData body)
    {
        try
        {
            return IsCloudEvents(body) ? ReadCloudEvents(body) : ReadEventGrid(body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"The body is not an Event Grid or CloudEvents 1.0 delivery: {ex.Message}", ex);
        }
    }

    /// <summary>Hands every created claim document to the intake; returns how each notification ended.</summary>
    public static async Task<Dictionary<IntakeOutcome, int>> DispatchAsync(Delivery delivery, UploadIntake intake, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<IntakeOutcome, int>();
        foreach (var (url, etag) in delivery.BlobsCreated)
        {
            var outcome = BlobUrl.TryParse(url) is { Container: BlobPath.Container } path
                ? await intake.HandleBlobCreatedAsync(path.BlobName, etag, url, delivery.Schema, cancellationToken)
                : IntakeOutcome.Ignored;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        return counts;
    }

    private static bool IsCloudEvents(BinaryData body)
    {
        using var document = JsonDocument.Parse(body);
        var first = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().FirstOrDefault()
            : document.RootElement;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static Delivery ReadEventGrid(BinaryData body)
    {
        var blobs = new List<(string, string)>();
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
                blobs.Add((created.Url, created.ETag));
            }
            else
            {
                other++;
            }
        }

        return new Delivery(blobs, validation, other, "eventgrid");
    }

    private static Delivery ReadCloudEvents(BinaryData body)
    {
        var blobs = new List<(string, string)>();
        var other = 0;
        foreach (var e in CloudEvent.ParseMany(body))
        {
            if (e.Type == BlobCreatedType && e.TryGetSystemEventData(out var data) && data is StorageBlobCreatedEventData created)
            {
                blobs.Add((created.Url, created.ETag));
            }
            else
            {
                other++;
            }
        }

        return new Delivery(blobs, null, other, "cloudevents");
    }

    /// <summary>What a delivery held.</summary>
    /// <param name="BlobsCreated">Blob URL and ETag of each created blob.</param>
    /// <param name="ValidationCode">The subscription-validation code, when the delivery is a handshake.</param>
    /// <param name="OtherEvents">Events of other types.</param>
    /// <param name="Schema">"eventgrid" or "cloudevents" (the intake's source name).</param>
    public sealed record Delivery(IReadOnlyList<(string Url, string ETag)> BlobsCreated, string? ValidationCode, int OtherEvents, string Schema);
}
