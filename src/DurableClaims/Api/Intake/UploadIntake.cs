using DurableClaims.Api.Runtime;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api.Intake;

/// <summary>What the intake did with one uploaded blob.</summary>
public enum IntakeOutcome
{
    /// <summary>DocumentsReceived was raised.</summary>
    Raised,

    /// <summary>This upload (name + ETag) was already handled.</summary>
    Duplicate,

    /// <summary>The path breaks the contract or names an unknown claim; logged and ignored.</summary>
    Ignored,

    /// <summary>The claim has already finished; logged and ignored.</summary>
    ClaimFinished,

    /// <summary>The notification names a blob that is not in the configured store (missing, another account) or is over the size limit; logged and refused.</summary>
    Refused,

    /// <summary>Another intake holds this upload's receipt and is raising its event; ask again later (it may have died, then its receipt is taken over).</summary>
    InProgress,
}

/// <summary>Turns "a blob was created in the documents container" into one DocumentsReceived event, whichever way the news came (listener or Event Grid).</summary>
/// <remarks>
/// The container is <see cref="StorageOptions.DocumentsContainer"/> (Claims:Storage:DocumentsContainer, default <see cref="BlobPath.Container"/>).
/// An upload counts only as evidence: an empty blob, or a type the claim does not expect, is logged and ignored
/// (no receipt is taken, so a later upload of the same name is judged again). The event carries the size, media
/// type and SHA-256 the document store reports for the blob.
/// </remarks>
/// <para>
/// A notification is news, not evidence: the blob must exist in the configured store (same account for Blob Storage) and be
/// within <see cref="ClaimsApiOptions.MaxDocumentBytes"/>; otherwise the upload is refused (logged, counted as refused) and a
/// blob over the limit is removed from the container, as the documents route would have refused it.
/// </para>
public sealed partial class UploadIntake(
    IClaimsRuntimeClient runtime,
    IIntakeReceiptStore receipts,
    IDocumentStore documents,
    IOptions<StorageOptions> storage,
    IOptions<ClaimsApiOptions> apiOptions,
    IOptions<UploadOptions> uploadOptions,
    ILogger<UploadIntake> logger)
{
    private readonly string _container = storage.Value.DocumentsContainer;
    private readonly long _maxDocumentBytes = apiOptions.Value.MaxDocumentBytes;
    private readonly TimeSpan _takeoverAfter = uploadOptions.Value.ReceiptTakeoverAfter;

    /// <summary>Handles one created blob; never throws for bad input, only for infrastructure failures (so the caller retries).</summary>
    /// <param name="blobName">The blob name within the documents container.</param>
    /// <param name="etag">The blob's ETag (identifies this upload).</param>
    /// <param name="location">The blob URL, when known.</param>
    /// <param name="source">Which way in: <c>listener</c>, <c>eventgrid</c>, <c>cloudevents</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IntakeOutcome> HandleBlobCreatedAsync(
        string blobName, string etag, string? location, string source, CancellationToken cancellationToken = default)
    {
        var path = BlobPath.TryParse(blobName, out var problem);
        if (path is null)
        {
            Log.BadPath(logger, blobName, problem!, source);
            return IntakeOutcome.Ignored;
        }

        // Documents stored through the API (with a claim or its documents route) carry a receipt already: a listener
        // or Event Grid that sees them afterwards has nothing to judge, whatever the claim expects by now.
        if (await receipts.IsHandledAsync(IntakeReceipt.KeyFor(blobName, etag), cancellationToken))
        {
            Log.Duplicate(logger, blobName, etag, source);
            return IntakeOutcome.Duplicate;
        }

        // With payloads: the custom status says which documents the claim expects.
        var instance = await runtime.GetAsync(path.ClaimId, true, cancellationToken);
        if (instance is null)
        {
            Log.BadPath(logger, blobName, "unknown claim", source);
            return IntakeOutcome.Ignored;
        }

        if (instance.IsCompleted)
        {
            Log.ClaimFinished(logger, blobName, instance.RuntimeStatus.ToString());
            return IntakeOutcome.ClaimFinished;
        }

        var expected = ExpectedDocuments.Of(ClaimStatusMapper.ReadProgress(instance));
        if (!ExpectedDocuments.Allows(expected, path.DocumentType))
        {
            Log.NotCounted(logger, blobName, $"'{path.DocumentType}' is not a document this claim expects (expected: {string.Join(", ", expected!)})", source);
            return IntakeOutcome.Ignored;
        }

        var stored = await documents.GetAsync(path.ClaimId, path.DocumentType, path.FileName, cancellationToken);
        if (stored is null)
        {
            Log.Refused(logger, blobName, "the blob does not exist in the configured documents store", source);
            return IntakeOutcome.Refused;
        }

        if (OtherAccount(location, stored.Location) is { } reason)
        {
            // Not our blob: ours of the same name (if any) is left alone.
            Log.Refused(logger, blobName, reason, source);
            return IntakeOutcome.Refused;
        }

        if (stored.Size > _maxDocumentBytes)
        {
            await RemoveAsync(path, cancellationToken);
            Log.Refused(logger, blobName, $"the blob is {stored.Size} bytes, over the limit of {_maxDocumentBytes} (Api:MaxDocumentBytes); it was removed", source);
            return IntakeOutcome.Refused;
        }

        if (stored is { Size: 0 })
        {
            Log.NotCounted(logger, blobName, "the blob is empty", source);
            return IntakeOutcome.Ignored;
        }

        // Taken before raising, handled after: a host killed in between leaves a taken receipt that another intake takes
        // over later and raises again (the claim ignores a delivery of documents it already has), so no upload is lost.
        var key = IntakeReceipt.KeyFor(blobName, etag);
        switch (await receipts.TryTakeAsync(key, _takeoverAfter, cancellationToken))
        {
            case ReceiptTake.Handled:
                Log.Duplicate(logger, blobName, etag, source);
                return IntakeOutcome.Duplicate;
            case ReceiptTake.Busy:
                Log.InProgress(logger, blobName, source);
                return IntakeOutcome.InProgress;
            case ReceiptTake.TakenOver:
                Log.TakenOver(logger, blobName, _takeoverAfter, source);
                break;
        }

        RuntimeOutcome outcome;
        try
        {
            var document = stored.ToReceived();
            outcome = await runtime.RaiseEventAsync(path.ClaimId, ClaimWorkflow.Events.DocumentsReceived, new DocumentsReceived([document], "upload"), cancellationToken);
        }
        catch
        {
            // The receipt was taken for an event that was not raised: give it back so a retry can raise it.
            await receipts.RemoveAsync(key, CancellationToken.None);
            throw;
        }

        await receipts.CompleteAsync(key, CancellationToken.None);
        if (outcome != RuntimeOutcome.Done)
        {
            Log.ClaimFinished(logger, blobName, outcome.ToString());
            return IntakeOutcome.ClaimFinished;
        }

        Log.Raised(logger, path.ClaimId, path.DocumentType, path.FileName, source);
        return IntakeOutcome.Raised;
    }

    /// <summary>Answers an Event Grid webhook delivery (Event Grid schema or CloudEvents 1.0): the validation handshake, or the <see cref="BlobEventsResult"/> of its blob-created events.</summary>
    public async Task<ApiResult<object>> ReceiveDeliveryAsync(string body, CancellationToken cancellationToken = default)
    {
        BlobEventDelivery delivery;
        try
        {
            delivery = BlobEventReader.Read(BinaryData.FromString(body));
        }
        catch (FormatException ex)
        {
            return ApiResult.Fail<object>(ApiResultKind.Invalid, new ApiProblem("Bad request", ex.Message, new Dictionary<string, string[]> { ["$"] = [ex.Message] }));
        }

        if (delivery.ValidationCode is { } code)
        {
            return ApiResult.Ok<object>(new SubscriptionValidationResponse(code));
        }

        // An upload another intake holds may never be raised if that intake died: Event Grid redelivers on a 503, and the
        // uploads of the batch that were handled are duplicates then.
        var result = await HandleDeliveryAsync(delivery, cancellationToken);
        return result.InProgress == 0
            ? ApiResult.Ok<object>(result)
            : ApiResult.Fail<object>(ApiResultKind.Unavailable, new ApiProblem(
                "Upload being handled",
                $"{result.InProgress} upload(s) of this delivery are being raised by another intake right now; deliver again later.",
                Extensions: new Dictionary<string, object?> { ["result"] = result }));
    }

    /// <summary>Hands every created claim document of an Event Grid or CloudEvents delivery to <see cref="HandleBlobCreatedAsync"/>; blobs of other containers count as ignored.</summary>
    public async Task<BlobEventsResult> HandleDeliveryAsync(BlobEventDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var counts = new Dictionary<IntakeOutcome, int>();
        foreach (var rejected in delivery.Rejected ?? [])
        {
            Log.BadEntry(logger, rejected, delivery.Schema);
        }

        foreach (var blob in delivery.BlobsCreated)
        {
            var outcome = BlobUrl.TryParse(blob.Url) is { } path && string.Equals(path.Container, _container, StringComparison.Ordinal)
                ? await HandleBlobCreatedAsync(path.BlobName, blob.ETag, blob.Url, delivery.Schema, cancellationToken)
                : IntakeOutcome.Ignored;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        return new BlobEventsResult(
            counts.GetValueOrDefault(IntakeOutcome.Raised),
            counts.GetValueOrDefault(IntakeOutcome.Duplicate),
            counts.GetValueOrDefault(IntakeOutcome.Ignored) + counts.GetValueOrDefault(IntakeOutcome.ClaimFinished) + delivery.OtherEvents)
        {
            Refused = counts.GetValueOrDefault(IntakeOutcome.Refused),
            InProgress = counts.GetValueOrDefault(IntakeOutcome.InProgress),
            Rejected = delivery.Rejected ?? [],
        };
    }

    /// <summary>Returns why the notified blob is not the store's (another account or host), or null when it is or cannot be told.</summary>
    /// <remarks>The folder store has no account: there, existing in the configured folder is what counts.</remarks>
    private static string? OtherAccount(string? notified, string storedLocation)
    {
        if (!Uri.TryCreate(notified, UriKind.Absolute, out var notifiedUri) || !Uri.TryCreate(storedLocation, UriKind.Absolute, out var storedUri)
            || storedUri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var a = new Azure.Storage.Blobs.BlobUriBuilder(notifiedUri);
        var b = new Azure.Storage.Blobs.BlobUriBuilder(storedUri);
        return string.Equals(notifiedUri.Host, storedUri.Host, StringComparison.OrdinalIgnoreCase) && notifiedUri.Port == storedUri.Port
            && string.Equals(a.AccountName, b.AccountName, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"the blob is in another storage account ({notifiedUri.Host}), not the configured one";
    }

    /// <summary>Removes a refused blob from the documents container, when the store can remove a single document.</summary>
    private async Task RemoveAsync(BlobPath path, CancellationToken cancellationToken)
    {
        if (documents is Documents.DocumentStore store)
        {
            await store.DeleteAsync(path.ClaimId, path.DocumentType, path.FileName, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Upload {DocumentType}/{FileName} for claim {ClaimId} raised DocumentsReceived (via {Source})")]
        public static partial void Raised(ILogger logger, string claimId, string documentType, string fileName, string source);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Ignored upload '{BlobName}': {Problem} (via {Source})")]
        public static partial void BadPath(ILogger logger, string blobName, string problem, string source);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Upload '{BlobName}' (ETag {ETag}) was already handled (via {Source})")]
        public static partial void Duplicate(ILogger logger, string blobName, string etag, string source);

        [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Ignored upload '{BlobName}': the claim has finished ({Status})")]
        public static partial void ClaimFinished(ILogger logger, string blobName, string status);

        [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Upload '{BlobName}' not counted as received: {Reason} (via {Source})")]
        public static partial void NotCounted(ILogger logger, string blobName, string reason, string source);

        [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Upload '{BlobName}' refused: {Reason} (via {Source})")]
        public static partial void Refused(ILogger logger, string blobName, string reason, string source);

        [LoggerMessage(EventId = 4114, Level = LogLevel.Debug, Message = "Upload '{BlobName}' is being raised by another intake; asking again later (via {Source})")]
        public static partial void InProgress(ILogger logger, string blobName, string source);

        [LoggerMessage(EventId = 4115, Level = LogLevel.Warning, Message = "Upload '{BlobName}' was taken by an intake that did not finish within {TakeoverAfter} (it stopped); raising it here (via {Source})")]
        public static partial void TakenOver(ILogger logger, string blobName, TimeSpan takeoverAfter, string source);

        [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Skipped an entry of a {Schema} delivery that is not an event: {Entry}")]
        public static partial void BadEntry(ILogger logger, string entry, string schema);
    }
}
