using DurableClaims.Contracts;
using DurableClaims.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Functions;

/// <summary>Retention clean-up on a schedule: the session store's clean-up, and the matching finished instances in the task hub.</summary>
public sealed partial class RetentionFunctions(ISessionStore sessions, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionFunctions> logger)
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
        var removed = await sessions.CleanupAsync(olderThan, cancellationToken);

        // Finished orchestrations of the same age: their claims are answered from the archive.
        var purged = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(null, olderThan, [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]),
            cancellationToken);
        Log.Cleaned(logger, removed, purged.PurgedInstanceCount, olderThan, timer.IsPastDue, timer.ScheduleStatus?.Next);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
            Message = "Retention: removed {Sessions} session(s) and purged {Instances} instance(s) older than {OlderThan} (past due: {PastDue}; next run {Next})")]
        public static partial void Cleaned(ILogger logger, int sessions, int instances, DateTimeOffset olderThan, bool pastDue, DateTime? next);
    }
}
