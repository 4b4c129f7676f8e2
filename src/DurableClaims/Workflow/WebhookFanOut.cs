using DurableClaims.Contracts;
using DurableClaims.Notifications;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>Sends a claim's lifecycle events to its webhooks: one delivery per target, started without waiting for it.</summary>
/// <remarks>A slow receiver never holds the claim up, and a failing one never makes the others receive an event twice.</remarks>
/// <param name="context">The orchestration context.</param>
/// <param name="claim">The claim, for the body's <c>session</c>.</param>
/// <param name="status">Reads the claim's status when events are sent.</param>
internal sealed class WebhookFanOut(TaskOrchestrationContext context, ClaimSubmission claim, Func<string> status)
{
    private readonly List<Task> _deliveries = [];

    /// <summary>Gets or sets the claim's settings snapshot (its webhook targets and retry policy).</summary>
    public WorkflowSettings Settings { get; set; } = new();

    /// <summary>Starts the deliveries of <paramref name="events"/>.</summary>
    public void Notify(IReadOnlyList<ClaimLifecycleEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        foreach (var target in Targets())
        {
            _deliveries.Add(DeliverAsync(new WebhookDelivery(target, events, WebhookSession.Of(claim, status()))));
        }
    }

    /// <summary>Waits for every delivery: those scheduled in the step that completes the orchestration would be dropped.</summary>
    public Task WhenAllAsync() => Task.WhenAll(_deliveries);

    /// <summary>The settings' targets; a claim started before targets existed has only URLs, named here by position so a replay schedules the same deliveries.</summary>
    private IEnumerable<WebhookTarget> Targets() => Settings.WebhookTargets.Count > 0 || Settings.LegacyWebhookUrls is not { Count: > 0 } legacy
        ? Settings.WebhookTargets
        : legacy.Select((_, index) => new WebhookTarget(index, null));

    private async Task DeliverAsync(WebhookDelivery delivery)
    {
        try
        {
            var policy = new RetryPolicy(Settings.WebhookMaxAttempts, Settings.WebhookFirstRetryInterval, 2.0);
            await context.CallActivityAsync<int>(nameof(NotifyWebhooksActivity), delivery, TaskOptions.FromRetryPolicy(policy));
        }
        catch (TaskFailedException ex)
        {
            // Webhooks never fail a claim: the failure is logged and the claim goes on.
            WorkflowLog.WebhookFailed(context.CreateReplaySafeLogger<ClaimOrchestrator>(), claim.ClaimId, ex.FailureDetails.ErrorMessage);
        }
    }
}
