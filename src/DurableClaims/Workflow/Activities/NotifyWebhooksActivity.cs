using DurableClaims.Contracts;
using DurableClaims.Notifications;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow.Activities;

/// <summary>Delivers lifecycle events to one configured webhook, its URL resolved from the options; fails on a failed POST so the orchestrator's retry policy backs off and repeats.</summary>
/// <remarks>A retry re-sends this URL's events (at-least-once): receivers de-duplicate on the X-DurableClaims-Delivery header.</remarks>
public sealed class NotifyWebhooksActivity : TaskActivity<WebhookDelivery, int>
{
    private readonly WebhookSender _sender;

    /// <summary>Creates the activity.</summary>
    public NotifyWebhooksActivity(WebhookSender sender) => _sender = sender ?? throw new ArgumentNullException(nameof(sender));

    public override Task<int> RunAsync(TaskActivityContext context, WebhookDelivery input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // A delivery queued by a version that sent the URL itself has no target: it cannot be resolved, and is dropped.
        return input.Target is null ? Task.FromResult(0) : _sender.SendAsync(input.Target, input.Events, input.Session, CancellationToken.None);
    }
}
