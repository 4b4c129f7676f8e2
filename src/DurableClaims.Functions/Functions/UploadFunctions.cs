using DurableClaims.Api.Intake;
using DurableClaims.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Functions.Functions;

/// <summary>The upload pipeline in Azure: Event Grid queues each BlobCreated event of claim-documents (infra/app/event-grid.bicep); this hands it to the shared intake.</summary>
/// <remarks>
/// The intake is the code the local host's container listener and Event Grid endpoint use: it parses
/// <c>{claimId}/{documentType}/{fileName}</c>, skips duplicates by blob name + ETag and raises
/// DocumentsReceived once. An infrastructure failure throws, so the queue redelivers (up to
/// host.json's maxDequeueCount, then the message moves to claim-document-events-poison).
/// </remarks>
public sealed partial class UploadFunctions(ClaimsApiFactory factory, ILogger<UploadFunctions> logger)
{
    /// <summary>The queue Event Grid delivers to; infra/main.bicep creates it under the same name (a test checks both).</summary>
    public const string QueueName = "claim-document-events";

    /// <summary>One queued Event Grid event (Event Grid schema, base64-encoded by Event Grid as the queue trigger expects).</summary>
    [Function("ClaimDocumentUploaded")]
    public async Task RunAsync(
        [QueueTrigger(QueueName)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        BlobEventDelivery delivery;
        try
        {
            delivery = BlobEventReader.Read(BinaryData.FromString(message));
        }
        catch (FormatException ex)
        {
            // Retrying cannot fix an unreadable message; dropping it is logged.
            Log.Unreadable(logger, ex.Message);
            return;
        }

        // Intake failures (storage, task hub) throw, so the queue redelivers the message.
        var result = await factory.Intake(client).HandleDeliveryAsync(delivery, cancellationToken);
        Log.Handled(logger, result.Raised, result.Duplicates, result.Ignored, result.Refused, result.Rejected.Count);
        if (result.InProgress > 0)
        {
            // Another intake holds the upload's receipt; if it died, a later delivery takes it over. Throwing redelivers.
            throw new UploadInProgressException(result.InProgress);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Upload event dropped: the queue message is not an Event Grid event ({Problem})")]
        public static partial void Unreadable(ILogger logger, string problem);

        [LoggerMessage(EventId = 5202, Level = LogLevel.Information,
            Message = "Upload event handled: {Raised} raised, {Duplicates} duplicate(s), {Ignored} ignored, {Refused} refused, {Rejected} entr(y/ies) not events")]
        public static partial void Handled(ILogger logger, int raised, int duplicates, int ignored, int refused, int rejected);
    }
}
