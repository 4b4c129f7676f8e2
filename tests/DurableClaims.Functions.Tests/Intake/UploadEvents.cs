using System.Text.Json.Nodes;

namespace DurableClaims.Functions.Tests.Intake;

/// <summary>Event Grid events as Azure Storage publishes them for a blob created in claim-documents.</summary>
public static class UploadEvents
{
    /// <summary>The blob URL of a claim document in the storage account (path <c>{claimId}/{type}/{file}</c>).</summary>
    public static string BlobUrl(string claimId, string type, string fileName)
        => $"https://claimsdocs.blob.core.windows.net/claim-documents/{claimId}/{type}/{fileName}";

    /// <summary>One event in the Event Grid schema: what the queue trigger receives once the runtime has decoded the base64 message.</summary>
    public static JsonObject BlobCreated(string url, string etag) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/claimsdocs",
        ["subject"] = "/blobServices/default/containers/claim-documents/blobs/" + url.Split("/claim-documents/")[^1],
        ["eventType"] = "Microsoft.Storage.BlobCreated",
        ["eventTime"] = "2026-11-23T12:00:00Z",
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["data"] = new JsonObject
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
        },
    };

    /// <summary>Event Grid's subscription-validation event, as pushed to a webhook.</summary>
    public static string Validation(string code) => new JsonArray(new JsonObject
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
}
