using DurableClaims.Contracts;
using DurableClaims.Durable;
using DurableClaims.Notifications;

namespace DurableClaims.Workflow.Activities;

/// <summary>Delivers lifecycle events to the webhooks; fails on a failed POST so the orchestrator's retry policy backs off and repeats.</summary>
/// <remarks>Receivers de-duplicate on the X-DurableClaims-Delivery header: a retry re-sends to every URL.</remarks>
public sealed class NotifyWebhooksActivity : TaskActivity<IReadOnlyList<ClaimLifecycleEvent>, int>
{
    private readonly WebhookSender _sender;

    /// <summary>Creates the activity.</summary>
    public NotifyWebhooksActivity(WebhookSender sender) => _sender = sender ?? throw new ArgumentNullException(nameof(sender));

    public override Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<ClaimLifecycleEvent> input)
        => _sender.SendAsync(input ?? [], CancellationToken.None);
}
