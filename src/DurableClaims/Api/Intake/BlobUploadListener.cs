using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api.Intake;

/// <summary>Settings of the upload pipeline, bound from the configuration section "Uploads".</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Gets or sets whether the container listener runs (it needs Blob Storage).</summary>
    public bool ListenerEnabled { get; set; } = true;

    /// <summary>Gets or sets how often the listener lists the container.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long an intake may hold an upload's receipt before another takes it over (the holder died between taking it and raising the event).</summary>
    /// <remarks>Raising takes well under a second; a takeover after a slow raise only repeats a delivery the claim ignores.</remarks>
    public TimeSpan ReceiptTakeoverAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Polls the <c>claim-documents</c> container and hands every new upload (name + ETag) to <see cref="UploadIntake"/>.</summary>
/// <remarks>
/// The local counterpart of the Functions blob trigger. Uploads seen in this process are
/// remembered in memory to keep polling cheap; the durable receipts make a restart (which
/// lists everything again) raise nothing twice.
/// </remarks>
public sealed partial class BlobUploadListener(
    BlobContainerClient container, UploadIntake intake, IOptions<UploadOptions> options, ILogger<BlobUploadListener> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    /// <summary>Lists the container once and handles new uploads; returns how many raised an event.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var raised = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = blob.Properties.ETag?.ToString() ?? string.Empty;
            if (_seen.TryGetValue(blob.Name, out var seenTag) && seenTag == etag)
            {
                continue;
            }

            try
            {
                var outcome = await intake.HandleBlobCreatedAsync(blob.Name, etag, container.GetBlobClient(blob.Name).Uri.ToString(), "listener", cancellationToken);
                if (outcome == IntakeOutcome.InProgress)
                {
                    // Another intake holds the receipt: look again until it finishes or its receipt can be taken over.
                    continue;
                }

                _seen[blob.Name] = etag;
                raised += outcome == IntakeOutcome.Raised ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not remembered as seen: the next poll retries this upload.
                Log.UploadFailed(logger, ex, blob.Name);
            }
        }

        return raised;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        Log.Started(logger, container.Name, interval);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage may be briefly unreachable; the listener must outlive that.
                Log.PollFailed(logger, ex, container.Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Upload listener watches container '{Container}' every {Interval}")]
        public static partial void Started(ILogger logger, string container, TimeSpan interval);

        [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Upload listener could not list container '{Container}'; retrying")]
        public static partial void PollFailed(ILogger logger, Exception exception, string container);

        [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Upload '{BlobName}' could not be handed over; retrying on the next poll")]
        public static partial void UploadFailed(ILogger logger, Exception exception, string blobName);
    }
}
