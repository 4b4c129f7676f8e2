using System.Text.Json.Nodes;

namespace DurableClaims.Testing;

/// <summary>Event Grid and CloudEvents bodies shaped as Azure Storage sends them, for both hosts' intake tests.</summary>
public static class EventPayloads
{
    /// <summary>The blob URL of a claim document in a storage account (path <c>{claimId}/{type}/{file}</c>).</summary>
    public static string BlobUrl(string claimId, string type, string fileName)
        => $"https://claimsdocs.blob.core.windows.net/claim-documents/{claimId}/{type}/{fileName}";

    public static string EventGridBlobCreated(string url, string etag) => new JsonArray(EventGridEvent(url, etag)).ToJsonString();

    public static JsonObject EventGridEvent(string url, string etag) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
        ["subject"] = "/blobServices/default/containers/claim-documents/blobs/" + url.Split("/claim-documents/")[^1],
        ["eventType"] = "Microsoft.Storage.BlobCreated",
        ["eventTime"] = "2026-11-23T12:00:00Z",
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["data"] = BlobData(url, etag),
    };

    public static string CloudEventBlobCreated(string url, string etag) => new JsonObject
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["source"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
        ["subject"] = "/blobServices/default/containers/claim-documents/blobs/" + url.Split("/claim-documents/")[^1],
        ["type"] = "Microsoft.Storage.BlobCreated",
        ["time"] = "2026-11-23T12:00:00Z",
        ["datacontenttype"] = "application/json",
        ["data"] = BlobData(url, etag),
    }.ToJsonString();

    public static string EventGridValidation(string code) => new JsonArray(new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/x",
        ["subject"] = "",
        ["eventType"] = "Microsoft.EventGrid.SubscriptionValidationEvent",
        ["eventTime"] = "2026-11-23T12:00:00Z",
        ["dataVersion"] = "2",
        ["metadataVersion"] = "1",
        ["data"] = new JsonObject { ["validationCode"] = code, ["validationUrl"] = "https://example.invalid/validate" },
    }).ToJsonString();

    private static JsonObject BlobData(string url, string etag) => new()
    {
        ["api"] = "PutBlob",
        ["clientRequestId"] = Guid.NewGuid().ToString(),
        ["requestId"] = Guid.NewGuid().ToString(),
        ["eTag"] = etag,
        ["contentType"] = "application/pdf",
        ["contentLength"] = 10,
        ["blobType"] = "BlockBlob",
        ["url"] = url,
        ["sequencer"] = "0000000000000000000000000000000000000000000000000",
        ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
    };
}
