using DurableClaims.Api.Intake;
using DurableClaims.Api.Runtime;
using DurableClaims.Contracts;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Api;

/// <content>Document submission: store the content, then raise DocumentsReceived.</content>
public sealed partial class ClaimsApiService
{
    private static readonly string LongestClaimId = new('X', ClaimIds.MaxLength);

    /// <summary>Stores each document's content at <c>{claimId}/{type}/{filename}</c> and raises DocumentsReceived once for the batch, each document with its size, media type and SHA-256.</summary>
    public Task<ApiResult<DocumentsAccepted>> SubmitDocumentsAsync(
        string claimId, IReadOnlyList<DocumentUpload> uploads, string source, ApiCallContext call, CancellationToken cancellationToken = default)
        => SubmitDocumentsAsync(claimId, uploads, null, source, call, cancellationToken);

    /// <summary>As the public overload, with the Content-Type each upload came with (index for index; null: the file extension decides).</summary>
    private async Task<ApiResult<DocumentsAccepted>> SubmitDocumentsAsync(
        string claimId, IReadOnlyList<DocumentUpload> uploads, List<string?>? contentTypes, string source, ApiCallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(call);
        if (uploads.Count == 0)
        {
            return ApiResult.Invalid<DocumentsAccepted>("documents", "At least one document is required.");
        }

        // A name is not evidence: every document must bring its content.
        if (ValidateUploads<DocumentsAccepted>(uploads, requireContent: true) is { } invalid)
        {
            return invalid;
        }

        if (!ClaimIds.IsValid(claimId))
        {
            return UnknownClaim<DocumentsAccepted>(claimId);
        }

        // Checked before storing anything: documents for an unknown or finished claim are not kept.
        var instance = await runtime.GetAsync(claimId, true, cancellationToken);
        if (instance is null)
        {
            return UnknownClaim<DocumentsAccepted>(claimId);
        }

        if (instance.IsCompleted)
        {
            return ApiResult.Gone<DocumentsAccepted>($"Claim '{claimId}' has already finished ({instance.RuntimeStatus}).");
        }

        if (UnexpectedTypes(uploads, ClaimStatusMapper.ReadProgress(instance)) is { } unexpected)
        {
            return unexpected;
        }

        var received = new List<ReceivedDocument>();
        var written = new List<StoredDocument>();
        var receiptKeys = new List<string>();
        RuntimeOutcome outcome;
        try
        {
            // Every upload was checked above (content, type, name, size, storable path): nothing below refuses one half-way through the batch.
            for (var i = 0; i < uploads.Count; i++)
            {
                var upload = uploads[i];
                using var stream = new MemoryStream(upload.Content!, writable: false);
                var stored = await documents.SaveAsync(claimId, upload.Type!, upload.Filename!, stream, contentTypes?[i], cancellationToken);
                written.Add(stored);

                // The blob listener and Event Grid will report this blob too; the receipt makes them skip it.
                var key = IntakeReceipt.KeyFor(BlobPath.Name(claimId, upload.Type!, upload.Filename!), stored.ETag);
                if (await receipts.TryAddAsync(key, cancellationToken))
                {
                    receiptKeys.Add(key);
                }

                received.Add(stored.ToReceived());
            }

            outcome = await runtime.RaiseEventAsync(claimId, ClaimWorkflow.Events.DocumentsReceived, new DocumentsReceived(received, source), cancellationToken);
        }
        catch
        {
            // All or nothing: documents stored for an event that was not raised are taken back, and their
            // receipts given back (as the upload intake does) so that the listener or Event Grid is not blocked.
            await UndoAsync(written, receiptKeys);
            throw;
        }

        if (outcome != RuntimeOutcome.Done)
        {
            return outcome == RuntimeOutcome.NotFound
                ? UnknownClaim<DocumentsAccepted>(claimId)
                : ApiResult.Gone<DocumentsAccepted>($"Claim '{claimId}' finished before the documents arrived.");
        }

        Log.DocumentsReceived(logger, received.Count, claimId, source);
        var statusPath = ApiRoutes.AppPath(ApiRoutes.Claim, claimId);
        return ApiResult.Accepted<DocumentsAccepted>(new DocumentsAccepted(claimId, received, call.Url(statusPath, false)), statusPath);
    }

    /// <summary>Removes what a failed request stored; each step is tried on its own so that one failure does not keep the rest.</summary>
    /// <remarks>A document that replaced an earlier one of the same name is removed, not restored: the earlier content is gone.</remarks>
    private async Task UndoAsync(List<StoredDocument> written, List<string> receiptKeys)
    {
        foreach (var document in written)
        {
            try
            {
                await documents.DeleteAsync(document.ClaimId, document.Type, document.Filename, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Azure.RequestFailedException)
            {
                Log.UndoFailed(logger, document.ClaimId, $"{document.Type}/{document.Filename}", ex);
            }
        }

        foreach (var key in receiptKeys)
        {
            await receipts.RemoveAsync(key, CancellationToken.None);
        }
    }

    /// <summary>400 naming the types this claim expects when a document's type is none of them (a typo would otherwise be stored and never count).</summary>
    private static ApiResult<DocumentsAccepted>? UnexpectedTypes(IReadOnlyList<DocumentUpload> uploads, ClaimProgress? progress)
    {
        if (ExpectedDocuments.Of(progress) is not { } expected)
        {
            // Still in intake: the required documents are not known yet.
            return null;
        }

        var errors = uploads
            .Select((upload, i) => (upload, i))
            .Where(x => !ExpectedDocuments.Allows(expected, x.upload.Type!))
            .ToDictionary(
                x => $"documents[{x.i}].type",
                x => new[] { $"'{x.upload.Type}' is not a document this claim expects; expected: {string.Join(", ", expected)}." },
                StringComparer.Ordinal);
        return errors.Count == 0 ? null : ApiResult.Invalid<DocumentsAccepted>(errors, "A document type is not one this claim expects; nothing was stored.");
    }

    /// <summary>Stores the documents that came with a claim, then schedules it; a start that throws takes its documents back.</summary>
    private async Task<RuntimeOutcome> StoreThenScheduleAsync(ClaimSubmission claim, IReadOnlyList<DocumentUpload> uploads, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var upload in uploads)
            {
                using var stream = new MemoryStream(upload.Content!, writable: false);
                var stored = await documents.SaveAsync(claim.ClaimId, upload.Type!, upload.Filename!, stream, null, cancellationToken);

                // The intake (blob listener, Event Grid) will report this blob too: the claim counts it at its start instead.
                await receipts.TryAddAsync(IntakeReceipt.KeyFor(BlobPath.Name(claim.ClaimId, upload.Type!, upload.Filename!), stored.ETag), cancellationToken);
            }

            return await runtime.ScheduleAsync(ClaimWorkflow.OrchestratorName, claim.ClaimId, claim, cancellationToken);
        }
        catch when (uploads.Count > 0)
        {
            // The id was free when checked: whatever is stored under it now came with this request.
            await documents.DeleteAllAsync(claim.ClaimId, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Checks count, type and file name segments (safe and storable) and sizes; <paramref name="requireContent"/> refuses a document without content.</summary>
    private ApiResult<T>? ValidateUploads<T>(IReadOnlyList<DocumentUpload> uploads, bool requireContent)
    {
        if (uploads.Count > _options.MaxDocumentsPerRequest)
        {
            return ApiResult.Invalid<T>("documents", $"At most {_options.MaxDocumentsPerRequest} documents per request.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < uploads.Count; i++)
        {
            if (!ClaimIds.IsSafeSegment(uploads[i].Type))
            {
                errors[$"documents[{i}].type"] = [$"Required; at most {ClaimIds.MaxSegmentLength} letters, digits, '-', '_', '.', ' ' and parentheses."];
            }

            if (!ClaimIds.IsSafeSegment(uploads[i].Filename))
            {
                errors[$"documents[{i}].filename"] = [$"Required; a plain file name of at most {ClaimIds.MaxSegmentLength} characters (no folders, no '..')."];
            }
            else if (ClaimIds.IsSafeSegment(uploads[i].Type) && documents.CheckName(LongestClaimId, uploads[i].Type!, uploads[i].Filename!) is { } reason)
            {
                // Checked with the longest claim id: a name that fits it fits every claim.
                errors[$"documents[{i}].filename"] = [reason];
            }

            if (uploads[i].Content is { } content && content.LongLength > _options.MaxDocumentBytes)
            {
                return TooLarge<T>(uploads[i].Filename);
            }

            if (requireContent && uploads[i].Content is not { Length: > 0 })
            {
                errors[$"documents[{i}]"] = [$"Document '{uploads[i].Filename}' is empty or has no content; send the file itself."];
            }
        }

        return errors.Count > 0 ? ApiResult.Invalid<T>(errors, "The documents have invalid fields; nothing was stored.") : null;
    }

    private ApiResult<T> TooLarge<T>(string? filename)
        => ApiResult.TooLarge<T>($"Document '{filename}' is larger than the limit of {_options.MaxDocumentBytes} bytes; nothing was stored.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Claim {ClaimId}: document {Document} of a failed request could not be removed; delete it by hand")]
        public static partial void UndoFailed(ILogger logger, string claimId, string document, Exception exception);
    }
}
