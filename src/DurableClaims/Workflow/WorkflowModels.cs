using System.Text.Json.Serialization;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Notifications;

namespace DurableClaims.Workflow;

/// <summary>Input of <see cref="Activities.NotifyWebhooksActivity"/>: lifecycle events for one configured webhook.</summary>
/// <remarks>Part of the claim's history, so it names the webhook (<see cref="WebhookTarget"/>) and never carries its URL.</remarks>
/// <param name="Target">Which configured webhook; the activity resolves its URL from the options.</param>
/// <param name="Events">The events, in order.</param>
/// <param name="Session">The claim as it stood when the events happened (the body's <c>session</c>).</param>
public sealed record WebhookDelivery(WebhookTarget Target, IReadOnlyList<ClaimLifecycleEvent> Events, WebhookSession Session);

/// <summary>Input of <see cref="Activities.StartClaimActivity"/>: the claim and its state as intake begins.</summary>
public sealed record StartClaimRequest(ClaimSubmission Claim, DateTimeOffset StartedAt, ClaimLifecycleEvent Event, ClaimState State);

/// <summary>Output of <see cref="Activities.StartClaimActivity"/>.</summary>
public sealed record IntakeResult(
    IReadOnlyList<string> RequiredDocuments,
    IReadOnlyList<ReceivedDocument> ReceivedDocuments,
    IReadOnlyList<ClaimLifecycleEvent> Events,
    IReadOnlyList<string>? NeverPayable = null);

/// <summary>A message the orchestrator wants in the history (ids are assigned from the step key).</summary>
public sealed record NewMessage(string Author, string Role, string Content);

/// <summary>A change of a claim's session: its state (the session files are a projection of it), messages and one lifecycle event.</summary>
public sealed record SessionUpdate
{
    /// <summary>Gets the claim's state after the step.</summary>
    public required ClaimState State { get; init; }

    /// <summary>Gets the claim (from its state).</summary>
    [JsonIgnore]
    public string ClaimId => State.ClaimId;

    /// <summary>Gets a key unique within the claim (e.g. <c>pause-2</c>); message ids derive from it, so a re-run adds nothing.</summary>
    public required string StepKey { get; init; }

    public required DateTimeOffset At { get; init; }

    public IReadOnlyList<NewMessage> Messages { get; init; } = [];

    public ClaimLifecycleEvent? Event { get; init; }
}

/// <summary>Input of <see cref="Activities.RunAnalysisRoundActivity"/>.</summary>
public sealed record RoundRequest
{
    public required ClaimSubmission Claim { get; init; }

    /// <summary>Gets the claim's state as the round begins (its round number, documents and earlier findings).</summary>
    public required ClaimState State { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required DateTimeOffset At { get; init; }

    public required ClaimLifecycleEvent Event { get; init; }
}

/// <summary>Output of <see cref="Activities.RunAnalysisRoundActivity"/>: what the team concluded this round.</summary>
public sealed record RoundResult : RoundConclusion
{
    /// <summary>Gets the round and tool_call events recorded (for webhooks).</summary>
    public IReadOnlyList<ClaimLifecycleEvent> Events { get; init; } = [];
}

/// <summary>Input of <see cref="Activities.CompleteClaimActivity"/>.</summary>
public sealed record CompletionRequest
{
    public required ClaimSubmission Claim { get; init; }

    /// <summary>Gets the claim's state before it ends: rounds, risk, documents, findings, evidence, the agents' recommendation and model version.</summary>
    public required ClaimState State { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the terminal status, or null to decide (approve/deny) from the rules, the recommendation and the adjuster.</summary>
    public string? Status { get; init; }

    public string? Reason { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Gets the high-risk threshold from the claim's settings snapshot.</summary>
    public double HighRiskThreshold { get; init; } = 0.7;

    public AdjusterDecision? Adjuster { get; init; }

    public required string EventId { get; init; }
}
