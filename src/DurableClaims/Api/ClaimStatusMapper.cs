using DurableClaims.Contracts;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api;

/// <summary>Builds the claim status object from runtime metadata (custom status while running, output once ended) or, after a purge, from the session archive.</summary>
public static class ClaimStatusMapper
{
    /// <summary>Maps a runtime instance (fetched with payloads).</summary>
    public static ClaimStatusView FromInstance(OrchestrationMetadata instance)
        => FromInstance(instance, ReadProgress(instance));

    /// <summary>Maps a runtime instance whose custom status the caller has already read.</summary>
    public static ClaimStatusView FromInstance(OrchestrationMetadata instance, ClaimProgress? progress)
    {
        var view = Map(instance, progress, out var error);
        return view with { Detail = ClaimStatusDetail.Describe(view, error) };
    }

    private static ClaimStatusView Map(OrchestrationMetadata instance, ClaimProgress? progress, out string? error)
    {
        ArgumentNullException.ThrowIfNull(instance);
        error = null;
        var view = new ClaimStatusView
        {
            ClaimId = instance.InstanceId,
            Status = ClaimStatusCodes.Running,
            RuntimeStatus = instance.RuntimeStatus.ToString(),
            Phase = progress?.Phase ?? ClaimPhases.Intake,
            Reason = progress?.Reason,
            MissingDocuments = progress?.MissingDocuments ?? [],
            ReceivedDocuments = progress?.ReceivedDocuments ?? [],
            RiskScore = progress?.RiskScore,
            Rounds = progress?.Rounds ?? 0,
            Reminders = progress?.Reminders ?? 0,
            CreatedTime = instance.CreatedAt,
            LastUpdatedTime = instance.LastUpdatedAt,
        };

        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed when TryRead<ClaimOutcome>(instance.SerializedOutput) is { } outcome:
                error = outcome.ErrorMessage;
                return view with
                {
                    Status = outcome.Status,
                    Reason = outcome.Reason,
                    Phase = ClaimPhases.Completed,
                    Decision = outcome.Decision,
                    MissingDocuments = outcome.MissingDocuments,
                    ReceivedDocuments = outcome.ReceivedDocuments,
                    RiskScore = outcome.RiskScore ?? view.RiskScore,
                    Rounds = outcome.Rounds,
                };
            case OrchestrationRuntimeStatus.Completed:
                return view with { Status = ClaimStatusCodes.Error, Reason = ClaimReasons.UnexpectedError + ": the claim ended without an outcome" };
            case OrchestrationRuntimeStatus.Failed:
                return view with { Status = ClaimStatusCodes.Error, Reason = $"{ClaimReasons.UnexpectedError}: {instance.FailureDetails?.ErrorMessage}" };
            case OrchestrationRuntimeStatus.Terminated:
                return view with { Status = ClaimStatusCodes.Error, Reason = "terminated: " + (TryRead<string>(instance.SerializedOutput) ?? "by request") };
            default:
                error = progress?.Error ?? progress?.Cause;
                return view with
                {
                    Status = progress?.Status ?? ClaimStatusCodes.Running,
                    Awaiting = progress?.Awaiting,
                    Actions = progress?.Actions ?? AdjusterActions.For(progress?.Awaiting),
                    Deadline = progress?.Awaiting is not null ? progress.DocumentDeadline : null,
                };
        }
    }

    /// <summary>Maps an archived session (the runtime instance is gone).</summary>
    public static ClaimStatusView FromSession(SessionMetadata metadata, SessionContext? context)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var view = new ClaimStatusView
        {
            ClaimId = metadata.ClaimId,
            Status = metadata.Status,
            Reason = metadata.Reason,
            RuntimeStatus = null,
            Phase = metadata.Phase ?? context?.Phase,
            MissingDocuments = context?.MissingDocuments ?? [],
            ReceivedDocuments = context?.ReceivedDocuments.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToList() ?? [],
            RiskScore = context?.RiskScore,
            Rounds = metadata.Rounds,
            CreatedTime = metadata.CreatedAt,
            LastUpdatedTime = metadata.UpdatedAt,
            Decision = context?.Decision,
        };
        return view with { Detail = ClaimStatusDetail.Describe(view) };
    }

    /// <summary>Reads the custom status of an instance, or null.</summary>
    public static ClaimProgress? ReadProgress(OrchestrationMetadata instance)
        => TryRead<ClaimProgress>(instance?.SerializedCustomStatus);

    /// <summary>Reads the outcome of a completed instance, or null.</summary>
    public static ClaimOutcome? ReadOutcome(OrchestrationMetadata instance)
        => instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? TryRead<ClaimOutcome>(instance.SerializedOutput) : null;

    private static T? TryRead<T>(string? json)
    {
        try
        {
            return ClaimsJson.Deserialize<T>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            // A status written by another version of the workflow must not break the status endpoint.
            return default;
        }
    }
}
