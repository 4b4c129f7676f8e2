using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.Exceptions;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask.Abstractions;
using Microsoft.Extensions.Logging;
using static Microsoft.DurableTask.Worker.DurableTaskWorkerOptions;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Applies <see cref="Microsoft.DurableTask.Worker.DurableTaskWorkerOptions.Versioning"/> to each orchestration work item, as Microsoft's gRPC worker does.</summary>
/// <remarks>
/// Microsoft's shims run whatever the dispatcher hands them, so the check sits in the dispatcher pipeline before the
/// orchestration runs. DurableTask.Core's own <c>VersioningSettings</c> would check too, but compares Strict versions as
/// strings and fails with a message that names neither version; this gate keeps the gRPC worker's comparison and messages,
/// so the same options mean the same thing on both workers.
/// </remarks>
internal sealed class OrchestrationVersionGate(VersioningOptions versioning, ILogger logger)
{
    /// <summary>Error type of a version that does not match, the same as Microsoft's gRPC worker reports.</summary>
    internal const string MismatchErrorType = "VersionMismatch";

    /// <summary>Error type of a match strategy this gate does not know.</summary>
    internal const string ErrorType = "VersionError";

    /// <summary>Why an instance of <paramref name="orchestrationVersion"/> may not run under <paramref name="versioning"/>; null when it may.</summary>
    public static FailureDetails? Evaluate(VersioningOptions? versioning, string? orchestrationVersion)
    {
        if (versioning is null || versioning.MatchStrategy == VersionMatchStrategy.None)
        {
            return null;
        }

        var version = orchestrationVersion ?? string.Empty;
        var comparison = TaskOrchestrationVersioningUtils.CompareVersions(version, versioning.Version);
        return versioning.MatchStrategy switch
        {
            VersionMatchStrategy.Strict when comparison != 0 => Mismatch(
                $"The orchestration version '{version}' does not match the worker version '{versioning.Version}'."),
            VersionMatchStrategy.CurrentOrOlder when comparison > 0 => Mismatch(
                $"The orchestration version '{version}' is greater than the worker version '{versioning.Version}'."),
            VersionMatchStrategy.Strict or VersionMatchStrategy.CurrentOrOlder => null,

            // A strategy this gate does not understand is safer treated as a failure than as a match.
            _ => new FailureDetails(ErrorType, $"The version match strategy '{versioning.MatchStrategy}' is unknown.", null, null, isNonRetriable: true),
        };

        static FailureDetails Mismatch(string message) => new(MismatchErrorType, message, null, null, isNonRetriable: true);
    }

    /// <summary>Dispatcher middleware: runs the orchestration when its version matches; otherwise fails it or hands it back.</summary>
    public Task RunAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var state = context.GetProperty<OrchestrationRuntimeState>();
        if (state is null || Evaluate(versioning, state.Version) is not { } failure)
        {
            return next();
        }

        var instanceId = state.OrchestrationInstance?.InstanceId ?? string.Empty;
        if (versioning.FailureStrategy == VersionFailureStrategy.Fail)
        {
            logger.VersionMismatchFailed(instanceId, failure.ErrorMessage);

            // The dispatcher takes a result set by middleware instead of running the orchestration: it ends Failed.
            context.SetProperty(new OrchestratorExecutionResult
            {
                Actions =
                [
                    new OrchestrationCompleteOrchestratorAction
                    {
                        Id = state.PastEvents.Count,
                        OrchestrationStatus = OrchestrationStatus.Failed,
                        FailureDetails = failure,
                    },
                ],
            });
            return Task.CompletedTask;
        }

        // Reject: the dispatcher abandons the work item on this exception (no error, no dispatcher back-off); the
        // provider hands it out again later, when a worker whose version matches may take it.
        logger.VersionMismatchRejected(instanceId, failure.ErrorMessage);
        throw new SessionAbortedException($"Instance {instanceId} was handed back: {failure.ErrorMessage}");
    }
}
