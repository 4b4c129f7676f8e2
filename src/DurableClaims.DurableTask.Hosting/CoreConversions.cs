using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Maps DurableTask.Core's status and failure types to Microsoft's client types.</summary>
internal static class CoreConversions
{
    /// <summary>The statuses of an instance that is not finished.</summary>
    public static readonly Core.OrchestrationStatus[] ActiveStatuses =
    [
        Core.OrchestrationStatus.Pending,
        Core.OrchestrationStatus.Running,
        Core.OrchestrationStatus.Suspended,
    ];

    /// <summary>The statuses of a finished instance.</summary>
    public static readonly Core.OrchestrationStatus[] TerminalStatuses =
        [.. Enum.GetValues<Core.OrchestrationStatus>().Where(s => s.IsTerminal())];

#pragma warning disable CS0618 // Canceled is obsolete in both APIs but must still map.
    public static OrchestrationRuntimeStatus ToRuntimeStatus(this Core.OrchestrationStatus status) => status switch
    {
        Core.OrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        Core.OrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
        Core.OrchestrationStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        Core.OrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        Core.OrchestrationStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
        Core.OrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        Core.OrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        Core.OrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };

    public static Core.OrchestrationStatus ToCoreStatus(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => Core.OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Completed => Core.OrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => Core.OrchestrationStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => Core.OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => Core.OrchestrationStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => Core.OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => Core.OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => Core.OrchestrationStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };
#pragma warning restore CS0618

    public static TaskFailureDetails? ToTaskFailureDetails(this Core.FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(
            details.ErrorType,
            details.ErrorMessage,
            details.StackTrace,
            details.InnerFailure.ToTaskFailureDetails(),
            details.Properties);

    /// <summary>Builds Microsoft's metadata; inputs and outputs only when asked for, as Microsoft's gRPC client does.</summary>
    public static OrchestrationMetadata ToMetadata(this Core.OrchestrationState state, bool withInputsAndOutputs, DataConverter converter) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = converter,
            RuntimeStatus = state.OrchestrationStatus.ToRuntimeStatus(),
            CreatedAt = AsUtc(state.CreatedTime),
            LastUpdatedAt = AsUtc(state.LastUpdatedTime),
            SerializedInput = withInputsAndOutputs ? state.Input : null,
            SerializedOutput = withInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = state.Status,
            FailureDetails = state.FailureDetails.ToTaskFailureDetails() ?? FailureFromOutput(state),
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : new Dictionary<string, string>(),
        };

    // Azure Storage keeps no failure details on the instance row: it writes FailureDetails.ToString() ("ErrorType: message")
    // as the output instead, so that is where a failed instance's error type and message are read back from.
    private static TaskFailureDetails? FailureFromOutput(Core.OrchestrationState state)
    {
        if (state.OrchestrationStatus != Core.OrchestrationStatus.Failed || string.IsNullOrEmpty(state.Output))
        {
            return null;
        }

        var separator = state.Output.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && !state.Output.AsSpan(0, separator).ContainsAny(" \"{")
            ? new TaskFailureDetails(state.Output[..separator], state.Output[(separator + 2)..], null, null, null)
            : new TaskFailureDetails("OrchestrationFailed", state.Output, null, null, null);
    }

    // Providers hand back DateTime with Kind Unspecified (e.g. from storage); all DurableTask.Core times are UTC.
    private static DateTimeOffset AsUtc(DateTime time) => time.Kind == DateTimeKind.Local
        ? new DateTimeOffset(time.ToUniversalTime())
        : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
