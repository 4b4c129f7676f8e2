namespace DurableClaims.Durable;

/// <summary>Options for scheduling an activity or sub-orchestration (mirrors Microsoft.DurableTask.TaskOptions).</summary>
public record TaskOptions
{
    /// <summary>Gets the retry policy, or null for a single attempt.</summary>
    public RetryPolicy? RetryPolicy { get; init; }

    /// <summary>Gets the instance id for a sub-orchestration; null derives one deterministically.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Creates options with a retry policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new() { RetryPolicy = policy };
}

/// <summary>Declarative retry policy applied by the orchestration (durable timers between attempts).</summary>
public sealed class RetryPolicy
{
    /// <summary>Creates a policy; arguments as Microsoft.DurableTask.RetryPolicy.</summary>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>Gets the total number of attempts, including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Gets the delay before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Gets the factor applied to the delay after each failed retry.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Gets the longest delay between attempts.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Gets the overall time budget for retries (infinite by default).</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Gets or sets a filter deciding whether a failure is retried; null retries every failure.</summary>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    /// <summary>Computes the delay before attempt <paramref name="nextAttempt"/> (2 = first retry).</summary>
    public TimeSpan GetDelay(int nextAttempt)
    {
        var factor = Math.Pow(BackoffCoefficient, Math.Max(0, nextAttempt - 2));
        var ticks = Math.Min(FirstRetryInterval.Ticks * factor, MaxRetryInterval.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
