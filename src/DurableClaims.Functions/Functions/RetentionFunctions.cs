using DurableClaims.Functions.Durable;
using DurableClaims.Api.Retention;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Functions;

/// <summary>Retention clean-up on a schedule: the shared API service removes finished sessions and purges their instances.</summary>
public sealed partial class RetentionFunctions(ClaimsApiFactory factory, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionFunctions> logger)
{
    /// <summary>Runs on RETENTION_SCHEDULE (NCRONTAB, UTC; default 03:00 daily).</summary>
    [Function("RetentionCleanup")]
    public async Task RunAsync(
        [TimerTrigger("%RETENTION_SCHEDULE%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(client);
        var olderThan = time.GetUtcNow().AddDays(-options.Value.OlderThanDays);
        var result = await factory.Api(client).CleanupAsync(olderThan, cancellationToken);
        Log.Cleaned(logger, result.SessionsRemoved, result.InstancesPurged, olderThan, timer.IsPastDue, timer.ScheduleStatus?.Next);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
            Message = "Retention: removed {Sessions} session(s) and purged {Instances} instance(s) older than {OlderThan} (past due: {PastDue}; next run {Next})")]
        public static partial void Cleaned(ILogger logger, int sessions, int instances, DateTimeOffset olderThan, bool pastDue, DateTime? next);
    }
}
