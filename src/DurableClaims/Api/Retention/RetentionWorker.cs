using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api.Retention;

/// <summary>Runs the retention clean-up of the local host every <see cref="RetentionOptions.Interval"/>: the counterpart of the Functions app's timer trigger.</summary>
public sealed partial class RetentionWorker(
    ClaimsApiService api, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>Removes the finished claims older than the configured age once; returns what was removed.</summary>
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var olderThan = timeProvider.GetUtcNow().AddDays(-options.Value.OlderThanDays);
        var result = await api.CleanupAsync(olderThan, cancellationToken);
        Log.Cleaned(logger, result.SessionsRemoved, result.InstancesPurged, olderThan);
        return result;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed clean-up is retried at the next tick; it must never stop the host.
                Log.Failed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Retention: removed {Sessions} session(s) and purged {Instances} instance(s) of claims finished before {OlderThan}")]
        public static partial void Cleaned(ILogger logger, int sessions, int instances, DateTimeOffset olderThan);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Retention clean-up failed; it runs again at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
