using Microsoft.Extensions.Logging;

namespace DurableClaims.Workflow;

/// <summary>The orchestrator's log messages (written through the replay-safe logger).</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Claim {ClaimId} started on workflow version '{WorkflowVersion}'; {Missing} documents missing")]
    public static partial void Started(ILogger logger, string claimId, string workflowVersion, int missing);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Claim {ClaimId} round {Round}: {NewFindings} new findings, recommendation {Recommendation}")]
    public static partial void Round(ILogger logger, string claimId, int round, int newFindings, string recommendation);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Claim {ClaimId} ignored a delivery from {Source}: every document was already on file")]
    public static partial void DuplicateDelivery(ILogger logger, string claimId, string source);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Claim {ClaimId} ignored an adjuster decision without a valid decision or adjuster")]
    public static partial void InvalidReview(ILogger logger, string claimId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Claim {ClaimId} received an event payload it cannot read: {Error}")]
    public static partial void BadPayload(ILogger logger, string claimId, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Claim {ClaimId} could not deliver webhooks: {Error}")]
    public static partial void WebhookFailed(ILogger logger, string claimId, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Claim {ClaimId} ended {Status} ({Reason})")]
    public static partial void Completed(ILogger logger, string claimId, string status, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Claim {ClaimId} failed: {Error}")]
    public static partial void Failed(ILogger logger, string claimId, string error);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Claim {ClaimId} ignored the adjuster action '{Action}': it is not valid while the claim waits for {Awaiting}")]
    public static partial void InvalidAdjusterAction(ILogger logger, string claimId, string action, string awaiting);
}
