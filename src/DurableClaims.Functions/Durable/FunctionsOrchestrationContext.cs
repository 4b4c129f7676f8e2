using Microsoft.Extensions.Logging;
using ClaimsContext = DurableClaims.Durable.TaskOrchestrationContext;
using ClaimsFailedException = DurableClaims.Durable.TaskFailedException;
using ClaimsFailureDetails = DurableClaims.Durable.TaskFailureDetails;
using ClaimsTaskOptions = DurableClaims.Durable.TaskOptions;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;
using DurableFailedException = Microsoft.DurableTask.TaskFailedException;
using DurableFailureDetails = Microsoft.DurableTask.TaskFailureDetails;
using DurableRetryPolicy = Microsoft.DurableTask.RetryPolicy;
using DurableTaskOptions = Microsoft.DurableTask.TaskOptions;

namespace DurableClaims.Functions.Durable;

/// <summary>Presents Microsoft's <see cref="DurableContext"/> as the workflow's <see cref="ClaimsContext"/> (same member names, one call each).</summary>
/// <remarks>
/// The only translations: retry policies (the workflow's type to Microsoft's) and activity failures
/// (Microsoft's <see cref="DurableFailedException"/> to the workflow's <see cref="ClaimsFailedException"/>,
/// which is what the orchestrator catches). Timeouts of <c>WaitForExternalEvent</c> are
/// <see cref="TaskCanceledException"/> in both runtimes, so they pass through unchanged.
/// </remarks>
/// <param name="inner">The context Durable Functions passed to the orchestrator function.</param>
/// <param name="name">The orchestrator's registered name.</param>
internal sealed class FunctionsOrchestrationContext(DurableContext inner, string name) : ClaimsContext
{
    public override string InstanceId => inner.InstanceId;

    public override string Name => name;

    public override bool IsReplaying => inner.IsReplaying;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override T? GetInput<T>() where T : default => inner.GetInput<T>();

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ClaimsTaskOptions? options = null)
    {
        try
        {
            return await inner.CallActivityAsync<TResult>(name, input, Convert(options));
        }
        catch (DurableFailedException ex)
        {
            throw Convert(ex);
        }
    }

    public override async Task CallActivityAsync(string name, object? input = null, ClaimsTaskOptions? options = null)
    {
        try
        {
            await inner.CallActivityAsync(name, input, Convert(options));
        }
        catch (DurableFailedException ex)
        {
            throw Convert(ex);
        }
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, ClaimsTaskOptions? options = null)
    {
        try
        {
            return await inner.CallSubOrchestratorAsync<TResult>(name, input, Convert(options));
        }
        catch (DurableFailedException ex)
        {
            throw Convert(ex);
        }
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        => inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
        => inner.WaitForExternalEvent<T>(eventName, timeout);

    public override Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
        => inner.WaitForExternalEvent<T>(eventName, timeout, cancellationToken);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
        => inner.CreateTimer(fireAt, cancellationToken);

    public override Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => inner.CreateTimer(delay, cancellationToken);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Guid NewGuid() => inner.NewGuid();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    private static DurableTaskOptions? Convert(ClaimsTaskOptions? options)
    {
        if (options?.RetryPolicy is not { } policy)
        {
            return null;
        }

        // Microsoft's policy requires a first interval above zero and a maximum not below it.
        var first = policy.FirstRetryInterval > TimeSpan.Zero ? policy.FirstRetryInterval : TimeSpan.FromMilliseconds(1);
        var maximum = policy.MaxRetryInterval < first ? first : policy.MaxRetryInterval;
        TimeSpan? timeout = policy.RetryTimeout == Timeout.InfiniteTimeSpan || policy.RetryTimeout >= first ? policy.RetryTimeout : first;
        var converted = policy.HandleFailure is { } handle
            ? new DurableRetryPolicy(policy.MaxNumberOfAttempts, first, policy.BackoffCoefficient, maximum, timeout)
            {
                HandleFailure = details => handle(Convert(details)),
            }
            : new DurableRetryPolicy(policy.MaxNumberOfAttempts, first, policy.BackoffCoefficient, maximum, timeout);
        return DurableTaskOptions.FromRetryPolicy(converted);
    }

    private static ClaimsFailedException Convert(DurableFailedException exception)
        => new(exception.TaskName, exception.TaskId, Convert(exception.FailureDetails));

    private static ClaimsFailureDetails Convert(DurableFailureDetails details)
        => new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is null ? null : Convert(details.InnerFailure));
}
